// Batch requests: per-operation results, partial failure, the 50 limit, JSONPath dependencies.
#include <cctype>
#include <cstdio>

#include "server/jsonpath.h"
#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

std::string form(const std::string& batch, const std::string& extra = "") {
  std::string encoded;
  for (unsigned char c : batch) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  return "access_token=demo-token&batch=" + encoded + extra;
}

}  // namespace

TEST_CASE("batch: results in order, string bodies, partial failure", "[batch]") {
  GraphApi api(data(), {});
  const std::string media = data().media[data().accounts[0].media[0]].id;
  const std::string batch = "[{\"method\":\"GET\",\"relative_url\":\"" + media +
                            "?fields=id,like_count\"},"
                            "{\"method\":\"GET\",\"relative_url\":\"v21.0/" +
                            media +
                            "/insights?metric=reach\"},"
                            "{\"method\":\"GET\",\"relative_url\":\"999?fields=id\"}]";
  Result r = call(api, "POST", "/v24.0/", form(batch));
  REQUIRE(r.status == 200);
  REQUIRE(r.json.IsArray());
  REQUIRE(r.json.Size() == 3);
  CHECK(r.json[0]["code"].GetInt() == 200);
  rapidjson::Document body;
  body.Parse(r.json[0]["body"].GetString());
  CHECK(body["id"].GetString() == media);
  CHECK(r.json[1]["code"].GetInt() == 200);
  bool versioned = false;
  for (const auto& h : r.json[1]["headers"].GetArray()) {
    if (std::string(h["name"].GetString()) == "facebook-api-version")
      versioned = std::string(h["value"].GetString()) == "v21.0";
  }
  CHECK(versioned);
  CHECK(r.json[2]["code"].GetInt() == 400);
  body.Parse(r.json[2]["body"].GetString());
  CHECK(body["error"]["error_subcode"].GetInt() == 33);

  r = call(api, "POST", "/", form(batch, "&include_headers=false"));
  CHECK_FALSE(r.json[0].HasMember("headers"));
  CHECK(r.json[0].HasMember("body"));
}

TEST_CASE("batch: at most 50 operations, a token, a JSON array", "[batch]") {
  GraphApi api(data(), {});
  std::string ops = "[";
  for (int i = 0; i < 51; ++i)
    ops += std::string(i ? "," : "") + "{\"method\":\"GET\",\"relative_url\":\"me\"}";
  ops += "]";
  Result r = call(api, "POST", "/v24.0/", form(ops));
  CHECK(r.status == 400);
  CHECK(r.error_message() == "Too many requests in batch message. Maximum batch size is 50");
  CHECK(call(api, "POST", "/v24.0/", form("{\"no\":1}")).status == 400);
  CHECK(call(api, "POST", "/v24.0/", "batch=%5B%5D").error_code() == 104);
  CHECK(call(api, "POST", "/v24.0/", form("[]")).body == "[]");
}

TEST_CASE("batch: JSONPath dependencies and writes", "[batch]") {
  GraphApi api(data(), {});
  const std::string batch =
      "[{\"method\":\"GET\",\"name\":\"list\",\"relative_url\":\"" + account(1) +
      "/media?limit=3\"},"
      "{\"method\":\"GET\",\"relative_url\":\"?ids={result=list:$.data.*.id}&fields=id,media_type\"},"
      "{\"method\":\"POST\",\"relative_url\":\"{result=list:$.data.0.id}/"
      "comments\",\"body\":\"message=Hello\"}]";
  Result r = call(api, "POST", "/v24.0/", form(batch));
  REQUIRE(r.json.Size() == 3);
  CHECK(r.json[0].IsNull());  // referenced by name: omitted on success
  REQUIRE(r.json[1]["code"].GetInt() == 200);
  rapidjson::Document multi;
  multi.Parse(r.json[1]["body"].GetString());
  CHECK(multi.MemberCount() == 3);
  CHECK(multi.HasMember(data().media[data().accounts[1].media[0]].id.c_str()));
  CHECK(r.json[2]["code"].GetInt() == 200);

  // A failed named operation fails its dependents; omit_response_on_success=false keeps the answer.
  const std::string failing =
      "[{\"method\":\"GET\",\"name\":\"bad\",\"omit_response_on_success\":false,\"relative_url\":\"999\"},"
      "{\"method\":\"GET\",\"relative_url\":\"?ids={result=bad:$.id}\"}]";
  r = call(api, "POST", "/v24.0/", form(failing));
  CHECK(r.json[0]["code"].GetInt() == 400);
  CHECK(r.json[1]["code"].GetInt() == 400);
}

TEST_CASE("jsonpath subset", "[batch]") {
  const std::string json =
      "{\"data\":[{\"id\":\"1\"},{\"id\":\"2\",\"n\":5}],\"paging\":{\"cursors\":{\"after\":\"x\"}}}";
  CHECK(*jsonpath_values(json, "$.data.*.id") == std::vector<std::string>{"1", "2"});
  CHECK(*jsonpath_values(json, "$.data.1.n") == std::vector<std::string>{"5"});
  CHECK(*jsonpath_values(json, "$.data[0].id") == std::vector<std::string>{"1"});
  CHECK(*jsonpath_values(json, "$.paging.cursors.after") == std::vector<std::string>{"x"});
  CHECK(jsonpath_values(json, "$..id") == std::nullopt);
  CHECK(jsonpath_values("{", "$.a") == std::nullopt);
  CHECK(jsonpath_values(json, "data") == std::nullopt);
}
