// The connection facts the metric rules are evaluated with: Version, AuthMode and
// MetricRulesDate (today in UTC when unset).
#pragma once

#include "graph/client.h"
#include "schema/metrics.h"
#include "sql/sources/row_source.h"

namespace igodbc::sql {

inline schema::RuleContext ruleContext(const FetchContext& ctx) {
  schema::RuleContext rc;
  graph::Client* client = ctx.engine().graph();
  rc.versionMajor = schema::versionMajor(client ? client->config().version : "v24.0");
  rc.date = ctx.settings().metricRulesDate.empty() ? todayUtc() : ctx.settings().metricRulesDate;
  rc.facebookLogin = ctx.facebookLogin();
  return rc;
}

}  // namespace igodbc::sql
