#include "server/json.h"

#include <catch2/catch.hpp>

using igemu::json_quote;

TEST_CASE("strings are escaped the way the Graph API sends them", "[json]") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("a/b") == "\"a\\/b\"");
  CHECK(json_quote("q\"b\\") == "\"q\\\"b\\\\\"");
  CHECK(json_quote("l1\nl2\tx\r") == "\"l1\\nl2\\tx\\r\"");
  CHECK(json_quote(std::string("\x01", 1)) == "\"\\u0001\"");
  CHECK(json_quote("caf\u00e9") == "\"caf\\u00e9\"");
  CHECK(json_quote("\u6771\u4eac") == "\"\\u6771\\u4eac\"");
  CHECK(json_quote("\U0001F600") == "\"\\ud83d\\ude00\"");  // non-BMP: surrogate pair
}

TEST_CASE("invalid UTF-8 becomes U+FFFD", "[json]") {
  CHECK(json_quote("\xff") == "\"\\ufffd\"");
  CHECK(json_quote("a\xc3") == "\"a\\ufffd\"");                      // truncated sequence
  CHECK(json_quote("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // encoded surrogate
}

TEST_CASE("writer places commas and keys", "[json]") {
  igemu::JsonWriter w;
  w.begin_object()
      .key("a")
      .integer(1)
      .key("b")
      .begin_array()
      .string("x")
      .boolean(true)
      .raw("null")
      .end_array();
  w.key("c").begin_object().end_object().end_object();
  CHECK(w.str() == "{\"a\":1,\"b\":[\"x\",true,null],\"c\":{}}");
}

TEST_CASE("readable mode keeps UTF-8 and slashes", "[json]") {
  igemu::JsonWriter w(false);
  w.string("/v24.0/caf\u00e9");
  CHECK(w.str() == "\"/v24.0/caf\u00e9\"");
}
