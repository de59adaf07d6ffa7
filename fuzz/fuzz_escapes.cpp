// libFuzzer: the ODBC escape translator ({fn ...}, {d ...}, {oj ...}, {call ...}) never crashes on any text.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "sql/engine/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)igodbc::sql::translateEscapes(text);
  } catch (const std::exception&) {
    // a user-facing error (it becomes an ODBC diagnostic) is fine; a crash is not
  }
  return 0;
}
