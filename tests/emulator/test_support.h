// Helpers shared by the request-level tests: the seed-42 dataset, requests through GraphApi::handle
// (no sockets) and quick access to error fields.
#pragma once

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "api/api.h"
#include "dataset/dataset.h"

namespace emutest {

inline const igemu::Dataset& data() {
  static const igemu::Dataset ds = igemu::Dataset::generate(42);
  return ds;
}

inline const std::string kToken = "access_token=demo-token";
inline const std::string kBase = "http://127.0.0.1:9";

struct Result {
  int status = 0;
  std::string body;
  rapidjson::Document json;
  igemu::ApiResponse raw;

  std::string error_message() const { return json["error"]["message"].GetString(); }
  int error_code() const { return json["error"]["code"].GetInt(); }
  int error_subcode() const {
    return json["error"].HasMember("error_subcode") ? json["error"]["error_subcode"].GetInt() : 0;
  }
  std::string str(const char* key) const { return json[key].GetString(); }
};

inline Result call(igemu::GraphApi& api, const std::string& method, const std::string& target,
                   const std::string& body = "",
                   const std::string& content_type = "application/x-www-form-urlencoded") {
  Result r;
  r.raw = api.handle(igemu::ApiRequest{method, target, "127.0.0.1:9", "", body, content_type});
  r.status = r.raw.status;
  r.body = r.raw.body;
  r.json.Parse(r.body.c_str());
  REQUIRE_FALSE(r.json.HasParseError());
  return r;
}

inline Result get(igemu::GraphApi& api, const std::string& target) {
  return call(api, "GET", target);
}

// The path+query of an absolute paging URL, to follow it verbatim.
inline std::string follow(const rapidjson::Value& url) {
  const std::string s = url.GetString();
  REQUIRE(s.rfind(kBase, 0) == 0);
  return s.substr(kBase.size());
}

inline std::string header(const igemu::ApiResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

inline std::string account(int i) {
  return data().accounts[static_cast<size_t>(i)].id;
}

inline std::string quoted_text(const std::string* json) {
  return json ? json->substr(1, json->size() - 2) : std::string();
}

}  // namespace emutest
