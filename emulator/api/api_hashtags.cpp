// Hashtag search: ids by name, top/recent media, and the per-account quota of 30 unique
// hashtags per rolling 7 days (searching counts; so does reading top_media/recent_media).
#include <algorithm>
#include <cctype>

#include "api/api_internal.h"
#include "dataset/dataset_extras.h"

namespace igemu {
namespace {

constexpr size_t kWeeklyHashtags = 30;
constexpr int64_t kWeek = 7 * 86400;

int own_account(Call& c) {
  const std::string& user_id = c.required("user_id");
  const std::optional<NodeHandle> n = c.data.find(user_id);
  if (!n || n->type != NodeType::IGUser)
    throw errors::invalid_parameter("Param user_id must be a valid Instagram user id");
  return n->index;
}

// Letters (any script), digits and '_' only; emoji and punctuation are not hashtags.
bool valid_hashtag(const std::string& name) {
  if (name.empty() || name.size() > 200) return false;
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (!std::isalnum(c) && c != '_') return false;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > name.size()) return false;
    cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
    // Emoji, symbols, variation selectors and joiners.
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp >= 0x1F000) return false;
    i += len;
  }
  return true;
}

std::string lower_ascii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

// Counts `hashtag` against the account's weekly quota; the 31st distinct one is refused.
void count_hashtag(Call& c, int account, int hashtag) {
  AccountRec& a = c.data.accounts[account];
  size_t active = 0;
  for (const HashtagSearch& s : a.hashtag_searches) {
    if (s.first_searched <= c.now - kWeek || s.first_searched > c.now) continue;
    if (s.hashtag == hashtag) return;  // already counted: free, and its timer is not reset
    ++active;
  }
  if (active >= kWeeklyHashtags) {
    GraphError e(400, 18, 0, "OAuthException",
                 "(#18) This account has reached its limit of 30 unique hashtag searches in 7 days");
    e.user_title = "Hashtag limit reached";
    e.user_msg = "You can search at most 30 unique hashtags within 7 days.";
    throw e;
  }
  a.hashtag_searches.push_back({hashtag, c.now});
}

// Cursor of hashtag media pages: the hashtag, the edge and an offset.
std::string offset_cursor(const Call& c, const HashtagRec& h, bool top, size_t offset) {
  return encode_cursor(c.data.seed, {'H', h.id + (top ? ":t:" : ":r:") + std::to_string(offset)});
}

size_t cursor_offset(const Call& c, const HashtagRec& h, bool top, const std::string& text) {
  const std::optional<Cursor> cur = decode_cursor(c.data.seed, text);
  const std::string prefix = h.id + (top ? ":t:" : ":r:");
  if (cur && cur->kind == 'H' && cur->id.rfind(prefix, 0) == 0 && cur->id.size() > prefix.size() &&
      cur->id.size() - prefix.size() <= 6) {
    size_t v = 0;
    for (size_t i = prefix.size(); i < cur->id.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(cur->id[i])))
        throw errors::invalid_parameter("The After Cursor specified is invalid");
      v = v * 10 + static_cast<size_t>(cur->id[i] - '0');
    }
    return v;
  }
  throw errors::invalid_parameter("The After Cursor specified is invalid");
}

}  // namespace

std::string hashtag_search(Call& c) {
  const int account = own_account(c);
  const std::string name = lower_ascii(c.required("q"));
  if (!valid_hashtag(name)) throw errors::invalid_parameter("Invalid parameter");
  Dataset& d = c.data;
  int h = d.hashtag_by_name(name);
  if (h < 0) {
    // Every valid name has a global id; hashtags nobody uses simply have no media.
    HashtagRec rec;
    rec.name = name;
    rec.id = hashtag_id_for(name);
    d.hashtags.push_back(std::move(rec));
    h = static_cast<int>(d.hashtags.size() - 1);
    d.index_node(d.hashtags[h].id, NodeHandle{NodeType::IGHashtag, h});
  }
  count_hashtag(c, account, h);
  JsonWriter w;
  w.begin_object().key("data").begin_array().begin_object().key("id").string(d.hashtags[h].id);
  w.end_object().end_array().end_object();
  return w.take();
}

std::string hashtag_media(Call& c, NodeHandle hashtag, bool top) {
  const int account = own_account(c);
  if (c.fields) validate_fields(NodeType::IGMedia, *c.fields, Scope::Hashtag);
  count_hashtag(c, account, hashtag.index);
  const HashtagRec& h = c.data.hashtags[hashtag.index];
  std::vector<int> items;
  if (top) {
    items = h.top_media;
  } else {
    for (int m : h.recent_media) {  // the last 24 hours only
      const int64_t t = c.data.media[m].timestamp;
      if (t > c.now - 86400 && t <= c.now) items.push_back(m);
    }
  }
  static const FieldDef page_size = [] {
    FieldDef f{"hashtag_media", FieldKind::Edge, NodeType::IGMedia};
    f.default_limit = 25;
    f.max_limit = 50;  // max 50 per page
    return f;
  }();
  const size_t limit =
      parse_limit(c.param("limit") ? std::optional<std::string>(*c.param("limit")) : std::nullopt, page_size);
  const size_t offset = c.param("after") ? cursor_offset(c, h, top, *c.param("after")) : 0;
  JsonWriter w;
  w.begin_object().key("data").begin_array();
  const size_t end = std::min(items.size(), offset + limit);
  for (size_t i = offset; i < end; ++i)
    render_node(w, c.ctx, NodeHandle{NodeType::IGMedia, items[i]}, c.field_list(), Listing::ViaEdge,
                Scope::Hashtag);
  w.end_array();
  if (offset < end) {
    // Only an `after` cursor, never next/previous. At the end top_media keeps handing out the same
    // cursor (the last page again); recent_media's leads to an empty page ("may be the same
    // value on every page").
    const size_t next = end < items.size() || !top ? end : offset;
    w.key("paging").begin_object().key("cursors").begin_object().key("after").string(
        offset_cursor(c, h, top, next));
    w.end_object().end_object();
  }
  w.end_object();
  return w.take();
}

}  // namespace igemu
