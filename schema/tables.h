// One constructor per declared object; schema.cpp collects them. Internal to schema/.
#pragma once

#include "schema/schema.h"
#include "schema/writes.h"

namespace igodbc::schema {

Table contentPublishingLimitTable();  // tables_content.cpp
Table storiesTable();
Table tagsTable();
Table mentionedMediaTable();
Table mentionedCommentsTable();
Table permissionsTable();
Table commentsTable();  // tables_comments.cpp
Table repliesTable();
Table accountsTable();
Table pagesTable();
Table mediaTable();
Table mediaChildrenTable();
Table sysRequestsTable();
Table sysIdentityTable();         // tables_system.cpp
Table sysConnectionPropsTable();  // tables_sys_props.cpp
Table hashtagsTable();            // tables_public.cpp
Table hashtagMediaTable();
Table recentlySearchedHashtagsTable();
Table businessDiscoveryTable();
Table businessDiscoveryMediaTable();
Table mediaInsightsTable();
Table storyInsightsTable();
Table accountInsightsTable();  // tables_account_insights.cpp
Table accountInsightTotalsTable();
Table audienceInsightsTable();
Table onlineFollowersTable();
Table sysMetricsTable();
Table sysRateLimitTable();

}  // namespace igodbc::schema
