// One constructor per declared object; schema.cpp collects them. Internal to schema/.
#pragma once

#include "schema/schema.h"

namespace igodbc::schema {

Table contentPublishingLimitTable();  // tables_content.cpp
Table storiesTable();
Table tagsTable();
Table mentionedMediaTable();
Table mentionedCommentsTable();
Table permissionsTable();
Table accountsTable();
Table pagesTable();
Table mediaTable();
Table mediaChildrenTable();
Table sysRequestsTable();
Table mediaInsightsTable();
Table storyInsightsTable();
Table sysMetricsTable();
Table sysRateLimitTable();

}  // namespace igodbc::schema
