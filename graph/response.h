// The answer of one Graph call.
#pragma once

#include <rapidjson/document.h>

#include <memory>

namespace igodbc::graph {

struct Response {
  std::shared_ptr<const rapidjson::Document> json;  // never null on success
  int seq = 0;                                      // the RequestLog entry, for addRows
};

}  // namespace igodbc::graph
