// Comment moderation and media updates: writes that change the emulator's state.
#include <algorithm>
#include <cctype>

#include "api/api_internal.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

// Limits the emulator enforces for comment text (300 characters, 4 hashtags).
void check_comment_text(const std::string& text) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;  // count code points, not bytes
  if (chars > 300)
    throw errors::invalid_parameter("The comment is too long: at most 300 characters are allowed");
  int tags = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (text[i] == '#' && (std::isalnum(next) || next == '_' || next >= 0x80)) ++tags;
  }
  if (tags > 4) throw errors::invalid_parameter("A comment can contain at most 4 hashtags");
}

const std::string& owner_username(const Dataset& data, int account) {
  static const std::string none;
  const std::string* u = data.accounts[account].fields.get("username");
  return u ? *u : none;
}

void adjust_comment_count(MediaRec& m, int64_t delta) {
  m.stats.comments = std::max<int64_t>(0, m.stats.comments + delta);
  m.fields.set("comments_count", std::to_string(m.stats.comments));
  if (m.fields.get("total_comments_count"))
    m.fields.set("total_comments_count", std::to_string(m.stats.comments + m.stats.boost_comments));
}

bool comments_enabled(const MediaRec& m) {
  const std::string* v = m.fields.get("is_comment_enabled");
  return !v || *v == "true";
}

// A comment written by `account` (the app user writes as its professional account).
int write_comment(Call& c, int media, int parent, const std::string& text, int account) {
  Dataset& d = c.data;
  CommentRec rec;
  rec.id = d.new_runtime_id();
  rec.media = media;
  rec.parent = parent;
  rec.author_account = account;
  rec.timestamp = c.now;
  const std::string username = json_unquote(owner_username(d, account));
  rec.fields.set("text", json_quote(text));
  rec.fields.set("timestamp", json_quote(format_graph_timestamp(c.now)));
  rec.fields.set("username", json_quote(username));
  JsonWriter from;
  from.begin_object()
      .key("id")
      .string(d.accounts[account].igsid)
      .key("username")
      .string(username)
      .end_object();
  rec.fields.set("from", from.take());
  rec.fields.set("like_count", "0");
  rec.fields.set("hidden", "false");
  if (parent >= 0) rec.fields.set("parent_id", json_quote(d.comments[parent].id));
  d.comments.push_back(std::move(rec));
  const int index = static_cast<int>(d.comments.size() - 1);
  if (parent >= 0) {
    d.comments[parent].replies.push_back(index);  // replies: oldest first
  } else {
    // Top-level comments are kept newest first.
    std::vector<int>& list = d.media[media].comments;
    auto pos = std::find_if(list.begin(), list.end(),
                            [&](int other) { return d.comments[other].timestamp <= c.now; });
    list.insert(pos, index);
  }
  if (d.media[media].owner >= 0) d.index_node(d.comments[index].id, NodeHandle{NodeType::IGComment, index});
  adjust_comment_count(d.media[media], 1);
  return index;
}

std::string id_body(const std::string& id) {
  JsonWriter w;
  w.begin_object().key("id").string(id).end_object();
  return w.take();
}

std::string success_body() {
  return "{\"success\":true}";
}

// Feed posts and reels take comments and comment_enabled; stories and album children do not.
bool commentable(const MediaRec& m) {
  return m.parent < 0 && !is_story_kind(m.kind);
}

void remove_comment(Dataset& d, int index) {
  CommentRec& rec = d.comments[index];
  rec.deleted = true;
  d.unindex(rec.id);
}

}  // namespace

std::string post_media_update(Call& c, NodeHandle media) {
  MediaRec& m = c.data.media[media.index];
  if (!commentable(m)) throw errors::object_not_found("post", m.id);
  c.require_permission("instagram_manage_comments");
  const bool enabled = bool_param(c, "comment_enabled");
  m.fields.set("is_comment_enabled", enabled ? "true" : "false");
  return success_body();
}

