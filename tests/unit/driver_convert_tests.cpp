// Value -> C type conversions and chunked SQLGetData, without any handle.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "driver/convert/convert.h"
#include "driver/convert/unicode.h"

using namespace igodbc::driver;
using igodbc::sql::ValueType;

namespace {

Cell integer(int64_t v) {
  return Cell{ValueType::Integer, v, 0, {}};
}
Cell real(double v) {
  return Cell{ValueType::Real, 0, v, {}};
}
Cell text(std::string_view v) {
  return Cell{ValueType::Text, 0, 0, v};
}
Cell blob(std::string_view v) {
  return Cell{ValueType::Blob, 0, 0, v};
}

template <class T>
std::pair<T, const char*> fixed(const Cell& c, SQLSMALLINT cType, SQLSMALLINT sqlType = SQL_BIGINT) {
  T out{};
  const char* w = convertFixed(c, sqlType, resolveCType(cType, sqlType), &out);
  return {out, w};
}

std::string stateOf(const Cell& c, SQLSMALLINT cType) {
  alignas(16) char buf[64];
  try {
    convertFixed(c, SQL_VARCHAR, resolveCType(cType, SQL_VARCHAR), buf);
  } catch (const ConvertError& e) {
    return e.sqlstate;
  }
  return "ok";
}

}  // namespace

TEST_CASE("integers: range checks and fractional truncation", "[driver][convert]") {
  CHECK(fixed<int32_t>(integer(42), SQL_C_SLONG).first == 42);
  CHECK(fixed<int32_t>(integer(42), SQL_C_LONG).first == 42);
  CHECK(fixed<int64_t>(integer(INT64_MIN), SQL_C_SBIGINT).first == INT64_MIN);
  CHECK(fixed<uint64_t>(text("18446744073709551615"), SQL_C_UBIGINT).first == UINT64_MAX);
  CHECK(fixed<int16_t>(text(" -7 "), SQL_C_SSHORT).first == -7);
  CHECK(fixed<uint8_t>(integer(255), SQL_C_UTINYINT).first == 255);

  auto [v, w] = fixed<int32_t>(real(2.75), SQL_C_SLONG);
  CHECK(v == 2);
  CHECK(std::string(w) == "01S07");
  auto [v2, w2] = fixed<int32_t>(text("-3.5"), SQL_C_SLONG);
  CHECK(v2 == -3);
  CHECK(std::string(w2) == "01S07");
  CHECK(fixed<int32_t>(text("1e3"), SQL_C_SLONG).first == 1000);

  CHECK(stateOf(integer(int64_t{1} << 31), SQL_C_SLONG) == "22003");
  CHECK(stateOf(integer(-1), SQL_C_ULONG) == "22003");
  CHECK(stateOf(integer(256), SQL_C_UTINYINT) == "22003");
  CHECK(stateOf(integer(-129), SQL_C_STINYINT) == "22003");
  CHECK(stateOf(real(9.3e18), SQL_C_SBIGINT) == "22003");
  CHECK(stateOf(real(9223372036854775808.0), SQL_C_SBIGINT) == "22003");
  CHECK(stateOf(text("99999999999999999999999"), SQL_C_SBIGINT) == "22003");
  CHECK(stateOf(text("12abc"), SQL_C_SLONG) == "22018");
  CHECK(stateOf(text(""), SQL_C_SLONG) == "22018");
  CHECK(stateOf(text("0x10"), SQL_C_SLONG) == "22018");
  CHECK(stateOf(blob("\x01"), SQL_C_SLONG) == "07006");
}

TEST_CASE("doubles and bits", "[driver][convert]") {
  CHECK(fixed<double>(integer(3), SQL_C_DOUBLE).first == 3.0);
  CHECK(fixed<double>(text("2.5"), SQL_C_DOUBLE).first == 2.5);
  CHECK(fixed<float>(real(1.5), SQL_C_FLOAT).first == 1.5f);
  CHECK(stateOf(real(1e300), SQL_C_FLOAT) == "22003");
  CHECK(stateOf(text("nope"), SQL_C_DOUBLE) == "22018");
  CHECK(stateOf(text("1e999"), SQL_C_DOUBLE) == "22003");

  CHECK(fixed<unsigned char>(integer(1), SQL_C_BIT).first == 1);
  CHECK(fixed<unsigned char>(text("0"), SQL_C_BIT).first == 0);
  auto [b, w] = fixed<unsigned char>(real(1.5), SQL_C_BIT);
  CHECK(b == 1);
  CHECK(std::string(w) == "01S07");
  CHECK(stateOf(integer(2), SQL_C_BIT) == "22003");
  CHECK(stateOf(real(-0.5), SQL_C_BIT) == "22003");
}

