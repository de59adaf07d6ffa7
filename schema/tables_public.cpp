// Public content: hashtags and business discovery. Facebook Login only; calls go
// through ViaAccountId, the account whose quota they use.
#include "schema/shared_columns.h"
#include "schema/tables.h"

namespace igodbc::schema {

namespace {
using shared::kHiddenLikes;
using shared::kKey;
}  // namespace

Table hashtagsTable() {
  return Table{
      "Hashtags",
      TableKind::Table,
      // Cost: one search (or lookup) per name.
      Cost{"Id", "", "", 1, 1, true},
      {
          noted(pushed(shared::kId, kKey), "global, the same for every app"),
          noted({"Name", SqlType::WVarchar, 256, true, Origin::Json, "name", kKey, kNoCase},
                "the searched name; name on Id lookups"),
          noted({"ViaAccountId", SqlType::Varchar, 32, false, Origin::Derived, "", kPushEq},
                "the account whose quota the search used"),
      },
      {"Id"},
      {},
      {},
      "Resolves hashtag names to Instagram's global hashtag IDs.",
      "",
      nullptr,
      RequiredFilter{
          "Name", "WHERE Name = 'coffee'",
          "Instagram looks hashtags up one name at a time, and each new name counts against the limit of 30 "
          "hashtags per account per 7 days.",
          "Id"},
  };
}

Table hashtagMediaTable() {
  return Table{
      "HashtagMedia",
      TableKind::Table,
      // Cost: top and recent, a page or two each.
      Cost{"HashtagId", "", "", 4, 50},
      {
          {"HashtagId", SqlType::Varchar, 32, false, Origin::Path, "", kKey},
          noted({"Kind", SqlType::Varchar, 8, false, Origin::Derived, "", kKey},
                "top (top_media) or recent (recent_media)"),
          shared::kId,
          noted({"ViaAccountId", SqlType::Varchar, 32, false, Origin::Derived, "", kPushEq}, "user_id sent"),
          noted({"HashtagName", SqlType::WVarchar, 256, true, Origin::Derived, "", kKey, kNoCase},
                "the filter value, or the hashtag's name when filtered by ID"),
          shared::kCaption,
          shared::kMediaType,
          noted(shared::kMediaUrl, "absent for albums and copyrighted media"),
          shared::kPermalink,
          shared::kTimestamp,
          noted(shared::kLikeCount, kHiddenLikes),
          shared::kCommentsCount,
      },
      {"HashtagId", "Kind", "Id"},
      {},
      {{"HashtagId", "Hashtags", "Id"}},
      "Public top and recent (last 24 h) media for a hashtag.",
      "",
      nullptr,
      RequiredFilter{"HashtagId", "WHERE HashtagName = 'coffee'",
                     "Instagram lists media only for a given hashtag.", "HashtagName"},
  };
}

Table recentlySearchedHashtagsTable() {
  return Table{
      "RecentlySearchedHashtags",
      TableKind::Table,
      Cost{"", "AccountId", "", 1, 30},
      {
          shared::kWalkedAccountId,
          {"HashtagId", SqlType::Varchar, 32, false, Origin::Json, "id"},
          {"Name", SqlType::WVarchar, 256, true, Origin::Json, "name", kPushNone, kNoCase},
      },
      {"AccountId", "HashtagId"},
      {},
      {{"AccountId", "Accounts", "Id"}, {"HashtagId", "Hashtags", "Id"}},
      "The hashtags that currently count against each account's 30-per-7-days search quota.",
      "",
  };
}

Table businessDiscoveryTable() {
  return Table{
      "BusinessDiscovery",
      TableKind::Table,
      Cost{"Username", "", "", 1, 1, true},
      {
          noted({"Username", SqlType::Varchar, 64, false, Origin::Json, "username", kKey, kNoCase},
                "as Instagram spells it"),
          shared::kId,
          {"ViaAccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq},
          shared::kName,
          shared::kBiography,
          shared::kWebsite,
          shared::kProfilePictureUrl,
          shared::kFollowersCount,
          shared::kFollowsCount,
          shared::kMediaCount,
          shared::kIgId,
      },
      {"Username"},
      {{"Id"}},
      {},
      "Public profile data of another professional account, by username.",
      "",
      nullptr,
      RequiredFilter{"Username", "WHERE Username = 'bluebottle'",
                     "Instagram looks up other accounts one username at a time."},
  };
}

Table businessDiscoveryMediaTable() {
  return Table{
      "BusinessDiscoveryMedia",
      TableKind::Table,
      Cost{"Username", "", "", 4, 50},
      {
          noted({"Username", SqlType::Varchar, 64, false, Origin::Derived, "", kKey, kNoCase},
                "business_discovery.username"),
          shared::kId,
          {"ViaAccountId", SqlType::Varchar, 32, false, Origin::Path, "", kPushEq},
          shared::kCaption,
          shared::kMediaType,
          shared::kMediaProductType,
          shared::kMediaUrl,
          shared::kPermalink,
          pushed(shared::kTimestamp, kPushRange),
          noted(shared::kLikeCount, kHiddenLikes),
          shared::kCommentsCount,
          noted({"ViewCount", SqlType::BigInt, 19, true, Origin::Json, "view_count"},
                "reels; only readable through business discovery"),
      },
      {"Id"},
      {},
      {{"Username", "BusinessDiscovery", "Username"}},
      "The public media of another professional account, newest first.",
      "",
      nullptr,
      RequiredFilter{"Username", "WHERE Username = 'bluebottle'",
                     "Instagram looks up other accounts one username at a time."},
  };
}

}  // namespace igodbc::schema
