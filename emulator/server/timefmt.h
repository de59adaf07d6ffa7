// Graph API time formats: object timestamps are ISO 8601 UTC with a colon-less offset
// ("2024-05-01T12:00:00+0000"); request parameters since/until are Unix seconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace igemu {

std::string format_graph_timestamp(int64_t unix_seconds);

// Accepts what clients send for since/until: Unix seconds (optionally negative), or an ISO date
// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" with an optional "Z", "+0000" or "+00:00" (other offsets
// are honoured too). The real API also takes free-form strtotime() strings; those are not modelled.
std::optional<int64_t> parse_time_param(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

}  // namespace igemu