std::string delete_media(Call& c, NodeHandle media) {
  c.require_permission("instagram_manage_contents");
  Dataset& d = c.data;
  MediaRec& m = d.media[media.index];
  if (m.parent >= 0) {
    // Single carousel children cannot be deleted.
    GraphError e(400, -1, 2207073, "IGApiException", "The media type is not supported for this operation.");
    e.user_title = "Media Type Not Supported";
    e.user_msg = "This media type cannot be deleted.";
    throw e;
  }
  AccountRec& owner = d.accounts[m.owner];
  std::vector<int>& list = is_story_kind(m.kind) ? owner.stories : owner.media;
  list.erase(std::remove(list.begin(), list.end(), media.index), list.end());
  if (!is_story_kind(m.kind)) {
    if (const std::string* count = owner.fields.get("media_count"))
      owner.fields.set("media_count", std::to_string(std::max<int64_t>(0, std::stoll(*count) - 1)));
  }
  m.deleted = true;
  d.unindex(m.id);
  for (int child : m.children) d.unindex(d.media[child].id);
  for (int top : m.comments) {
    for (int reply : d.comments[top].replies) remove_comment(d, reply);
    remove_comment(d, top);
  }
  JsonWriter w;
  w.begin_object().key("success").boolean(true).key("deleted_id").string(m.id).end_object();
  return w.take();
}

std::string create_comment(Call& c, NodeHandle media) {
  MediaRec& m = c.data.media[media.index];
  if (!commentable(m)) throw errors::object_not_found("post", m.id);
  c.require_permission("instagram_manage_comments");
  const std::string& text = c.required("message");
  check_comment_text(text);
  if (!comments_enabled(m)) throw errors::invalid_parameter("Comments are disabled for this media");
  return id_body(c.data.comments[write_comment(c, media.index, -1, text, m.owner)].id);
}

std::string create_reply(Call& c, NodeHandle comment) {
  c.require_permission("instagram_manage_comments");
  Dataset& d = c.data;
  // A reply to a reply is attached to the top-level comment.
  int parent = comment.index;
  if (d.comments[parent].parent >= 0) parent = d.comments[parent].parent;
  const std::string& text = c.required("message");
  check_comment_text(text);
  const CommentRec& p = d.comments[parent];
  if (const std::string* hidden = p.fields.get("hidden"); hidden && *hidden == "true")
    throw errors::invalid_parameter("Cannot reply to a hidden comment");
  MediaRec& m = d.media[p.media];
  if (!comments_enabled(m)) throw errors::invalid_parameter("Comments are disabled for this media");
  return id_body(d.comments[write_comment(c, p.media, parent, text, m.owner)].id);
}

std::string hide_comment(Call& c, NodeHandle comment) {
  c.require_permission("instagram_manage_comments");
  CommentRec& rec = c.data.comments[comment.index];
  const bool hide = bool_param(c, "hide");
  // The media owner's own comments stay visible even when hidden.
  if (rec.author_account < 0) rec.fields.set("hidden", hide ? "true" : "false");
  return success_body();
}

std::string delete_comment(Call& c, NodeHandle comment) {
  c.require_permission("instagram_manage_comments");
  Dataset& d = c.data;
  const int index = comment.index;
  CommentRec& rec = d.comments[index];
  MediaRec& m = d.media[rec.media];
  int64_t removed = 1;
  if (rec.parent >= 0) {
    std::vector<int>& siblings = d.comments[rec.parent].replies;
    siblings.erase(std::remove(siblings.begin(), siblings.end(), index), siblings.end());
  } else {
    m.comments.erase(std::remove(m.comments.begin(), m.comments.end(), index), m.comments.end());
    for (int reply : rec.replies) remove_comment(d, reply);  // replies go with their comment
    removed += static_cast<int64_t>(rec.replies.size());
  }
  remove_comment(d, index);
  adjust_comment_count(m, -removed);
  return success_body();
}

std::string reply_to_mention(Call& c, NodeHandle account) {
  c.require_permission("instagram_manage_comments");
  Dataset& d = c.data;
  AccountRec& a = d.accounts[account.index];
  const std::string& media_id = c.required("media_id");
  const std::string& text = c.required("message");
  check_comment_text(text);
  if (const std::string* comment_id = c.param("comment_id")) {
    for (int ci : a.mentioned_comments) {
      const CommentRec& mention = d.comments[ci];
      if (mention.id == *comment_id && d.media[mention.media].id == media_id && !mention.deleted)
        return id_body(d.comments[write_comment(c, mention.media, ci, text, account.index)].id);
    }
    throw errors::object_not_found("post", *comment_id);
  }
  for (int mi : a.mentioned_media) {
    if (d.media[mi].id == media_id)
      return id_body(d.comments[write_comment(c, mi, -1, text, account.index)].id);
  }
  throw errors::object_not_found("post", media_id);
}

}  // namespace igemu
