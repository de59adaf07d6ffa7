#include "net/json_body.h"

#include <rapidjson/error/en.h>

namespace igodbc::graph {

std::shared_ptr<rapidjson::Document> parseJsonBody(std::string_view body, std::string& error) {
  // No kParseFullPrecisionFlag: RapidJSON 1.1.0's full-precision strtod reads out of bounds on some numbers
  // beyond 2^64 with many digits (found by fuzz_json_rows, fuzz/corpus/json_rows/crash-clz-zero). The normal
  // path is exact for the short decimals Graph sends (at most 15 digits and |exponent| <= 22), and integers
  // that fit 64 bits never become doubles either way.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse<kFlags>(body.data(), body.size());
  if (doc->HasParseError()) {
    error = std::string(rapidjson::GetParseError_En(doc->GetParseError())) + " at byte " +
            std::to_string(doc->GetErrorOffset()) + " of " + std::to_string(body.size());
    return nullptr;
  }
  return doc;
}

}  // namespace igodbc::graph
