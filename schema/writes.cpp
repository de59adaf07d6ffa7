// The write declarations of Media, Stories, Comments and Replies.
#include "schema/writes.h"

namespace igodbc::schema {

namespace {
// Comments.Text and Replies.Text (300 characters, 4 hashtags).
constexpr int kCommentMaxChars = 300;
constexpr int kCommentMaxHashtags = 4;

Writes mediaLike(std::string_view what) {
  Writes w;
  w.deleteKeys = {"Id"};
  w.deleteNeedsFacebookLogin = true;
  w.deleteWhat = what;
  return w;
}
}  // namespace

const Writes* mediaWrites() {
  static const Writes w = [] {
    Writes m = mediaLike("delete media");
    m.updatable = {{"IsCommentEnabled", "comment_enabled"}};
    return m;
  }();
  return &w;
}

const Writes* storiesWrites() {
  static const Writes w = mediaLike("delete stories");
  return &w;
}

const Writes* commentsWrites() {
  static const Writes w = [] {
    Writes c;
    c.insertRoutes = {{"ParentId", "replies"}, {"MediaId", "comments"}};
    c.insertKeyHint = " (or ParentId, to reply)";
    c.insertColumns = {"MediaId", "ParentId", "Text"};
    c.textColumn = "Text";
    c.textMaxChars = kCommentMaxChars;
    c.textMaxHashtags = kCommentMaxHashtags;
    c.generatedColumn = "Id";
    c.updatable = {{"Hidden", "hide"}};
    c.deleteKeys = {"Id", "MediaId", "ParentId"};
    return c;
  }();
  return &w;
}

const Writes* repliesWrites() {
  static const Writes w = [] {
    Writes r;
    r.insertRoutes = {{"CommentId", "replies"}};
    r.insertColumns = {"CommentId", "MediaId", "Text"};  // MediaId may be given; it is not sent
    r.textColumn = "Text";
    r.textMaxChars = kCommentMaxChars;
    r.textMaxHashtags = kCommentMaxHashtags;
    r.generatedColumn = "Id";
    r.updatable = {{"Hidden", "hide"}};
    r.deleteKeys = {"Id", "CommentId", "MediaId"};
    return r;
  }();
  return &w;
}

}  // namespace igodbc::schema
