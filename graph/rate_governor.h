// Slows the driver down before Instagram blocks it (calling while throttled lengthens the
// block). Reads the process-wide UsageStore, so every connection of the process is governed by the same
// usage.
#pragma once

#include <string_view>

namespace igodbc::graph {

// Seconds to wait before a request to `path` (relative, or an absolute URL), given the usage last reported
// in the last 10 s for the app and for any account whose ID appears in the path: 0 below `thresholdPercent`
// (0 disables), rising linearly to `maxDelaySeconds` at 100 %.
double governorDelaySeconds(std::string_view path, int thresholdPercent, double maxDelaySeconds);

}  // namespace igodbc::graph
