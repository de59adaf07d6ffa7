// Accounts, Pages, Media and MediaChildren, as data-model.md sections 3.1, 3.2, 4.1 and 4.2 declare them.
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
constexpr unsigned kKey = kPushEq | kPushIn;
constexpr const char* kCountsFrom = "2026-04-22";  // media count fields exist on all versions from then
}  // namespace

Table accountsTable() {
  return Table{
      "Accounts",
      TableKind::Table,
      Source::Accounts,
      {
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kKey, kFlagNone, {},
           "the AccountId of every other table"},
          {"Username", SqlType::Varchar, 64, true, Origin::Json, "username", kPushNone, kNoCase},
          {"Name", SqlType::WVarchar, 128, true, Origin::Json, "name"},
          {"Biography", SqlType::WVarchar, 300, true, Origin::Json, "biography"},
          {"Website", SqlType::Varchar, 2048, true, Origin::Json, "website"},
          {"ProfilePictureUrl", SqlType::Varchar, 2048, true, Origin::Json, "profile_picture_url", kPushNone,
           kFlagNone, {}, "CDN URL; expires"},
          {"FollowersCount", SqlType::BigInt, 19, true, Origin::Json, "followers_count"},
          {"FollowsCount", SqlType::BigInt, 19, true, Origin::Json, "follows_count"},
          {"MediaCount", SqlType::BigInt, 19, true, Origin::Json, "media_count", kPushNone, kFlagNone, {},
           "can be lower than what Media returns"},
          {"IgId", SqlType::Varchar, 32, true, Origin::Json, "ig_id", kPushNone, kFlagNone, {},
           "legacy Instagram ID; JSON number rendered as text"},
          {"HasProfilePic", SqlType::Bit, 1, true, Origin::Json, "has_profile_pic"},
          {"IsPublished", SqlType::Bit, 1, true, Origin::Json, "is_published"},
          {"AccountType", SqlType::Varchar, 32, true, Origin::Json, "account_type", kPushNone,
           kInstagramLoginOnly, {}, "Instagram Login only (BUSINESS, MEDIA_CREATOR)"},
      },
      {"Id"},
      {},
      {},
      "One row per Instagram professional account in the connection's scope.",
      "",
  };
}

Table pagesTable() {
  return Table{
      "Pages",
      TableKind::Table,
      Source::Pages,
      {
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kPushNone, kFlagNone, {}, "Page ID"},
          {"Name", SqlType::WVarchar, 256, true, Origin::Json, "name"},
          {"Category", SqlType::WVarchar, 256, true, Origin::Json, "category"},
          {"Tasks", SqlType::Varchar, 512, true, Origin::Json, "tasks[]", kPushNone, kFlagNone, {},
           "comma-separated, e.g. ANALYZE,CREATE_CONTENT,MANAGE"},
          {"AccountId", SqlType::Varchar, 32, true, Origin::Json, "instagram_business_account.id", kPushNull,
           kFlagNone, {}, "NULL when no professional account is linked"},
          {"ConnectedAccountId", SqlType::Varchar, 32, true, Origin::Json, "connected_instagram_account.id",
           kPushNull, kFlagNone, {}, "account connected in Page settings"},
      },
      {"Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "The Facebook Pages the user manages and the Instagram accounts linked to them (Facebook Login only).",
      "",
  };
}

Table mediaTable() {
  return Table{
      "Media",
      TableKind::Table,
      Source::Media,
      {
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id", kKey},
          {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey, kFlagNone, {},
           "the account walked; owner.id for lookups"},
          {"Caption", SqlType::WVarchar, 4000, true, Origin::Json, "caption"},
          {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type", kPushNone, kFlagNone, {},
           "IMAGE, VIDEO, CAROUSEL_ALBUM; reels report VIDEO"},
          {"MediaProductType", SqlType::Varchar, 32, true, Origin::Json, "media_product_type", kPushNone,
           kFlagNone, {}, "FEED, REELS, AD"},
          {"MediaUrl", SqlType::Varchar, 2048, true, Origin::Json, "media_url"},
          {"ThumbnailUrl", SqlType::Varchar, 2048, true, Origin::Json, "thumbnail_url"},
          {"Permalink", SqlType::Varchar, 2048, true, Origin::Json, "permalink"},
          {"Shortcode", SqlType::Varchar, 32, true, Origin::Json, "shortcode"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp", kPushEq | kPushRange},
          {"Username", SqlType::Varchar, 64, true, Origin::Json, "username", kPushNone, kNoCase},
          {"LikeCount", SqlType::BigInt, 19, true, Origin::Json, "like_count", kPushNone, kFlagNone, {},
           "NULL when hidden"},
          {"CommentsCount", SqlType::BigInt, 19, true, Origin::Json, "comments_count"},
          {"IsCommentEnabled", SqlType::Bit, 1, true, Origin::Json, "is_comment_enabled"},
          {"IsSharedToFeed", SqlType::Bit, 1, true, Origin::Json, "is_shared_to_feed"},
          {"AltText", SqlType::WVarchar, 2000, true, Origin::Json, "alt_text"},
          {"IgId", SqlType::Varchar, 32, true, Origin::Json, "ig_id"},
          {"SharesCount", SqlType::BigInt, 19, true, Origin::Json, "shares_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
          {"RepostsCount", SqlType::BigInt, 19, true, Origin::Json, "reposts_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
          {"SavedCount", SqlType::BigInt, 19, true, Origin::Json, "saved_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
          {"TotalLikeCount", SqlType::BigInt, 19, true, Origin::Json, "total_like_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
          {"TotalCommentsCount", SqlType::BigInt, 19, true, Origin::Json, "total_comments_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
          {"TotalViewsCount", SqlType::BigInt, 19, true, Origin::Json, "total_views_count", kPushNone,
           kFacebookLoginOnly, kCountsFrom},
      },
      {"Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "The accounts' feed posts, albums and reels: everything /{ig}/media lists (stories are not there).",
      " — publish with {call PostMedia(...)} or CreateMediaContainer + PublishMedia",
  };
}

Table mediaChildrenTable() {
  return Table{
      "MediaChildren",
      TableKind::Table,
      Source::MediaChildren,
      {
          {"Id", SqlType::Varchar, 32, false, Origin::Json, "id"},
          {"MediaId", SqlType::Varchar, 32, false, Origin::Parent, "", kKey, kFlagNone, {}, "the album"},
          {"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey},
          {"Position", SqlType::Integer, 10, false, Origin::Derived, "", kPushNone, kFlagNone, {},
           "1-based index in children.data"},
          {"MediaType", SqlType::Varchar, 32, true, Origin::Json, "media_type"},
          {"MediaUrl", SqlType::Varchar, 2048, true, Origin::Json, "media_url"},
          {"ThumbnailUrl", SqlType::Varchar, 2048, true, Origin::Json, "thumbnail_url"},
          {"Timestamp", SqlType::Timestamp, 19, true, Origin::Json, "timestamp"},
      },
      {"Id"},
      {{"MediaId", "Position"}},
      {{"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "The items of carousel albums.",
      " — children cannot be edited or deleted on their own",
  };
}

}  // namespace igodbc::schema
