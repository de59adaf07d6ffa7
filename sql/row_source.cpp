#include "sql/row_source.h"

#include <strings.h>

#include <algorithm>

namespace igodbc::sql {

namespace {
class EmptySource : public RowSource {
 public:
  bool next(Row&, int&) override { return false; }
};
}  // namespace

graph::Client& FetchContext::graph() const {
  graph::Client* c = state.engine.graph();
  if (!c) throw EngineError({"HY000", 0, prefixed("This connection has no Graph API client")});
  return *c;
}

int FetchContext::pageSize(int edgeMax) const {
  return std::clamp(settings().pageSize, 1, edgeMax);
}

int FetchContext::firstPageSize(int edgeMax) const {
  int size = pageSize(edgeMax);
  std::optional<int64_t> hint = constraints.limitHint();
  if (hint && constraints.allNarrow()) size = static_cast<int>(std::clamp<int64_t>(*hint, 1, size));
  return size;
}

void FetchContext::warn(const std::string& text) const {
  state.engine.addWarning({"01000", 0, prefixed(text)});
}

bool instagramLogin(const Settings& settings) {
  return strcasecmp(settings.authMode.c_str(), "InstagramLogin") == 0;
}

std::unique_ptr<RowSource> emptySource() {
  return std::make_unique<EmptySource>();
}

bool plausibleId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  });
}

std::unique_ptr<RowSource> openSource(FetchContext& ctx) {
  switch (ctx.table.source) {
    case schema::Source::Accounts:
      return openAccounts(ctx);
    case schema::Source::Pages:
      return openPages(ctx);
    case schema::Source::Media:
      return openMedia(ctx);
    case schema::Source::MediaChildren:
      return openMediaChildren(ctx);
    case schema::Source::SysRequests:
      return openSysRequests(ctx);
    case schema::Source::MediaInsights:
      return openMediaInsights(ctx);
    case schema::Source::StoryInsights:
      return openStoryInsights(ctx);
    case schema::Source::AccountInsights:
      return openAccountInsights(ctx);
    case schema::Source::AccountInsightTotals:
      return openAccountInsightTotals(ctx);
    case schema::Source::AudienceInsights:
      return openAudienceInsights(ctx);
    case schema::Source::OnlineFollowers:
      return openOnlineFollowers(ctx);
    case schema::Source::SysMetrics:
      return openSysMetrics(ctx);
    case schema::Source::SysRateLimit:
      return openSysRateLimit(ctx);
    case schema::Source::SysIdentity:
      return openSysIdentity(ctx);
    case schema::Source::ContentPublishingLimit:
      return openContentPublishingLimit(ctx);
    case schema::Source::Stories:
      return openStories(ctx);
    case schema::Source::Tags:
      return openTags(ctx);
    case schema::Source::Permissions:
      return openPermissions(ctx);
    case schema::Source::Comments:
      return openComments(ctx);
    case schema::Source::Replies:
      return openReplies(ctx);
    case schema::Source::MentionedMedia:
    case schema::Source::MentionedComments:
      return openMentions(ctx);
    case schema::Source::Hashtags:
      return openHashtags(ctx);
    case schema::Source::HashtagMedia:
      return openHashtagMedia(ctx);
    case schema::Source::RecentlySearchedHashtags:
      return openRecentlySearchedHashtags(ctx);
    case schema::Source::BusinessDiscovery:
      return openBusinessDiscovery(ctx);
    case schema::Source::BusinessDiscoveryMedia:
      return openBusinessDiscoveryMedia(ctx);
    case schema::Source::SysConnectionProps:
      return openSysConnectionProps(ctx);
    case schema::Source::AccountDailyMetrics:
      return openAccountDailyMetrics(ctx);
    case schema::Source::StoryMetrics:
      return openStoryMetrics(ctx);
    case schema::Source::MediaMetrics:
      return openMediaMetrics(ctx);
    case schema::Source::View:  // SQLite runs the view's SELECT; no cursor reaches here
      return emptySource();
  }
  return emptySource();
}

}  // namespace igodbc::sql
