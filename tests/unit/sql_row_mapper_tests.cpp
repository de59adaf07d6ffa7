// Graph JSON -> rows (sql/vtab/row_mapper.cpp), time conversions (sql/vtab/timeparse.cpp) and SQLite
// comparison rules (sql/vtab/compare.cpp).
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/vtab/compare.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/timeparse.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

namespace {

const schema::Table& table(const char* name) {
  return *schema::findTable(name);
}

rapidjson::Document parse(const char* json) {
  rapidjson::Document d;
  d.Parse(json);
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

const Value& at(const Row& row, const char* t, const char* column) {
  return row.at(static_cast<size_t>(schema::columnIndex(table(t), column)));
}

}  // namespace

TEST_CASE("ISO timestamps with any offset become UTC canonical text", "[sql][time]") {
  CHECK(parseGraphTimestamp("2024-05-01T12:00:00+0000") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T14:00:00+0200") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T14:00:00+02:00") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T07:30:00-04:30") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T12:00:00Z") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T12:00:00.123Z") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T12:00:00") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01T14:00:00+02") == 1714564800);
  CHECK(parseGraphTimestamp("2024-05-01") == 1714521600);
  CHECK_FALSE(parseGraphTimestamp("2024-05-01T12:00"));
  CHECK_FALSE(parseGraphTimestamp("2024-02-30T12:00:00+0000"));
  CHECK_FALSE(parseGraphTimestamp("2024-05-01T12:00:00+0000x"));
  CHECK_FALSE(parseGraphTimestamp("yesterday"));
  CHECK(formatTimestamp(1714564800) == "2024-05-01 12:00:00");
  CHECK(formatTimestamp(0) == "1970-01-01 00:00:00");
  CHECK(formatTimestamp(-1) == "1969-12-31 23:59:59");
  CHECK(formatTimestamp(951782400) == "2000-02-29 00:00:00");
  CHECK(formatDate(1714564800) == "2024-05-01");
}

TEST_CASE("only canonical text narrows a request", "[sql][time]") {
  CHECK(parseCanonical("2024-01-01") == 1704067200);
  CHECK(parseCanonical("2024-02-01") == 1706745600);
  CHECK(parseCanonical("2024-01-01 00:00:01") == 1704067201);
  CHECK_FALSE(parseCanonical("2024-01-01T00:00:00"));
  CHECK_FALSE(parseCanonical("2024-01-01 00:00"));
  CHECK_FALSE(parseCanonical("2024-01-01 "));
  CHECK_FALSE(parseCanonical("2023-02-29"));
  CHECK_FALSE(parseCanonical("20240101"));
}

TEST_CASE("a media object maps to the Media columns", "[sql][mapper]") {
  auto doc =
      parse(R"({"id":"17895695668004550","caption":"Sunday roast #coffee","media_type":"CAROUSEL_ALBUM",
    "timestamp":"2024-05-01T12:00:00+0000","like_count":231,"is_comment_enabled":true,"is_shared_to_feed":false,
    "ig_id":3334445556667778889,"alt_text":null,"owner":{"id":"17841405822304914"}})");
  Row row;
  MapContext ctx;
  ctx.pathId = "17841405822304914";
  ctx.options = {true, "2026-05-01"};
  mapRow(table("Media"), doc, ~uint64_t(0), ctx, row);
  REQUIRE(row.size() == table("Media").columns.size());
  CHECK(at(row, "Media", "Id") == Value::text("17895695668004550"));
  CHECK(at(row, "Media", "AccountId") == Value::text("17841405822304914"));
  CHECK(at(row, "Media", "Caption") == Value::text("Sunday roast #coffee"));
  CHECK(at(row, "Media", "Timestamp") == Value::text("2024-05-01 12:00:00"));
  CHECK(at(row, "Media", "LikeCount") == Value::integer(231));
  CHECK(at(row, "Media", "IsCommentEnabled") == Value::integer(1));
  CHECK(at(row, "Media", "IsSharedToFeed") == Value::integer(0));
  CHECK(at(row, "Media", "IgId") == Value::text("3334445556667778889"));  // exact, never via double
  CHECK(at(row, "Media", "AltText").isNull());                            // JSON null
  CHECK(at(row, "Media", "CommentsCount").isNull());                      // absent: NULL, never 0
  CHECK(at(row, "Media", "MediaUrl").isNull());
}

TEST_CASE("columns outside colUsed or unavailable stay NULL", "[sql][mapper]") {
  auto doc = parse(R"({"id":"1","caption":"x","shares_count":5})");
  Row row;
  MapContext ctx;
  ctx.options = {false, "2026-05-01"};  // Instagram Login: shares_count is not ours to show
  uint64_t colUsed = 1;                 // Id only... plus SharesCount
  colUsed |= uint64_t(1) << schema::columnIndex(table("Media"), "SharesCount");
  mapRow(table("Media"), doc, colUsed, ctx, row);
  CHECK(at(row, "Media", "Id") == Value::text("1"));
  CHECK(at(row, "Media", "Caption").isNull());
  CHECK(at(row, "Media", "SharesCount").isNull());
}

TEST_CASE("page objects: arrays joined, nested ids followed", "[sql][mapper]") {
  auto doc =
      parse(R"({"id":"104857600012345","name":"Acme Coffee","tasks":["ANALYZE","CREATE_CONTENT","MANAGE"],
    "instagram_business_account":{"id":"17841405822304914"}})");
  Row row;
  mapRow(table("Pages"), doc, ~uint64_t(0), MapContext{}, row);
  CHECK(at(row, "Pages", "Tasks") == Value::text("ANALYZE,CREATE_CONTENT,MANAGE"));
  CHECK(at(row, "Pages", "AccountId") == Value::text("17841405822304914"));
  CHECK(at(row, "Pages", "ConnectedAccountId").isNull());
  CHECK(at(row, "Pages", "Category").isNull());
}

