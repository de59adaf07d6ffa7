// UTC text of a point in time: every date the driver shows (sys tables, token expiries, the log file) is UTC,
// whatever the host's time zone.
#pragma once

#include <cstdint>
#include <string>

namespace igodbc::graph {

// `strftimeFormat` applied to `epochSeconds` in UTC; empty when the result would exceed 63 bytes.
std::string formatUtc(int64_t epochSeconds, const char* strftimeFormat);

// The current time as seconds since the epoch.
int64_t nowEpochSeconds();

}  // namespace igodbc::graph
