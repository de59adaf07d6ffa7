// Instants between the Graph API's forms (ISO 8601 with an offset, Unix seconds) and the SQL canonical
// text 'YYYY-MM-DD HH:MM:SS' (UTC) the driver uses for TIMESTAMP values. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace igodbc::sql {

// "2024-05-01T12:00:00+0000", "+00:00", "+02", "Z", optional fraction, or no zone (taken as UTC)
// -> Unix seconds. A date alone ("2024-05-01") is midnight UTC. nullopt when not such a timestamp.
std::optional<int64_t> parseGraphTimestamp(std::string_view text);

// Exactly 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (the forms a filter may push to since/until) -> Unix seconds.
std::optional<int64_t> parseCanonical(std::string_view text);

std::string formatTimestamp(int64_t unixSeconds);  // 'YYYY-MM-DD HH:MM:SS' UTC
std::string formatDate(int64_t unixSeconds);       // 'YYYY-MM-DD' UTC

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);

// Whether y-m-d and h:mi:s name a real calendar instant (leap years included; second 60 refused).
bool validDate(int y, int m, int d);
bool validTime(int h, int mi, int s);

}  // namespace igodbc::sql
