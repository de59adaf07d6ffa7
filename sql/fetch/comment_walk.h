// The comment reading shared by Comments and Replies: first pages arrive as
// field expansions on their holder (comments.limit(50){…,replies.limit(50){…}} on a media,
// replies.limit(50){…} on a comment); only a nested page that is full or has `next` is continued, with a
// direct edge call (GET /{parent}/{edge}?fields=…&limit=50&after=…) whose `next` then governs. Depth first,
// so a pointer handed out stays valid until the next call; a failed page fails the statement.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

#include "sql/fetch/id_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"

namespace igodbc::sql {

inline constexpr int kCommentsEdgeMax = 50;  // /{media}/comments, /{comment}/replies and their .limit()
inline constexpr int kMediaWalkWithComments = 25;

// What one scan asks of the comment edges.
struct CommentShape {
  FieldList commentFields;  // of top-level comments ({"id"} when only their replies are wanted)
  FieldList replyFields;    // of replies; empty: no replies expansion
  int commentLimit = kCommentsEdgeMax;
  int replyLimit = kCommentsEdgeMax;
  bool emitTop = true;      // top-level comments are rows
  bool emitReplies = true;  // replies are rows

  // "id,text,replies.limit(50){id,text}": what a comments page item carries.
  std::string commentSelection() const;
  std::string repliesExpansion() const;   // "replies.limit(50){…}"
  std::string commentsExpansion() const;  // "comments.limit(50){…}"
};

// One comment or reply; `object` is valid until the next call to CommentStream::next.
struct CommentItem {
  const rapidjson::Value* object = nullptr;
  std::string mediaId;
  std::string parentId;  // empty for a top-level comment
  std::string accountId;
  int seq = 0;
};

// An object whose nested edge holds comments: a media (its `comments`) or a comment (its `replies`).
struct CommentHolder {
  const rapidjson::Value* object = nullptr;
  bool isComment = false;
  std::string mediaId;
  std::string accountId;
  int seq = 0;
};

class HolderSource {
 public:
  virtual ~HolderSource() = default;
  // The next holder; nullptr object at the end. Valid until the next call.
  virtual bool next(CommentHolder& holder) = 0;
};

// What a read of a comment asks for its media: the owner comes in the same response (field expansion on the
// comment's `media` node), so a comment's account costs no call of its own.
inline constexpr const char* kCommentMediaWithOwner = "media{id,owner}";

// GET /{ig}/media?fields=id,comments.limit(…){…}&limit=25 for each account, following `next`.
std::unique_ptr<HolderSource> mediaWalkHolders(FetchContext& ctx, const CommentShape& shape,
                                               std::vector<std::string> accounts);
// GET /{media}?fields=id,owner,comments.limit(…){…} (two or more: ids=, ≤ 50 a call); media outside the scope
// are dropped. One media that a Media walk has just listed (a join driving the lookup one media at a
// time) is read with its page neighbours in one ids= call, which the response cache then answers for them.
std::unique_ptr<HolderSource> mediaLookupHolders(FetchContext& ctx, const CommentShape& shape,
                                                 std::vector<std::string> ids);
// GET /{comment}?fields=id,media{id,owner},replies.limit(…){…} (ids= for more); the media's owner must be in
// scope. One comment that a comment stream has just listed is read with its page neighbours, as above.
std::unique_ptr<HolderSource> parentLookupHolders(FetchContext& ctx, const CommentShape& shape,
                                                  std::vector<std::string> ids);

class CommentStream {
 public:
  CommentStream(FetchContext& ctx, CommentShape shape, std::unique_ptr<HolderSource> holders);
  ~CommentStream();
  bool next(CommentItem& item);

 private:
  class EdgeItems;
  FetchContext& ctx_;
  CommentShape shape_;
  std::unique_ptr<HolderSource> holders_;
  CommentHolder holder_;
  std::unique_ptr<EdgeItems> comments_;
  std::unique_ptr<EdgeItems> replies_;
  std::string topId_;  // the comment whose replies are being read
  // The pages of comments_ / replies_ last published to ModuleState::listedComments / listedReplies.
  int listedCommentPage_ = -1;
  int listedReplyPage_ = -1;
  void list(ListedIds& listed, const EdgeItems& edge, int& listedPage);
};

// Comments read by their own ID: GET /{id}?fields=<fields>,parent_id,media{id,owner} (ids= for more, ≤ 50 a
// call); the media's owner must be in scope. parentId is `parent_id` (empty for a top-level comment).
// One comment a comment stream has just listed (Replies r JOIN Comments c ON c.Id = r.CommentId) is read with
// its page neighbours.
class CommentLookup {
 public:
  CommentLookup(FetchContext& ctx, std::vector<std::string> ids, FieldList fields);
  bool next(CommentItem& item);

 private:
  std::vector<std::string> scope_;
  IdLookup lookup_;
};

// UserId is `user.id`, but Instagram may send `user` as a bare ID: both accepted.
void fillUserId(const schema::Table& table, const rapidjson::Value& comment, Row& row);

// The rows of Comments or Replies (sql/fetch/comment_rows.cpp) from a stream or, when stream is null, a
// lookup. An item's parent comment goes to parentColumn (ParentId / CommentId); repliesOnly drops top-level
// comments.
std::unique_ptr<RowSource> commentRows(FetchContext& ctx, std::unique_ptr<CommentStream> stream,
                                       std::unique_ptr<CommentLookup> lookup, std::string_view parentColumn,
                                       bool repliesOnly);

}  // namespace igodbc::sql
