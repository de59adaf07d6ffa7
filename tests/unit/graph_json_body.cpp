#include <catch2/catch.hpp>
#include <cstdint>

#include "net/json_body.h"

using namespace igodbc::graph;

TEST_CASE("big integer IDs parse as int64, never through a double", "[graph][json]") {
  std::string err;
  auto doc = parseJsonBody(
      R"({"ig_id":17841405822304915,"neg":-9223372036854775808,"u":18446744073709551615})", err);
  REQUIRE(doc);
  CHECK((*doc)["ig_id"].IsInt64());
  CHECK((*doc)["ig_id"].GetInt64() == 17841405822304915LL);  // odd, so a double would round it
  CHECK((*doc)["neg"].GetInt64() == INT64_MIN);
  CHECK((*doc)["u"].IsUint64());
}

TEST_CASE("floats keep full precision", "[graph][json]") {
  std::string err;
  auto doc = parseJsonBody(R"({"rate":0.1})", err);
  REQUIRE(doc);
  CHECK((*doc)["rate"].GetDouble() == 0.1);
}

TEST_CASE("truncated or invalid bodies are errors, not empty pages", "[graph][json]") {
  for (const char* body :
       {"", "{\"data\":[{\"id\":\"1\"}", "{\"data\":[]} trailing", "<html>", "{\"a\":\"\xff\"}"}) {
    std::string err;
    CHECK(parseJsonBody(body, err) == nullptr);
    CHECK_FALSE(err.empty());
  }
}

TEST_CASE("deep nesting does not overflow the stack", "[graph][json]") {
  std::string deep(1000000, '[');
  std::string err;
  CHECK(parseJsonBody(deep, err) == nullptr);
  std::string ok = std::string(100000, '[') + std::string(100000, ']');
  CHECK(parseJsonBody(ok, err) != nullptr);
}
