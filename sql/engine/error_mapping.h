// Failures of the layers below (graph/, net/, oauth/) as ODBC diagnostics: SQLSTATE, native code, message.
// Virtual-table callbacks catch everything and turn it into one of these: no C++ exception may cross a SQLite
// callback.
#pragma once

#include "graph/errors.h"
#include "sql/engine/diagnostic.h"

namespace igodbc::sql {

Diagnostic diagnoseGraphError(const graph::GraphError& e);

// 08007 for a write whose answer was lost. `outcome` says what reading the object back showed and what to do;
// empty: the generic "may have been applied, check before retrying".
Diagnostic diagnoseOutcomeUnknown(const graph::OutcomeUnknownError& e, const std::string& outcome);

// The diagnostic for the exception currently being handled; call only inside a catch block.
Diagnostic diagnoseCurrentException();

// A Graph "no such object" answer to a lookup by key (100/33, or 803 for ids=): SQL says "no rows".
bool isUnknownKey(const graph::GraphError& e);

// "Graph API said "…" (code 100/33, fbtrace_id …)": the quotation shared by errors and warnings.
std::string quoteGraph(const graph::GraphError& e);

}  // namespace igodbc::sql
