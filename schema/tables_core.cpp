// The declarations of Accounts, Pages, Media and MediaChildren.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
using shared::kHiddenLikes;
using shared::kKey;

// The media count fields, read with Facebook Login on all versions from 2026-04-22.
Column mediaCountField(std::string_view name, std::string_view field) {
  return {name, SqlType::BigInt, 19, true, Origin::Json, field, kPushNone, kFacebookLoginOnly, "2026-04-22"};
}
}  // namespace

Table accountsTable() {
  return Table{
      "Accounts",
      TableKind::Table,
      Cost{"Id", "", "", 1, 3, true, false},
      {
          noted(pushed(shared::kId, kKey), "the AccountId of every other table"),
          shared::kUsername,
          shared::kName,
          shared::kBiography,
          shared::kWebsite,
          noted(shared::kProfilePictureUrl, "CDN URL; expires"),
          shared::kFollowersCount,
          shared::kFollowsCount,
          noted(shared::kMediaCount, "can be lower than what Media returns"),
          noted(shared::kIgId, "legacy Instagram ID; JSON number rendered as text"),
          {"HasProfilePic", SqlType::Bit, 1, true, Origin::Json, "has_profile_pic"},
          {"IsPublished", SqlType::Bit, 1, true, Origin::Json, "is_published"},
          noted({"AccountType", SqlType::Varchar, 32, true, Origin::Json, "account_type", kPushNone,
                 kInstagramLoginOnly},
                "Instagram Login only (BUSINESS, MEDIA_CREATOR)"),
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
      Cost{"", "", "", 1, 10},
      {
          noted(shared::kId, "Page ID"),
          {"Name", SqlType::WVarchar, 256, true, Origin::Json, "name"},
          {"Category", SqlType::WVarchar, 256, true, Origin::Json, "category"},
          noted({"Tasks", SqlType::Varchar, 512, true, Origin::Json, "tasks[]"},
                "comma-separated, e.g. ANALYZE,CREATE_CONTENT,MANAGE"),
          noted({"AccountId", SqlType::Varchar, 32, true, Origin::Json, "instagram_business_account.id",
                 kPushNull},
                "NULL when no professional account is linked"),
          noted({"ConnectedAccountId", SqlType::Varchar, 32, true, Origin::Json,
                 "connected_instagram_account.id", kPushNull},
                "account connected in Page settings"),
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
      // Cost: about 1,200 media per account at 100 per page, newest first.
      Cost{"Id", "AccountId", "Timestamp", 12, 100, true, true},
      concat(shared::ownMediaColumns("IMAGE, VIDEO, CAROUSEL_ALBUM; reels report VIDEO", "FEED, REELS, AD"),
             {
                 pushed(shared::kTimestamp, kPushEq | kPushRange),
                 shared::kUsername,
                 noted(shared::kLikeCount, kHiddenLikes),
                 shared::kCommentsCount,
                 {"IsCommentEnabled", SqlType::Bit, 1, true, Origin::Json, "is_comment_enabled"},
                 {"IsSharedToFeed", SqlType::Bit, 1, true, Origin::Json, "is_shared_to_feed"},
                 {"AltText", SqlType::WVarchar, 2000, true, Origin::Json, "alt_text"},
                 shared::kIgId,
                 mediaCountField("SharesCount", "shares_count"),
                 mediaCountField("RepostsCount", "reposts_count"),
                 mediaCountField("SavedCount", "saved_count"),
                 mediaCountField("TotalLikeCount", "total_like_count"),
                 mediaCountField("TotalCommentsCount", "total_comments_count"),
                 mediaCountField("TotalViewsCount", "total_views_count"),
             }),
      {"Id"},
      {},
      {{"AccountId", "Accounts", "Id"}},
      "The accounts' feed posts, albums and reels: everything /{ig}/media lists (stories are not there).",
      " — publish with {call PostMedia(...)} or CreateMediaContainer + PublishMedia",
      mediaWrites(),
  };
}

Table mediaChildrenTable() {
  return Table{
      "MediaChildren",
      TableKind::Table,
      // Cost: an album yields several children, so a children walk outnumbers its media walk.
      Cost{"MediaId", "AccountId", "", 12, 150},
      {
          shared::kId,
          noted({"MediaId", SqlType::Varchar, 32, false, Origin::Parent, "", kKey}, "the album"),
          shared::kWalkedAccountId,
          derived("Position", SqlType::Integer, 10, false, "1-based index in children.data"),
          shared::kMediaType,
          shared::kMediaUrl,
          shared::kThumbnailUrl,
          shared::kTimestamp,
      },
      {"Id"},
      {{"MediaId", "Position"}},
      {{"MediaId", "Media", "Id"}, {"AccountId", "Accounts", "Id"}},
      "The items of carousel albums.",
      " — children cannot be edited or deleted on their own",
  };
}

}  // namespace igodbc::schema
