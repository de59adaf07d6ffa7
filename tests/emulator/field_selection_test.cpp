#include "server/field_selection.h"

#include <catch2/catch.hpp>

using igemu::parse_fields;
using igemu::serialize_fields;

TEST_CASE("plain field lists parse in order", "[fields]") {
  const auto r = parse_fields("id,caption,media_type");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.fields.size() == 3);
  CHECK(r.fields[0].name == "id");
  CHECK(r.fields[1].name == "caption");
  CHECK(r.fields[2].name == "media_type");
  CHECK_FALSE(r.fields[0].has_subfields);
}

TEST_CASE("expansion with modifiers and nesting", "[fields]") {
  const auto r = parse_fields("a,b{c,d.limit(5){e}},f.limit(3)");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.fields.size() == 3);
  const auto& b = r.fields[1];
  CHECK(b.name == "b");
  REQUIRE(b.has_subfields);
  REQUIRE(b.subfields.size() == 2);
  const auto& d = b.subfields[1];
  CHECK(d.name == "d");
  REQUIRE(d.modifier("limit"));
  CHECK(d.modifier("limit")->argument == "5");
  REQUIRE(d.subfields.size() == 1);
  CHECK(d.subfields[0].name == "e");
  CHECK(r.fields[2].modifier("limit")->argument == "3");
  CHECK_FALSE(r.fields[2].has_subfields);
}

TEST_CASE("chained modifiers keep cursor text verbatim", "[fields]") {
  const auto r = parse_fields("media.limit(10).after(QVFI-_x){id}");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.fields[0].modifiers.size() == 2);
  CHECK(r.fields[0].modifier("after")->argument == "QVFI-_x");
}

TEST_CASE("serialization round-trips", "[fields]") {
  for (const char* text : {"id", "id,caption", "media.limit(10){id,caption,children{id,media_url}}",
                           "a,b{c,d.limit(5){e}},f.limit(3)", "x.after(abc).limit(2){y}"}) {
    const auto r = parse_fields(text);
    REQUIRE_FALSE(r.error);
    CHECK(serialize_fields(r.fields) == text);
  }
}

TEST_CASE("syntax errors report the Graph message and position", "[fields]") {
  struct Case {
    const char* text;
    const char* detail;
    size_t position;
  };
  const Case cases[] = {
      {"id,,name", "Expected name.", 3},
      {"id,", "Expected name.", 3},
      {",id", "Expected name.", 0},
      {"id name", "Expected end of string instead of \" \".", 2},
      {"media{id}x", "Expected end of string instead of \"x\".", 9},
      {"media{id", "Expected \"}\" instead of end of string.", 8},
      {"media{}", "Expected name.", 6},
      {"media{id;x}", "Expected \"}\" instead of \";\".", 8},
      {"media.limit", "Expected \"(\" instead of end of string.", 11},
      {"media.limit(5", "Expected \")\" instead of end of string.", 13},
      {"media.(5)", "Expected name.", 6},
      {"likes.limit(1000){id},comments.limit(1000){id}{from}", "Expected end of string instead of \"{\".",
       46},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto r = parse_fields(c.text);
    REQUIRE(r.error);
    CHECK(r.error->detail == c.detail);
    CHECK(r.error->position == c.position);
    CHECK(r.fields.empty());
  }
}

TEST_CASE("duplicated fields are rejected per level", "[fields]") {
  auto r = parse_fields("id,id");
  REQUIRE(r.error);
  CHECK(r.error->detail == "Field id specified more than once. This is only possible before version 2.1");
  CHECK(r.error->position == 5);

  r = parse_fields("id,last_name,first_name,middle_name,short_name,name,first_name,x");
  REQUIRE(r.error);
  CHECK(r.error->position == 62);  // as in a real Graph error message

  r = parse_fields("id,media{id,caption},caption");  // same name on different levels is fine
  CHECK_FALSE(r.error);
  r = parse_fields("media{id,id}");
  REQUIRE(r.error);
  CHECK(r.error->position == 11);
}

TEST_CASE("nesting depth is bounded", "[fields]") {
  CHECK_FALSE(parse_fields("a{b{c{d{e{f{g{h{i}}}}}}}}").error);  // 8 levels
  const auto r = parse_fields("a{b{c{d{e{f{g{h{i{j}}}}}}}}}");   // 9 levels
  REQUIRE(r.error);
  CHECK(r.error->position == 17);
  // Hostile input: deep nesting must fail cleanly, not blow the stack.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "a{";
  CHECK(parse_fields(deep).error);
}
