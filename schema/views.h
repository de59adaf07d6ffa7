// The wide views of data-model section 6, declared from the metric rules: their column lists and the SQL
// that pivots the long insight tables (one metric column per rule that has a wide column).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"

namespace igodbc::schema {

Table mediaMetricsView();
Table storyMetricsView();  // views_story_account.cpp
Table accountDailyMetricsView();
// The SELECT of StoryMetrics / AccountDailyMetrics, or "" for any other table (views_story_account.cpp).
std::string storyAccountViewSql(std::string_view table);

// The SELECT behind a view (Source::View), or "" for any other table.
std::string viewSelectSql(std::string_view table);

// ---- CData compatibility (data-model 11), only with CDataCompat=true: views_cdata.cpp ----

// The compatibility views whose underlying objects exist, declared like any view (TableKind::View).
const std::vector<Table>& compatViews();
// The SELECT behind a compatibility view, or "" when `view` is not one.
std::string compatViewSelectSql(std::string_view view);
// Our table with CData's alias columns appended (ordinary columns copying the value of ours), or nullptr when
// the table has no aliases.
const Table* compatTable(std::string_view table);
// What the catalog lists: every declared object, with the compatibility objects in compatibility mode.
std::vector<const Table*> catalogTables(bool cdataCompat);

}  // namespace igodbc::schema
