#include <catch2/catch.hpp>

#include "graph/error_parse.h"
#include "net/json_body.h"

using namespace igodbc::graph;

TEST_CASE("a Graph error body becomes a GraphError with every field", "[graph][errors]") {
  const char* body = R"({"error":{"message":"Invalid OAuth access token - Cannot parse access token",
    "type":"OAuthException","code":190,"error_subcode":467,"is_transient":false,"fbtrace_id":"AbC123"}})";
  GraphError e = graphErrorFromResponse(400, body, {});
  CHECK(e.httpStatus == 400);
  CHECK(e.code == 190);
  CHECK(e.subcode == 467);
  CHECK(e.type == "OAuthException");
  CHECK(e.graphMessage == "Invalid OAuth access token - Cannot parse access token");
  CHECK(e.fbtraceId == "AbC123");
  CHECK_FALSE(e.transient);
  CHECK(std::string(e.what()) ==
        "Graph API error 190/467 (OAuthException): Invalid OAuth access token - Cannot parse access token "
        "(fbtrace_id AbC123)");
}

TEST_CASE("optional error fields may be missing or oddly typed", "[graph][errors]") {
  GraphError e = graphErrorFromResponse(
      403, R"({"error":{"message":"(#4) Application request limit reached","code":"4","is_transient":true}})",
      {});
  CHECK(e.code == 4);
  CHECK(e.subcode == 0);
  CHECK(e.transient);
  CHECK(std::string(e.what()) == "Graph API error 4: (#4) Application request limit reached");

  GraphError bare = graphErrorFromResponse(500, R"({"error":{}})", {});
  CHECK(bare.code == 0);
  CHECK(std::string(bare.what()) == "Graph API error 0: no message");
}

TEST_CASE("publishing errors carry the end-user text", "[graph][errors]") {
  GraphError e =
      graphErrorFromResponse(400, R"({"error":{"message":"Invalid parameter","type":"OAuthException",
    "code":9004,"error_subcode":2207052,"error_user_title":"Media download has failed",
    "error_user_msg":"The media could not be fetched from this URI","fbtrace_id":"X"}})",
                             {});
  CHECK(std::string(e.what()) ==
        "Graph API error 9004/2207052 (OAuthException): Invalid parameter - Media download has failed: The "
        "media "
        "could not be fetched from this URI (fbtrace_id X)");
}

TEST_CASE("secrets echoed in error bodies are scrubbed", "[graph][errors]") {
  GraphError e = graphErrorFromResponse(
      400,
      R"({"error":{"message":"Malformed access token EAAsecret123\nretry","code":190,"fbtrace_id":"t"}})",
      {"EAAsecret123", "", "appsecret"});
  CHECK(std::string(e.what()).find("EAAsecret123") == std::string::npos);
  CHECK(e.graphMessage == "Malformed access token *** retry");
}

TEST_CASE("non-2xx without a Graph error names the HTTP status", "[graph][errors]") {
  for (const char* body : {"", "<html>Bad Gateway</html>", R"({"data":[]})", R"({"error":"nope"})", "[1]"}) {
    GraphError e = graphErrorFromResponse(502, body, {});
    CHECK(e.code == 0);
    CHECK(e.httpStatus == 502);
    CHECK(e.transient);
    CHECK(std::string(e.what()) ==
          "The Graph API answered HTTP 502 (Bad Gateway) without an error description");
  }
  CHECK(std::string(graphErrorFromResponse(418, "", {}).what()) ==
        "The Graph API answered HTTP 418 without an error description");
  CHECK_FALSE(graphErrorFromResponse(404, "", {}).transient);
}

TEST_CASE("graphErrorFromJson finds only a top-level error object", "[graph][errors]") {
  std::string err;
  auto ok = parseJsonBody(R"({"data":[{"error":{"code":1}}]})", err);
  REQUIRE(ok);
  CHECK_FALSE(graphErrorFromJson(200, *ok, {}).has_value());
  auto bad =
      parseJsonBody(R"({"error":{"code":100,"error_subcode":33,"message":"Unsupported get request."}})", err);
  REQUIRE(bad);
  auto e = graphErrorFromJson(200, *bad, {});
  REQUIRE(e.has_value());
  CHECK(e->httpStatus == 200);
  CHECK(e->code == 100);
  CHECK(e->subcode == 33);
}

TEST_CASE("hostile error texts are bounded to one line", "[graph][errors]") {
  std::string body = R"({"error":{"code":1,"message":")" + std::string(100000, 'x') + R"("}})";
  GraphError e = graphErrorFromResponse(500, body, {});
  CHECK(e.graphMessage.size() <= 1003);
  CHECK(std::string(e.what()).size() < 1100);
}
