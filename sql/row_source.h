// What the virtual-table cursor pulls rows from: one fetch strategy per schema::Source (source_*.cpp), each
// fetching pages lazily and keeping only the current page in memory.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "graph/client.h"
#include "schema/schema.h"
#include "sql/constraints.h"
#include "sql/engine.h"
#include "sql/fields.h"
#include "sql/insight_memory.h"
#include "sql/listed_ids.h"
#include "sql/plan.h"
#include "sql/value.h"

namespace igodbc::sql {

// Per-connection state shared by every Instagram table of one engine (the module's client data).
struct ModuleState {
  explicit ModuleState(Engine& e) : engine(e) {}
  Engine& engine;
  // Account scope discovered through /me/accounts or /me, kept 10 minutes.
  std::vector<std::string> scope;
  std::chrono::steady_clock::time_point scopeAt;
  bool scopeValid = false;
  // Media kinds and rejected metrics learned by the insight tables.
  InsightMemory insights;
  // The media IDs of the latest Media walk page, for lookups a join drives one media at a time.
  ListedIds listedMedia;
  // The top-level comment IDs of the latest comments page a comment stream read, for replies lookups a join
  // drives one comment at a time.
  ListedIds listedComments;
  // The reply IDs of the latest replies page a comment stream read: the same for joins whose outer rows are
  // replies (Comments, which holds both, joined to Replies).
  ListedIds listedReplies;
};

// Everything a fetch strategy needs for one scan.
struct FetchContext {
  ModuleState& state;
  const schema::Table& table;
  const Plan& plan;
  const Constraints& constraints;
  FieldOptions options;
  // Set by a scan that reads this one to the end before its first row (the wide metric tables): warnings
  // are then reported once, with their final counts, instead of with every page.
  bool warnAtEndOnly = false;

  Engine& engine() const { return state.engine; }
  const Settings& settings() const { return state.engine.settings(); }
  bool facebookLogin() const { return options.facebookLogin; }
  // The Graph client; throws EngineError when the engine has none.
  graph::Client& graph() const;
  // The page size for an edge: its maximum, lowered by the PageSize property.
  int pageSize(int edgeMax) const;
  // The first page's size: the LIMIT hint when the statement's constraints all reached the API.
  int firstPageSize(int edgeMax) const;
  // A 01000 warning on the statement (deduplicated by the engine).
  void warn(const std::string& text) const;
  int column(const char* name) const { return schema::columnIndex(table, name); }
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Fills `row` (one value per column) and returns true, or returns false at the end. `seq` is set to the
  // RequestLog entry of the response the row came from (0 when none).
  virtual bool next(Row& row, int& seq) = 0;
};

std::unique_ptr<RowSource> openSource(FetchContext& ctx);

std::unique_ptr<RowSource> openAccounts(FetchContext& ctx);
std::unique_ptr<RowSource> openPages(FetchContext& ctx);
std::unique_ptr<RowSource> openMedia(FetchContext& ctx);
std::unique_ptr<RowSource> openMediaChildren(FetchContext& ctx);
std::unique_ptr<RowSource> openSysRequests(FetchContext& ctx);
std::unique_ptr<RowSource> openMediaInsights(FetchContext& ctx);
std::unique_ptr<RowSource> openStoryInsights(FetchContext& ctx);
std::unique_ptr<RowSource> openAccountInsights(FetchContext& ctx);  // source_account_insights.cpp
std::unique_ptr<RowSource> openAccountInsightTotals(FetchContext& ctx);
std::unique_ptr<RowSource> openAccountDailyMetrics(FetchContext& ctx);  // source_account_daily.cpp
std::unique_ptr<RowSource> openStoryMetrics(FetchContext& ctx);         // source_media_metrics.cpp
std::unique_ptr<RowSource> openMediaMetrics(FetchContext& ctx);         // source_media_metrics.cpp
std::unique_ptr<RowSource> openAudienceInsights(FetchContext& ctx);     // source_audience.cpp
std::unique_ptr<RowSource> openOnlineFollowers(FetchContext& ctx);
std::unique_ptr<RowSource> openSysMetrics(FetchContext& ctx);
std::unique_ptr<RowSource> openSysRateLimit(FetchContext& ctx);
std::unique_ptr<RowSource> openSysIdentity(FetchContext& ctx);               // source_sys_identity.cpp
std::unique_ptr<RowSource> openHashtags(FetchContext& ctx);                  // source_hashtags.cpp
std::unique_ptr<RowSource> openHashtagMedia(FetchContext& ctx);              // source_hashtag_media.cpp
std::unique_ptr<RowSource> openRecentlySearchedHashtags(FetchContext& ctx);  // source_recent_hashtags.cpp
std::unique_ptr<RowSource> openBusinessDiscovery(FetchContext& ctx);         // source_business_discovery.cpp
std::unique_ptr<RowSource> openBusinessDiscoveryMedia(FetchContext& ctx);    // source_discovery_media.cpp
std::unique_ptr<RowSource> openSysConnectionProps(FetchContext& ctx);      // source_sys_connection_props.cpp
std::unique_ptr<RowSource> openContentPublishingLimit(FetchContext& ctx);  // source_account_content.cpp
std::unique_ptr<RowSource> openStories(FetchContext& ctx);
std::unique_ptr<RowSource> openTags(FetchContext& ctx);
std::unique_ptr<RowSource> openPermissions(FetchContext& ctx);
std::unique_ptr<RowSource> openComments(FetchContext& ctx);  // source_comments.cpp
std::unique_ptr<RowSource> openReplies(FetchContext& ctx);   // source_replies.cpp
std::unique_ptr<RowSource> openMentions(FetchContext& ctx);  // source_mentions.cpp

// AuthMode=InstagramLogin (case-insensitive); anything else is Facebook Login, the default.
bool instagramLogin(const Settings& settings);

// A source with no rows (empty scope, keys outside the scope, an impossible time range).
std::unique_ptr<RowSource> emptySource();

// Graph IDs travel in request paths: anything but letters, digits and '_' cannot be an ID and must never
// reach a URL path.
bool plausibleId(const std::string& id);

}  // namespace igodbc::sql
