#include "server/gzip.h"

#include <zlib.h>

#include <cctype>

namespace igemu {

bool accepts_gzip(std::string_view accept_encoding) {
  // Comma-separated codings with optional ";q=…"; "gzip;q=0" means refused.
  size_t start = 0;
  while (start < accept_encoding.size()) {
    size_t end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string item;
    for (char c : accept_encoding.substr(start, end - start)) {
      if (c != ' ' && c != '\t') item += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const size_t semi = item.find(';');
    const std::string coding = item.substr(0, semi);
    const bool refused =
        semi != std::string::npos && (item.substr(semi) == ";q=0" || item.substr(semi) == ";q=0.0" ||
                                      item.substr(semi) == ";q=0.00" || item.substr(semi) == ";q=0.000");
    if ((coding == "gzip" || coding == "x-gzip") && !refused) return true;
    start = end + 1;
  }
  return false;
}

std::optional<std::string> gzip_compress(std::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper; its header carries mtime 0, so output is stable.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  const size_t produced = out.size() - zs.avail_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(produced);
  return out;
}

}  // namespace igemu