TEST_CASE("dates and timestamps from canonical text", "[driver][convert]") {
  auto [ts, w] = fixed<SQL_TIMESTAMP_STRUCT>(text("2024-05-01 12:34:56"), SQL_C_TYPE_TIMESTAMP);
  CHECK(w == nullptr);
  CHECK(ts.year == 2024);
  CHECK(ts.month == 5);
  CHECK(ts.day == 1);
  CHECK(ts.hour == 12);
  CHECK(ts.minute == 34);
  CHECK(ts.second == 56);
  CHECK(ts.fraction == 0);
  CHECK(fixed<SQL_TIMESTAMP_STRUCT>(text("2024-05-01T12:00:00.25Z"), SQL_C_TIMESTAMP).first.fraction ==
        250000000);
  CHECK(fixed<SQL_TIMESTAMP_STRUCT>(text("2024-05-01"), SQL_C_TYPE_TIMESTAMP).first.hour == 0);

  auto [d, dw] = fixed<SQL_DATE_STRUCT>(text("2024-05-01 12:00:00"), SQL_C_TYPE_DATE);
  CHECK(d.day == 1);
  CHECK(std::string(dw) == "01S07");  // the time of day was dropped
  CHECK(fixed<SQL_DATE_STRUCT>(text("2024-02-29"), SQL_C_DATE).second == nullptr);
  auto [t, tw] = fixed<SQL_TIME_STRUCT>(text("2024-05-01 07:08:09"), SQL_C_TYPE_TIME);
  CHECK(t.hour == 7);
  CHECK(t.second == 9);
  CHECK(tw == nullptr);

  CHECK(stateOf(text("2023-02-29"), SQL_C_TYPE_DATE) == "22018");
  CHECK(stateOf(text("yesterday"), SQL_C_TYPE_TIMESTAMP) == "22018");
  CHECK(stateOf(integer(20240501), SQL_C_TYPE_DATE) == "07006");
}

TEST_CASE("C type resolution", "[driver][convert]") {
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_WVARCHAR) == SQL_C_WCHAR);
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_VARCHAR) == SQL_C_CHAR);
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_BIGINT) == SQL_C_SBIGINT);
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_INTEGER) == SQL_C_SLONG);
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_TYPE_TIMESTAMP) == SQL_C_TYPE_TIMESTAMP);
  CHECK(resolveCType(SQL_C_DEFAULT, SQL_BIT) == SQL_C_BIT);
  CHECK(resolveCType(SQL_C_TIMESTAMP, SQL_VARCHAR) == SQL_C_TYPE_TIMESTAMP);
  CHECK_THROWS_AS(resolveCType(12345, SQL_VARCHAR), ConvertError);
  CHECK(stateOf(integer(1), SQL_C_GUID) == "07006");
}

