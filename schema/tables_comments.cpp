// Comments and Replies, as data-model.md sections 4.5 and 4.6 declare them. Both are read through the media's
// comments edge (sql/source_comments.cpp, sql/source_replies.cpp); writes are declared beside them.
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
constexpr unsigned kKey = kPushEq | kPushIn;

// The columns both tables share after their own key columns, in the contract's order.
void addCommentBody(std::vector<Column>& columns) {
  columns.push_back({"Text",
                     SqlType::WVarchar,
                     4000,
                     true,
                     Origin::Json,
                     "text",
                     kPushNone,
                     kFlagNone,
                     {},
                     "writable on INSERT"});
  columns.push_back({"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"});
  columns.push_back({"Username",
                     SqlType::Varchar,
                     64,
                     true,
                     Origin::Json,
                     "username",
                     kPushNone,
                     kNoCase,
                     {},
                     "needs instagram_manage_comments since 2024-08-27"});
  columns.push_back({"FromId",
                     SqlType::Varchar,
                     32,
                     true,
                     Origin::Json,
                     "from.id",
                     kPushNone,
                     kFlagNone,
                     {},
                     "Instagram-scoped user ID of the author"});
  columns.push_back({"UserId",
                     SqlType::Varchar,
                     32,
                     true,
                     Origin::Json,
                     "user.id",
                     kPushNone,
                     kFlagNone,
                     {},
                     "only for comments written by the account itself (object or bare ID accepted)"});
  columns.push_back({"LikeCount", SqlType::BigInt, 19, true, Origin::Json, "like_count"});
  columns.push_back(
      {"Hidden", SqlType::Bit, 1, true, Origin::Json, "hidden", kPushNone, kFlagNone, {}, "updatable"});
}
}  // namespace

Table commentsTable() {
  std::vector<Column> columns = {
      {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kKey},
      {"MediaId",
       SqlType::Varchar,
       32,
       false,
       Origin::Parent,
       "",
       kKey,
       kFlagNone,
       {},
       "the media walked (media.id on lookups); for replies the media of the parent"},
      {"ParentId",
       SqlType::Varchar,
       32,
       true,
       Origin::Derived,
       "",
       kKey | kPushNull,
       kFlagNone,
       {},
       "enclosing comment for rows from replies (parent_id on lookups); NULL for top-level comments"},
      {"AccountId",
       SqlType::Varchar,
       32,
       false,
       Origin::Path,
       "",
       kKey,
       kFlagNone,
       {},
       "the account walked; owner of the media on lookups"},
  };
  addCommentBody(columns);
  return Table{
      "Comments",
      TableKind::Table,
      Source::Comments,
      std::move(columns),
      {"Id"},
      {},
      {{"MediaId", "Media", "Id"}, {"ParentId", "Comments", "Id"}, {"AccountId", "Accounts", "Id"}},
      "Comments on the accounts' own media: top-level comments and replies in one table (ParentId NULL for "
      "top-level).",
      "",
      commentsWrites(),
  };
}

Table repliesTable() {
  std::vector<Column> columns = {
      {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kKey},
      {"CommentId",
       SqlType::Varchar,
       32,
       false,
       Origin::Derived,
       "",
       kKey,
       kFlagNone,
       {},
       "the top-level comment (parent_id on lookups)"},
      {"MediaId",
       SqlType::Varchar,
       32,
       false,
       Origin::Parent,
       "",
       kKey,
       kFlagNone,
       {},
       "as Comments.MediaId"},
      {"AccountId",
       SqlType::Varchar,
       32,
       false,
       Origin::Path,
       "",
       kKey,
       kFlagNone,
       {},
       "as Comments.AccountId"},
  };
  addCommentBody(columns);
  return Table{
      "Replies",
      TableKind::Table,
      Source::Replies,
      std::move(columns),
      {"Id"},
      {},
      {{"CommentId", "Comments", "Id"}, {"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "Only the replies (rows of Comments with a parent), the parent named CommentId.",
      "",
      repliesWrites(),
  };
}

}  // namespace igodbc::schema
