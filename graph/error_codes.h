// The Graph API error codes and subcodes the driver acts on by number (error.code / error.error_subcode of a
// GraphError), named once. Messages the driver also matches are here when a code alone is ambiguous.
#pragma once

namespace igodbc::graph::codes {

// error.code
inline constexpr int kUnknown = 1;          // "An unknown error occurred", "Please reduce the amount of data"
inline constexpr int kPublishingLimit = 9;  // the account's publishing quota is used up
inline constexpr int kPermission = 10;      // also "Not enough viewers", too few followers for insights
inline constexpr int kHashtagQuota = 18;    // 30 unique hashtags per account per 7 days
inline constexpr int kInvalidParameter = 100;  // unknown object or field, invalid parameter value
inline constexpr int kInvalidUserId = 110;     // business_discovery: no such user name
inline constexpr int kMediaNotReady = 9007;    // media_publish: the container is still being processed

// error.error_subcode
inline constexpr int kBeforeBusinessAccount = 2108006;   // media older than the business account
inline constexpr int kContainerFailed = 2207001;         // the container could not be processed
inline constexpr int kContainerExpired = 2207020;        // containers live 24 hours
inline constexpr int kContainerInProgress = 2207027;     // not finished processing yet
inline constexpr int kPublishingLimitReached = 2207042;  // the 24-hour publishing quota is used up

// With code 10 on a story: fewer than 5 viewers, so Instagram shows no insights.
inline constexpr const char* kNotEnoughViewers = "Not enough viewers";

}  // namespace igodbc::graph::codes
