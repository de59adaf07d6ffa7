// Columns that several tables declare alike: the media fields of the media-shaped tables (Media, Stories,
// Tags, MentionedMedia, HashtagMedia, BusinessDiscoveryMedia, MediaChildren), the author fields of comments
// and the profile fields of Accounts and BusinessDiscovery. Each is spelled here once, with its name, SQL
// type, size, nullability and Graph field; a table lists them in its own order and adds only what differs
// for it (pushdown, notes: column_builders.h). Internal to schema/.
#pragma once

#include <string_view>
#include <vector>

#include "schema/column_builders.h"
#include "schema/schema.h"

namespace igodbc::schema::shared {

constexpr unsigned kKey = kPushEq | kPushIn;
constexpr std::string_view kHiddenLikes = "NULL when hidden";

constexpr Column kId{"Id", SqlType::Varchar, 32, false, Origin::Json, "id"};
// The account in the request path: the one walked, tagged or mentioned.
constexpr Column kWalkedAccountId{"AccountId", SqlType::Varchar, 32, false, Origin::Path, "", kKey};

// The metric name of an insight long table.
constexpr Column kMetric{"Metric", SqlType::Varchar, 64, false, Origin::Json, "data[].name", kKey};

// Media fields, in the order the media tables list them.
constexpr Column kCaption = jsonColumn("Caption", SqlType::WVarchar, 4000, "caption");
constexpr Column kMediaType = jsonColumn("MediaType", SqlType::Varchar, 32, "media_type");
constexpr Column kMediaProductType =
    jsonColumn("MediaProductType", SqlType::Varchar, 32, "media_product_type");
constexpr Column kMediaUrl = jsonColumn("MediaUrl", SqlType::Varchar, 2048, "media_url");
constexpr Column kThumbnailUrl = jsonColumn("ThumbnailUrl", SqlType::Varchar, 2048, "thumbnail_url");
constexpr Column kPermalink = jsonColumn("Permalink", SqlType::Varchar, 2048, "permalink");
constexpr Column kShortcode = jsonColumn("Shortcode", SqlType::Varchar, 32, "shortcode");
constexpr Column kTimestamp = jsonColumn("Timestamp", SqlType::Timestamp, 19, "timestamp");
// The author or owner; compared without case.
constexpr Column kUsername = jsonColumn("Username", SqlType::Varchar, 64, "username", kNoCase);
constexpr Column kLikeCount = jsonColumn("LikeCount", SqlType::BigInt, 19, "like_count");
constexpr Column kCommentsCount = jsonColumn("CommentsCount", SqlType::BigInt, 19, "comments_count");

// Profile fields of a professional account.
constexpr Column kName = jsonColumn("Name", SqlType::WVarchar, 128, "name");
constexpr Column kBiography = jsonColumn("Biography", SqlType::WVarchar, 300, "biography");
constexpr Column kWebsite = jsonColumn("Website", SqlType::Varchar, 2048, "website");
constexpr Column kProfilePictureUrl =
    jsonColumn("ProfilePictureUrl", SqlType::Varchar, 2048, "profile_picture_url");
constexpr Column kFollowersCount = jsonColumn("FollowersCount", SqlType::BigInt, 19, "followers_count");
constexpr Column kFollowsCount = jsonColumn("FollowsCount", SqlType::BigInt, 19, "follows_count");
constexpr Column kMediaCount = jsonColumn("MediaCount", SqlType::BigInt, 19, "media_count");
constexpr Column kIgId = jsonColumn("IgId", SqlType::Varchar, 32, "ig_id");

// Id to Shortcode of the accounts' own media, as both Media and Stories begin; each appends the rest.
inline std::vector<Column> ownMediaColumns(std::string_view mediaTypes, std::string_view productTypes) {
  return {
      pushed(kId, kKey),
      noted(kWalkedAccountId, "the account walked; owner.id for lookups"),
      kCaption,
      noted(kMediaType, mediaTypes),
      noted(kMediaProductType, productTypes),
      kMediaUrl,
      kThumbnailUrl,
      kPermalink,
      kShortcode,
  };
}

// Breakdown to Description: the tail of the insight long tables (MediaInsights, StoryInsights,
// AccountInsights, AccountInsightTotals), one row per metric and breakdown value.
inline std::vector<Column> insightValueColumns(std::string_view breakdownValues,
                                               std::string_view valueNotes) {
  return {
      noted({"Breakdown", SqlType::Varchar, 64, true, Origin::Derived, "", kKey | kPushNull},
            "NULL on total rows"),
      derived("BreakdownValue", SqlType::Varchar, 64, true, breakdownValues),
      derived("Value", SqlType::Double, 15, false, valueNotes),
      {"Title", SqlType::WVarchar, 256, true, Origin::Json, "data[].title"},
      {"Description", SqlType::WVarchar, 1024, true, Origin::Json, "data[].description"},
  };
}

}  // namespace igodbc::schema::shared
