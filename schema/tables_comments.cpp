// The declarations of Comments and Replies. Both are read through the media's
// comments edge (sql/sources/source_comments.cpp, sql/sources/source_replies.cpp); writes are declared beside
// them.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
using shared::kKey;

// The columns both tables share after their own key columns, in the contract's order.
std::vector<Column> commentBodyColumns() {
  return {
      noted({"Text", SqlType::WVarchar, 4000, true, Origin::Json, "text"}, "writable on INSERT"),
      shared::kTimestamp,
      noted(shared::kUsername, "needs instagram_manage_comments since 2024-08-27"),
      noted({"FromId", SqlType::Varchar, 32, true, Origin::Json, "from.id"},
            "Instagram-scoped user ID of the author"),
      noted({"UserId", SqlType::Varchar, 32, true, Origin::Json, "user.id"},
            "only for comments written by the account itself (object or bare ID accepted)"),
      shared::kLikeCount,
      noted({"Hidden", SqlType::Bit, 1, true, Origin::Json, "hidden"}, "updatable"),
  };
}
}  // namespace

Table commentsTable() {
  std::vector<Column> keys = {
      pushed(shared::kId, kKey),
      noted({"MediaId", SqlType::Varchar, 32, false, Origin::Parent, "", kKey},
            "the media walked (media.id on lookups); for replies the media of the parent"),
      noted({"ParentId", SqlType::Varchar, 32, true, Origin::Derived, "", kKey | kPushNull},
            "enclosing comment for rows from replies (parent_id on lookups); NULL for top-level comments"),
      noted(shared::kWalkedAccountId, "the account walked; owner of the media on lookups"),
  };
  return Table{
      "Comments",
      TableKind::Table,
      // Cost: 25 media per walk page (~1,200 media) plus a few continuations; MediaId and ParentId read
      // through the media or the parent comment.
      Cost{"Id", "AccountId", "", 50, 40, true, false, {"MediaId", "ParentId"}},
      concat(std::move(keys), commentBodyColumns()),
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
  std::vector<Column> keys = {
      pushed(shared::kId, kKey),
      noted({"CommentId", SqlType::Varchar, 32, false, Origin::Derived, "", kKey},
            "the top-level comment (parent_id on lookups)"),
      noted({"MediaId", SqlType::Varchar, 32, false, Origin::Parent, "", kKey}, "as Comments.MediaId"),
      noted(shared::kWalkedAccountId, "as Comments.AccountId"),
  };
  return Table{
      "Replies",
      TableKind::Table,
      // Cost: as Comments; CommentId and MediaId read through the comment or the media.
      Cost{"Id", "AccountId", "", 50, 40, true, false, {"CommentId", "MediaId"}},
      concat(std::move(keys), commentBodyColumns()),
      {"Id"},
      {},
      {{"CommentId", "Comments", "Id"}, {"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "Only the replies (rows of Comments with a parent), the parent named CommentId.",
      "",
      repliesWrites(),
  };
}

}  // namespace igodbc::schema
