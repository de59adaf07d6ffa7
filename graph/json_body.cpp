#include "graph/json_body.h"

#include <rapidjson/error/en.h>

namespace igodbc::graph {

std::shared_ptr<rapidjson::Document> parseJsonBody(std::string_view body, std::string& error) {
  constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag |
                              rapidjson::kParseValidateEncodingFlag;
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
