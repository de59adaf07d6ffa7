// CData compatibility: views with CData's object names over ours, and CData's column names
// appended as alias columns to our tables that share a CData table name. Declared here, created only when
// the connection sets CDataCompat=true; a mapping whose underlying object is not declared is left out.
#include <strings.h>

#include "schema/views.h"

namespace igodbc::schema {

namespace {

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// CData column -> our column; an empty list keeps every column of the base under our names.
struct Rename {
  std::string_view cdata;
  std::string_view ours;
};

struct ViewSpec {
  std::string_view name;
  std::string_view base;
  std::string_view where;  // "" for none
  std::vector<Rename> columns;
  std::vector<Rename> extra;  // appended copies of base columns under CData's names
  std::string_view purpose;
};

const std::vector<ViewSpec>& viewSpecs() {
  static const std::vector<ViewSpec> specs = {
      {"InstagramBusinessProfile",
       "Accounts",
       "",
       {{"InstagramBusinessAccountId", "Id"},
        {"UserName", "Username"},
        {"FullName", "Name"},
        {"Bio", "Biography"},
        {"FollowersCount", "FollowersCount"},
        {"FollowsCount", "FollowsCount"},
        {"MediaCount", "MediaCount"},
        {"Website", "Website"},
        {"ProfilePictureUrl", "ProfilePictureUrl"}},
       {},
       "CData compatibility: Accounts under CData's names."},
      {"IGMedia",
       "Media",
       "",
       {{"Id", "Id"},
        {"IGId", "IgId"},
        {"ShortCode", "Shortcode"},
        {"PermanentURL", "Permalink"},
        {"Caption", "Caption"},
        {"CommentsCount", "CommentsCount"},
        {"IsCommentEnabled", "IsCommentEnabled"},
        {"LikeCount", "LikeCount"},
        {"MediaProductType", "MediaProductType"},
        {"MediaType", "MediaType"},
        {"MediaUrl", "MediaUrl"},
        {"ThumbnailUrl", "ThumbnailUrl"},
        {"Timestamp", "Timestamp"}},
       {},
       "CData compatibility: Media under CData's names; DELETE deletes through Media."},
      {"InstagramPages", "Pages", "", {}, {}, "CData compatibility: Pages."},
      {"MediaInsightsPost",
       "MediaMetrics",
       "MediaProductType = 'FEED' AND MediaType IN ('IMAGE','VIDEO')",
       {},
       {},
       "CData compatibility: MediaMetrics of feed images and videos."},
      {"MediaInsightsPostAlbum",
       "MediaMetrics",
       "MediaType = 'CAROUSEL_ALBUM'",
       {},
       {},
       "CData compatibility: MediaMetrics of albums."},
      {"MediaInsightsReels",
       "MediaMetrics",
       "MediaProductType = 'REELS'",
       {},
       {},
       "CData compatibility: MediaMetrics of reels."},
      {"MediaInsightReels",
       "MediaMetrics",
       "MediaProductType = 'REELS'",
       {},
       {},
       "CData compatibility (older name): MediaMetrics of reels."},
      {"MediaInsightsStory",
       "StoryMetrics",
       "",
       {},
       {{"Exits", "NavigationTapExit"},
        {"TapsForward", "NavigationTapForward"},
        {"TapsBack", "NavigationTapBack"}},
       "CData compatibility: StoryMetrics with the retired navigation metrics as breakdown values."},
      {"AccountWithoutBreakdown",
       "AccountInsightTotals",
       "Breakdown IS NULL",
       {},
       {},
       "CData compatibility: AccountInsightTotals without breakdown."},
      {"AccountContactButtonType",
       "AccountInsightTotals",
       "Breakdown = 'contact_button_type'",
       {},
       {},
       "CData compatibility: AccountInsightTotals by contact button type."},
      {"AccountFollowType",
       "AccountInsightTotals",
       "Breakdown = 'follow_type'",
       {},
       {},
       "CData compatibility: AccountInsightTotals by follow type."},
      {"AccountFollowersNonfollowers",
       "AccountInsightTotals",
       "Breakdown = 'follow_type'",
       {},
       {},
       "CData compatibility (older name): AccountInsightTotals by follow type."},
      {"AccountMediaProductType",
       "AccountInsightTotals",
       "Breakdown = 'media_product_type'",
       {},
       {},
       "CData compatibility: AccountInsightTotals by media product type."},
      {"AccountTimeSeriesWithoutBreakdown",
       "AccountDailyMetrics",
       "",
       {},
       {},
       "CData compatibility: AccountDailyMetrics."},
      {"AccountTimeSeriesFollowType",
       "AccountInsights",
       "Breakdown = 'follow_type'",
       {},
       {},
       "CData compatibility: AccountInsights by follow type."},
      {"AccountTimeSeriesMediaProductType",
       "AccountInsights",
       "Breakdown = 'media_product_type'",
       {},
       {},
       "CData compatibility: AccountInsights by media product type."},
  };
  return specs;
}

// Alias columns on our tables. AudienceInsights' aliases translate values and are not declared here.
const std::vector<std::pair<std::string_view, std::vector<Rename>>>& aliasSpecs() {
  static const std::vector<std::pair<std::string_view, std::vector<Rename>>> specs = {
      {"Media", {{"LikesCount", "LikeCount"}, {"Created", "Timestamp"}, {"Link", "Permalink"}}},
      {"Comments",
       {{"Created", "Timestamp"}, {"Likes", "LikeCount"}, {"InstagramBusinessAccountId", "AccountId"}}},
  };
  return specs;
}

// A copy of `base`'s column `ours` named `cdata`; it pushes nothing (SQLite evaluates filters on it).
bool renamed(const Table& base, const Rename& r, Column& out) {
  int i = columnIndex(base, r.ours);
  if (i < 0) return false;
  out = base.columns[static_cast<size_t>(i)];
  out.name = r.cdata;
  out.notes = r.ours;
  return true;
}

bool declarable(const ViewSpec& v) {
  const Table* base = findTable(v.base);
  if (!base) return false;
  Column c{};
  for (const Rename& r : v.columns)
    if (!renamed(*base, r, c)) return false;
  for (const Rename& r : v.extra)
    if (!renamed(*base, r, c)) return false;
  return true;
}

Table declareView(const ViewSpec& v) {
  const Table& base = *findTable(v.base);
  Table t{v.name,
          TableKind::View,
          Cost{},
          {},
          {},
          {},
          {},
          v.purpose,
          " — CData compatibility views are read-only"};
  if (v.columns.empty()) {
    t.columns = base.columns;
    for (Column& c : t.columns) c.push = kPushNone;
  }
  for (const Rename& r : v.columns) {
    Column c{};
    renamed(base, r, c);
    c.push = kPushNone;
    t.columns.push_back(c);
  }
  for (const Rename& r : v.extra) {
    Column c{};
    renamed(base, r, c);
    c.push = kPushNone;
    t.columns.push_back(c);
  }
  return t;
}

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

}  // namespace

const std::vector<Table>& compatViews() {
  static const std::vector<Table> views = [] {
    std::vector<Table> out;
    for (const ViewSpec& v : viewSpecs())
      if (declarable(v)) out.push_back(declareView(v));
    return out;
  }();
  return views;
}

std::string compatViewSelectSql(std::string_view view) {
  for (const ViewSpec& v : viewSpecs()) {
    if (!same(v.name, view) || !declarable(v)) continue;
    const Table& base = *findTable(v.base);
    std::string select;
    auto add = [&](const std::string& expr) { select += (select.empty() ? "" : ", ") + expr; };
    if (v.columns.empty())
      for (const Column& c : base.columns) add(quoted(c.name));
    for (const Rename& r : v.columns) add(quoted(r.ours));
    for (const Rename& r : v.extra) add(quoted(r.ours));
    std::string sql = "SELECT " + select + " FROM " + quoted(v.base);
    if (!v.where.empty()) sql += " WHERE " + std::string(v.where);
    return sql;
  }
  return "";
}

const Table* compatTable(std::string_view table) {
  static const std::vector<Table> extended = [] {
    std::vector<Table> out;
    for (const auto& [name, aliases] : aliasSpecs()) {
      const Table* base = findTable(name);
      if (!base) continue;
      Table t = *base;
      for (const Rename& r : aliases) {
        Column c{};
        if (!renamed(*base, r, c)) continue;
        c.push = kPushNone;
        c.notes = r.ours;
        t.columns.push_back(c);
      }
      out.push_back(std::move(t));
    }
    return out;
  }();
  for (const Table& t : extended)
    if (same(t.name, table)) return &t;
  return nullptr;
}

std::vector<const Table*> catalogTables(bool cdataCompat) {
  std::vector<const Table*> out;
  for (const Table& t : allTables()) {
    const Table* extended = cdataCompat ? compatTable(t.name) : nullptr;
    out.push_back(extended ? extended : &t);
  }
  if (cdataCompat)
    for (const Table& v : compatViews()) out.push_back(&v);
  return out;
}

}  // namespace igodbc::schema