TEST_CASE("variable-length encodings", "[driver][convert]") {
  CHECK(encodeVariable(integer(-12), SQL_BIGINT, SQL_C_CHAR) == "-12");
  CHECK(encodeVariable(real(0.1), SQL_DOUBLE, SQL_C_CHAR) == "0.1");
  CHECK(encodeVariable(real(1.0 / 3), SQL_DOUBLE, SQL_C_CHAR) == "0.3333333333333333");
  CHECK(encodeVariable(real(2.0), SQL_DOUBLE, SQL_C_CHAR) == "2");
  CHECK(encodeVariable(blob(std::string_view("\x01\xAB", 2)), SQL_VARBINARY, SQL_C_CHAR) == "01AB");
  CHECK(encodeVariable(text("é"), SQL_WVARCHAR, SQL_C_BINARY) == "é");
  std::string w = encodeVariable(text("a😀"), SQL_WVARCHAR, SQL_C_WCHAR);
  CHECK(w.size() == 6);
  CHECK(formatDouble(1e300) == "1e+300");
  CHECK(formatDouble(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("chunked character data: remaining lengths, terminators, no split characters",
          "[driver][convert]") {
  PartialValue pv;
  pv.cType = SQL_C_CHAR;
  pv.encoded = "ab😀cd";  // 2 + 4 + 2 = 8 bytes
  char buf[5];
  Chunk c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(c.indicator == 8);
  CHECK(std::string(buf) == "ab");  // the emoji does not fit in the 2 bytes left
  c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(c.indicator == 6);
  CHECK(std::string(buf) == "😀");
  c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Complete);
  CHECK(c.indicator == 2);
  CHECK(std::string(buf) == "cd");
  CHECK(nextChunk(pv, buf, sizeof buf).status == ChunkStatus::NoData);
}

TEST_CASE("chunked wide data keeps surrogate pairs whole", "[driver][convert]") {
  PartialValue pv;
  pv.cType = SQL_C_WCHAR;
  pv.encoded = encodeVariable(text("x😀y"), SQL_WVARCHAR, SQL_C_WCHAR);  // 4 units, 8 bytes
  SQLWCHAR buf[3];                                                      // 2 units of data + terminator
  Chunk c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(c.indicator == 8);
  CHECK(buf[0] == u'x');
  CHECK(buf[1] == 0);
  c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(c.indicator == 6);
  CHECK(utf16ToUtf8(buf, 2) == "😀");
  CHECK(buf[2] == 0);
  c = nextChunk(pv, buf, sizeof buf);
  CHECK(c.status == ChunkStatus::Complete);
  CHECK(c.indicator == 2);
  CHECK(buf[0] == u'y');
  CHECK(nextChunk(pv, buf, sizeof buf).status == ChunkStatus::NoData);

  PartialValue odd;  // an odd byte count is floored to whole units
  odd.cType = SQL_C_WCHAR;
  odd.encoded = encodeVariable(text("abc"), SQL_WVARCHAR, SQL_C_WCHAR);
  SQLWCHAR obuf[4] = {1, 1, 1, 1};
  c = nextChunk(odd, obuf, 5);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(obuf[0] == u'a');
  CHECK(obuf[1] == 0);
}

TEST_CASE("a buffer too small for one whole character still makes progress", "[driver][convert]") {
  PartialValue wide;
  wide.cType = SQL_C_WCHAR;
  wide.encoded = encodeVariable(text("😀"), SQL_WVARCHAR, SQL_C_WCHAR);  // a surrogate pair
  SQLWCHAR wbuf[2];                                                     // one unit + terminator
  std::u16string got;
  for (int i = 0; i < 4; ++i) {
    Chunk c = nextChunk(wide, wbuf, sizeof wbuf);
    if (c.status == ChunkStatus::NoData) break;
    got += static_cast<char16_t>(wbuf[0]);
  }
  CHECK(got == u"😀");

  PartialValue narrow;
  narrow.cType = SQL_C_CHAR;
  narrow.encoded = encodeVariable(text("😀"), SQL_WVARCHAR, SQL_C_CHAR);  // 4 UTF-8 bytes
  char nbuf[3];                                                          // two bytes + terminator
  std::string bytes;
  for (int i = 0; i < 4; ++i) {
    Chunk c = nextChunk(narrow, nbuf, sizeof nbuf);
    if (c.status == ChunkStatus::NoData) break;
    bytes += nbuf;
  }
  CHECK(bytes == "😀");
}

TEST_CASE("chunked binary data and empty values", "[driver][convert]") {
  PartialValue pv;
  pv.cType = SQL_C_BINARY;
  pv.encoded = std::string("\x00\x01\x02\x03\x04", 5);
  unsigned char buf[2];
  CHECK(nextChunk(pv, buf, 2).indicator == 5);
  CHECK(nextChunk(pv, buf, 2).indicator == 3);
  Chunk last = nextChunk(pv, buf, 2);
  CHECK(last.status == ChunkStatus::Complete);
  CHECK(last.indicator == 1);
  CHECK(buf[0] == 4);

  PartialValue empty;
  empty.cType = SQL_C_CHAR;
  char one[1] = {'x'};
  Chunk c = nextChunk(empty, one, 1);
  CHECK(c.status == ChunkStatus::Complete);
  CHECK(c.indicator == 0);
  CHECK(one[0] == '\0');
  CHECK(nextChunk(empty, one, 1).status == ChunkStatus::NoData);

  PartialValue lengthOnly;  // a zero-sized buffer only reports the length
  lengthOnly.cType = SQL_C_CHAR;
  lengthOnly.encoded = "abc";
  c = nextChunk(lengthOnly, nullptr, 0);
  CHECK(c.status == ChunkStatus::Truncated);
  CHECK(c.indicator == 3);
  CHECK(lengthOnly.offset == 0);
}

TEST_CASE("numbers into too small character buffers: 22003 for whole digits, 01004 for fractions",
          "[driver][convert]") {
  auto state = [](const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT cType, SQLLEN bufferLength) {
    try {
      requireWholeDigitsFit(c, sqlType, cType, bufferLength);
      return std::string("fits");
    } catch (const ConvertError& e) {
      return e.sqlstate;
    }
  };
  // 12345 needs 5 characters and a terminator.
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_CHAR, 6) == "fits");
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_CHAR, 5) == "22003");
  CHECK(state(integer(-5), SQL_BIGINT, SQL_C_CHAR, 2) == "22003");  // the sign counts
  CHECK(state(integer(-5), SQL_BIGINT, SQL_C_CHAR, 3) == "fits");
  CHECK(state(integer(1), SQL_BIT, SQL_C_CHAR, 1) == "22003");
  // 123.456: the whole part fits in "123" + terminator, so only the fraction is cut (01004 later).
  CHECK(state(real(123.456), SQL_DOUBLE, SQL_C_CHAR, 4) == "fits");
  CHECK(state(real(123.456), SQL_DOUBLE, SQL_C_CHAR, 3) == "22003");
  // UTF-16 counts characters of two bytes.
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_WCHAR, 12) == "fits");
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_WCHAR, 10) == "22003");
  // An exponent form cannot be cut anywhere.
  CHECK(state(real(1e300), SQL_DOUBLE, SQL_C_CHAR, 4) == "22003");
  // Length queries, text columns and binary targets are not numeric-to-character conversions.
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_CHAR, 0) == "fits");
  CHECK(state(integer(12345), SQL_VARCHAR, SQL_C_CHAR, 2) == "fits");
  CHECK(state(integer(12345), SQL_INTEGER, SQL_C_BINARY, 2) == "fits");
}