TEST_CASE("children take parent, path and position from the context", "[sql][mapper]") {
  auto doc =
      parse(R"({"id":"17880997618081620","media_type":"IMAGE","timestamp":"2024-05-01T12:00:00+00:00"})");
  Row row;
  MapContext ctx;
  ctx.pathId = "17841405822304914";
  ctx.parentId = "17895695668004550";
  ctx.derived = 2;
  mapRow(table("MediaChildren"), doc, ~uint64_t(0), ctx, row);
  CHECK(at(row, "MediaChildren", "MediaId") == Value::text("17895695668004550"));
  CHECK(at(row, "MediaChildren", "AccountId") == Value::text("17841405822304914"));
  CHECK(at(row, "MediaChildren", "Position") == Value::integer(2));
  CHECK(at(row, "MediaChildren", "Timestamp") == Value::text("2024-05-01 12:00:00"));
}

TEST_CASE("value conversions per declared type", "[sql][mapper]") {
  auto doc =
      parse(R"({"n":"42","f":1.5,"big":18446744073709551615,"t":0,"b":"true","s":"not a time","o":{"a":1}})");
  using T = schema::SqlType;
  CHECK(jsonToValue(findPath(doc, "n"), T::BigInt, false) == Value::integer(42));
  CHECK(jsonToValue(findPath(doc, "f"), T::Double, false) == Value::real(1.5));
  CHECK(jsonToValue(findPath(doc, "f"), T::Varchar, false) == Value::text("1.5"));
  CHECK(jsonToValue(findPath(doc, "big"), T::Varchar, false) == Value::text("18446744073709551615"));
  CHECK(jsonToValue(findPath(doc, "t"), T::Timestamp, false).isNull());  // Unix 0 = never
  CHECK(jsonToValue(findPath(doc, "b"), T::Bit, false) == Value::integer(1));
  CHECK(jsonToValue(findPath(doc, "s"), T::Timestamp, false) == Value::text("not a time"));
  CHECK(jsonToValue(findPath(doc, "o"), T::Varchar, false) == Value::text("{\"a\":1}"));
  CHECK(findPath(doc, "o.a") != nullptr);
  CHECK(findPath(doc, "o.b") == nullptr);
  CHECK(findPath(doc, "n.x") == nullptr);  // not an object: no crash
  CHECK(jsonToValue(nullptr, T::Varchar, false).isNull());
}

TEST_CASE("comparisons follow SQLite's affinity and type order", "[sql][compare]") {
  CHECK(affinityOf(schema::SqlType::Varchar) == Affinity::Text);
  CHECK(affinityOf(schema::SqlType::Timestamp) == Affinity::Numeric);
  CHECK(withAffinity(Value::integer(12), Affinity::Text) == Value::text("12"));
  CHECK(withAffinity(Value::real(1), Affinity::Text) == Value::text("1.0"));
  CHECK(withAffinity(Value::real(1e20), Affinity::Text) == Value::text("1.0e+20"));
  CHECK(withAffinity(Value::text(" 12 "), Affinity::Numeric) == Value::integer(12));
  CHECK(withAffinity(Value::text("1.5e1"), Affinity::Numeric) == Value::real(15));
  CHECK(withAffinity(Value::text("2024-05-01"), Affinity::Numeric) == Value::text("2024-05-01"));
  CHECK(compareValues(Value::integer(1), Value::real(1.0), false) == 0);
  CHECK(compareValues(Value::integer(99), Value::text("1"), false) < 0);
  CHECK(compareValues(Value::null(), Value::integer(0), false) < 0);
  CHECK(compareValues(Value::text("ab"), Value::text("AB"), true) == 0);
  CHECK(compareValues(Value::text("ab"), Value::text("AB"), false) > 0);
  CHECK(compareValues(Value::text("a"), Value::text("ab"), false) < 0);
  CHECK_FALSE(satisfies(Value::null(), Op::Eq, Value::null(), Affinity::Text, false));
  CHECK(satisfies(Value::text("12"), Op::Eq, Value::integer(12), Affinity::Text, false));
  CHECK(satisfies(Value::text("12"), Op::Eq, Value::integer(12), Affinity::Numeric, false));
  CHECK_FALSE(satisfies(Value::text("012"), Op::Eq, Value::integer(12), Affinity::Text, false));
}

TEST_CASE("rowids name rows across scans", "[sql][mapper]") {
  auto doc = parse(R"({"id":"17895695668004550","caption":"x"})");
  Row row;
  mapRow(table("Media"), doc, 0, MapContext{}, row);  // COUNT(*): the key is still mapped
  CHECK(at(row, "Media", "Id") == Value::text("17895695668004550"));
  CHECK(rowidOf(table("Media"), row) == 17895695668004550);
  Row other = row;
  other[0] = Value::text("not-numeric");
  int64_t h = rowidOf(table("Media"), other);
  CHECK(h >= 0);
  CHECK(h == rowidOf(table("Media"), other));
  other[0] = Value::text("not-numeriC");
  CHECK(h != rowidOf(table("Media"), other));
  Row seq(table("sys_requests").columns.size());
  seq[0] = Value::integer(7);
  CHECK(rowidOf(table("sys_requests"), seq) == 7);
}
