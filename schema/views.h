// The wide views of data-model section 6, declared from the metric rules: their column lists and the SQL
// that pivots the long insight tables (one metric column per rule that has a wide column).
#pragma once

#include <string>
#include <string_view>

#include "schema/schema.h"

namespace igodbc::schema {

Table mediaMetricsView();

// The SELECT behind a view (Source::View), or "" for any other table.
std::string viewSelectSql(std::string_view table);

}  // namespace igodbc::schema
