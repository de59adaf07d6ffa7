// The declarations of ContentPublishingLimit, Stories and Tags.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
using shared::kHiddenLikes;
using shared::kKey;
}  // namespace

Table contentPublishingLimitTable() {
  return Table{
      "ContentPublishingLimit",
      TableKind::Table,
      Cost{"", "AccountId", "", 1, 1},
      {
          shared::kWalkedAccountId,
          noted({"QuotaUsage", SqlType::Integer, 10, true, Origin::Json, "quota_usage"},
                "posts published in the last 24 h"),
          noted({"QuotaTotal", SqlType::Integer, 10, true, Origin::Json, "config.quota_total"},
                "read, never assumed"),
          {"QuotaDurationSeconds", SqlType::Integer, 10, true, Origin::Json, "config.quota_duration"},
      },
      {"AccountId"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "How many API posts each account has left in the rolling 24 h window.",
      "",
  };
}

Table storiesTable() {
  return Table{
      "Stories",
      TableKind::Table,
      Cost{"Id", "AccountId", "", 1, 20, true, false},
      concat(shared::ownMediaColumns("IMAGE or VIDEO", "STORY"), {shared::kTimestamp, shared::kUsername}),
      {"Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "The accounts' currently live stories (24 h).",
      " — publish with {call PostMedia(...)} and MediaType 'STORIES'",
      storiesWrites(),
  };
}

Table tagsTable() {
  return Table{
      "Tags",
      TableKind::Table,
      Cost{"", "AccountId", "", 2, 50},
      {
          noted(shared::kWalkedAccountId, "the tagged account"),
          noted(shared::kId, "someone else's media"),
          shared::kCaption,
          shared::kMediaType,
          shared::kMediaUrl,
          shared::kPermalink,
          shared::kTimestamp,
          noted(shared::kUsername, "the media owner"),
          noted(shared::kLikeCount, kHiddenLikes),
          shared::kCommentsCount,
      },
      {"AccountId", "Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "Media in which other users tagged the accounts.",
      "",
  };
}

}  // namespace igodbc::schema

namespace igodbc::schema {

Table mentionedMediaTable() {
  return Table{
      "MentionedMedia",
      TableKind::Table,
      Cost{"Id", "AccountId", "", 1, 1},
      {
          noted(shared::kWalkedAccountId, "the mentioned account"),
          pushed(shared::kId, kKey),
          shared::kCaption,
          shared::kMediaType,
          shared::kMediaUrl,
          shared::kTimestamp,
          noted(shared::kUsername, "the author"),
          shared::kLikeCount,
          shared::kCommentsCount,
      },
      {"AccountId", "Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "A media item whose caption @mentions one of the accounts (IDs from the mentions webhook).",
      " — answer with {call ReplyToMention(...)}",
      nullptr,
      RequiredFilter{"Id", "WHERE Id = '17873440459141021'",
                     "Instagram has no list of mentions; media IDs arrive through the mentions webhook."},
  };
}

Table mentionedCommentsTable() {
  return Table{
      "MentionedComments",
      TableKind::Table,
      Cost{"Id", "AccountId", "", 1, 1},
      {
          shared::kWalkedAccountId,
          pushed(shared::kId, kKey),
          {"Text", SqlType::WVarchar, 4000, true, Origin::Json, "text"},
          shared::kTimestamp,
          shared::kLikeCount,
          noted({"MediaId", SqlType::Varchar, 32, true, Origin::Json, "media.id"},
                "someone else's media; no FK"),
          shared::kUsername,
      },
      {"AccountId", "Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "A comment that @mentions one of the accounts (IDs from the mentions webhook).",
      " — answer with {call ReplyToMention(...)}",
      nullptr,
      RequiredFilter{"Id", "WHERE Id = '17870913679156914'",
                     "Instagram has no list of mentions; comment IDs arrive through the mentions webhook."},
  };
}

}  // namespace igodbc::schema

namespace igodbc::schema {

Table permissionsTable() {
  return Table{
      "Permissions",
      TableKind::Table,
      Cost{"", "", "", 1, 10},
      {
          {"Permission", SqlType::Varchar, 64, false, Origin::Json, "permission"},
          noted({"Status", SqlType::Varchar, 16, false, Origin::Json, "status"},
                "granted, declined, expired"),
          derived("TargetIds", SqlType::Varchar, 4000, true, "comma-separated; NULL = all assets or unknown"),
      },
      {"Permission"},
      {},
      {},
      "What the token may do; read it first when a table answers with a permission error.",
      "",
  };
}

}  // namespace igodbc::schema
