// The declared tables, listed once. Internal to schema/.
#pragma once

#include "schema/schema.h"
#include "schema/writes.h"

// Every table, in the order the catalog and docs/tables.md show them: one line per table, naming the function
// (in a schema/tables_*.cpp or views*.cpp file) that returns its declaration. Adding a table adds a line
// here; allTables() (schema.cpp) calls each function once.
#define IGODBC_SCHEMA_TABLES(TABLE)    \
  TABLE(accountsTable)                 \
  TABLE(pagesTable)                    \
  TABLE(mediaTable)                    \
  TABLE(mediaChildrenTable)            \
  TABLE(sysRequestsTable)              \
  TABLE(contentPublishingLimitTable)   \
  TABLE(storiesTable)                  \
  TABLE(tagsTable)                     \
  TABLE(mentionedMediaTable)           \
  TABLE(mentionedCommentsTable)        \
  TABLE(permissionsTable)              \
  TABLE(commentsTable)                 \
  TABLE(repliesTable)                  \
  TABLE(mediaInsightsTable)            \
  TABLE(storyInsightsTable)            \
  TABLE(sysMetricsTable)               \
  TABLE(sysRateLimitTable)             \
  TABLE(mediaMetricsView)              \
  TABLE(sysIdentityTable)              \
  TABLE(accountInsightsTable)          \
  TABLE(accountInsightTotalsTable)     \
  TABLE(audienceInsightsTable)         \
  TABLE(onlineFollowersTable)          \
  TABLE(storyMetricsView)              \
  TABLE(accountDailyMetricsView)       \
  TABLE(hashtagsTable)                 \
  TABLE(hashtagMediaTable)             \
  TABLE(recentlySearchedHashtagsTable) \
  TABLE(businessDiscoveryTable)        \
  TABLE(businessDiscoveryMediaTable)   \
  TABLE(sysConnectionPropsTable)

namespace igodbc::schema {

#define IGODBC_DECLARE_TABLE(function) Table function();
IGODBC_SCHEMA_TABLES(IGODBC_DECLARE_TABLE)
#undef IGODBC_DECLARE_TABLE

}  // namespace igodbc::schema
