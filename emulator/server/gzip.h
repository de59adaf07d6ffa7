// Response compression for clients sending "Accept-Encoding: gzip" (the Graph API honours it).
// Done here rather than by cpp-httplib, which only compresses an exact "application/json" type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace igemu {

bool accepts_gzip(std::string_view accept_encoding);
// Deterministic output (no timestamp in the gzip header); nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data);

}  // namespace igemu
