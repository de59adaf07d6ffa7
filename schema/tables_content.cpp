// ContentPublishingLimit, Stories and Tags, as data-model.md sections 3.3, 4.3 and 4.4 declare them.
#include <strings.h>

#include "schema/tables.h"

namespace igodbc::schema {

namespace {
constexpr unsigned kKey = kPushEq | kPushIn;
}  // namespace

Table contentPublishingLimitTable() {
  return Table{
      "ContentPublishingLimit",
      TableKind::Table,
      Source::ContentPublishingLimit,
      {
          {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey},
          {"QuotaUsage",
           SqlType::Integer,
           10,
           true,
           Origin::Json,
           "quota_usage",
           kPushNone,
           kFlagNone,
           {},
           "posts published in the last 24 h"},
          {"QuotaTotal",
           SqlType::Integer,
           10,
           true,
           Origin::Json,
           "config.quota_total",
           kPushNone,
           kFlagNone,
           {},
           "read, never assumed"},
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
      Source::Stories,
      {
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kKey},
          {"AccountId",
           SqlType::Varchar,
           32,
           false,
           Origin::Path,
           "",
           kKey,
           kFlagNone,
           {},
           "the account walked; owner.id for lookups"},
          {"Caption", SqlType::WVarchar, 4000, true, Origin::Json, "caption"},
          {"MediaType",
           SqlType::Varchar,
           32,
           true,
           Origin::Json,
           "media_type",
           kPushNone,
           kFlagNone,
           {},
           "IMAGE or VIDEO"},
          {"MediaProductType",
           SqlType::Varchar,
           32,
           true,
           Origin::Json,
           "media_product_type",
           kPushNone,
           kFlagNone,
           {},
           "STORY"},
          {"MediaUrl", SqlType::Varchar, 2048, true, Origin::Json, "media_url"},
          {"ThumbnailUrl", SqlType::Varchar, 2048, true, Origin::Json, "thumbnail_url"},
          {"Permalink", SqlType::Varchar, 2048, true, Origin::Json, "permalink"},
          {"Shortcode", SqlType::Varchar, 32, true, Origin::Json, "shortcode"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
          {"Username", SqlType::Varchar, 64, true, Origin::Json, "username", kPushNone, kNoCase},
      },
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
      Source::Tags,
      {
          {"AccountId",
           SqlType::Varchar,
           32,
           false,
           Origin::Path,
           "",
           kKey,
           kFlagNone,
           {},
           "the tagged account"},
          {"Id",
           SqlType::Varchar,
           32,
           false,
           Origin::Json,
           "id",
           kPushNone,
           kFlagNone,
           {},
           "someone else's media"},
          {"Caption", SqlType::WVarchar, 4000, true, Origin::Json, "caption"},
          {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type"},
          {"MediaUrl", SqlType::Varchar, 2048, true, Origin::Json, "media_url"},
          {"Permalink", SqlType::Varchar, 2048, true, Origin::Json, "permalink"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
          {"Username",
           SqlType::Varchar,
           64,
           true,
           Origin::Json,
           "username",
           kPushNone,
           kNoCase,
           {},
           "the media owner"},
          {"LikeCount",
           SqlType::BigInt,
           19,
           true,
           Origin::Json,
           "like_count",
           kPushNone,
           kFlagNone,
           {},
           "NULL when hidden"},
          {"CommentsCount", SqlType::BigInt, 19, true, Origin::Json, "comments_count"},
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
      Source::MentionedMedia,
      {
          {"AccountId",
           SqlType::Varchar,
           32,
           false,
           Origin::Path,
           "",
           kPushEq | kPushIn,
           kFlagNone,
           {},
           "the mentioned account"},
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kPushEq | kPushIn},
          {"Caption", SqlType::WVarchar, 4000, true, Origin::Json, "caption"},
          {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type"},
          {"MediaUrl", SqlType::Varchar, 2048, true, Origin::Json, "media_url"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
          {"Username",
           SqlType::Varchar,
           64,
           true,
           Origin::Json,
           "username",
           kPushNone,
           kNoCase,
           {},
           "the author"},
          {"LikeCount", SqlType::BigInt, 19, true, Origin::Json, "like_count"},
          {"CommentsCount", SqlType::BigInt, 19, true, Origin::Json, "comments_count"},
      },
      {"AccountId", "Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "A media item whose caption @mentions one of the accounts (IDs from the mentions webhook).",
      " — answer with {call ReplyToMention(...)}",
  };
}

Table mentionedCommentsTable() {
  return Table{
      "MentionedComments",
      TableKind::Table,
      Source::MentionedComments,
      {
          {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq | kPushIn},
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kPushEq | kPushIn},
          {"Text", SqlType::WVarchar, 4000, true, Origin::Json, "text"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
          {"LikeCount", SqlType::BigInt, 19, true, Origin::Json, "like_count"},
          {"MediaId",
           SqlType::Varchar,
           32,
           true,
           Origin::Json,
           "media.id",
           kPushNone,
           kFlagNone,
           {},
           "someone else's media; no FK"},
          {"Username", SqlType::Varchar, 64, true, Origin::Json, "username", kPushNone, kNoCase},
      },
      {"AccountId", "Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "A comment that @mentions one of the accounts (IDs from the mentions webhook).",
      " — answer with {call ReplyToMention(...)}",
  };
}

const RequiredFilter* requiredFilter(std::string_view table) {
  static const RequiredFilter kFilters[] = {
      {"MentionedMedia", "Id", "WHERE Id = '17873440459141021'",
       "Instagram has no list of mentions; media IDs arrive through the mentions webhook."},
      {"MentionedComments", "Id", "WHERE Id = '17870913679156914'",
       "Instagram has no list of mentions; comment IDs arrive through the mentions webhook."},
      {"Hashtags", "Name", "WHERE Name = 'coffee'",
       "Instagram looks hashtags up one name at a time, and each new name counts against the limit of 30 "
       "hashtags per account per 7 days.",
       "Id"},
      {"HashtagMedia", "HashtagId", "WHERE HashtagName = 'coffee'",
       "Instagram lists media only for a given hashtag.", "HashtagName"},
      {"BusinessDiscovery", "Username", "WHERE Username = 'bluebottle'",
       "Instagram looks up other accounts one username at a time."},
      {"BusinessDiscoveryMedia", "Username", "WHERE Username = 'bluebottle'",
       "Instagram looks up other accounts one username at a time."},
  };
  for (const RequiredFilter& f : kFilters)
    if (f.table.size() == table.size() && strncasecmp(f.table.data(), table.data(), table.size()) == 0)
      return &f;
  return nullptr;
}

std::string requiredColumnsText(const RequiredFilter& filter) {
  std::string text(filter.column);
  if (!filter.orColumn.empty()) text += " or " + std::string(filter.orColumn);
  return text;
}

}  // namespace igodbc::schema

namespace igodbc::schema {

Table permissionsTable() {
  return Table{
      "Permissions",
      TableKind::Table,
      Source::Permissions,
      {
          {"Permission", SqlType::Varchar, 64, false, Origin::Json, "permission"},
          {"Status",
           SqlType::Varchar,
           16,
           false,
           Origin::Json,
           "status",
           kPushNone,
           kFlagNone,
           {},
           "granted, declined, expired"},
          {"TargetIds",
           SqlType::Varchar,
           4000,
           true,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "comma-separated; NULL = all assets or unknown"},
      },
      {"Permission"},
      {},
      {},
      "What the token may do; read it first when a table answers with a permission error.",
      "",
  };
}

}  // namespace igodbc::schema