TEST_CASE("SQL_ATTR_MAX_LENGTH cuts character and binary columns at a character boundary",
          "[driver][convert]") {
  auto cut = [](std::string v, SQLSMALLINT sqlType, SQLSMALLINT cType, SQLULEN max) {
    applyMaxLength(v, sqlType, cType, max);
    return v;
  };
  CHECK(cut("abcdef", SQL_VARCHAR, SQL_C_CHAR, 4) == "abcd");
  CHECK(cut("abcdef", SQL_VARCHAR, SQL_C_CHAR, 0) == "abcdef");
  CHECK(cut("ab\xC3\xA9z", SQL_WVARCHAR, SQL_C_CHAR, 3) == "ab");  // é is two bytes: not split
  CHECK(cut("\x01\x02\x03", SQL_VARBINARY, SQL_C_BINARY, 2) == "\x01\x02");
  CHECK(cut("123456", SQL_INTEGER, SQL_C_CHAR, 2) == "123456");  // numbers are not character data
  // UTF-16: whole units, and a surrogate pair stays whole.
  std::u16string wide = u"a\U0001F600b";
  std::string bytes(reinterpret_cast<const char*>(wide.data()), wide.size() * 2);
  CHECK(cut(bytes, SQL_WVARCHAR, SQL_C_WCHAR, 5).size() == 2);
  CHECK(cut(bytes, SQL_WVARCHAR, SQL_C_WCHAR, 6).size() == 6);
}
