// Numbers as SQL_C_CHAR text (driver/convert/number_text.h): the shortest round-trip digits laid out as the
// driver always spelled them, checked against the printf/strtod reference it replaced, and the character
// conversions that use them: 22003 and 01004 for small buffers, NaN, infinities, negative zero, extremes.
#include <catch2/catch.hpp>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "driver/convert/convert.h"
#include "driver/convert/number_text.h"
#include "driver/convert/out_string.h"

using namespace igodbc::driver;
using igodbc::sql::ValueType;

namespace {

// What formatDouble was before number_text.h: the smallest %.15g..%.17g that reads back to the value. The
// same text for every normal double; a subnormal one (below DBL_MIN, where a double holds fewer than 15
// digits) now gets its shortest digits instead of 15 (5e-324, not 4.94065645841247e-324): both read back.
std::string reference(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string text(double v) {
  char buf[kNumberTextMax];
  return std::string(buf, formatDoubleTo(v, buf));
}

std::string text(int64_t v) {
  char buf[kNumberTextMax];
  return std::string(buf, formatInt64To(v, buf));
}

bool readsBack(double v) {
  const std::string t = text(v);
  return std::strtod(t.c_str(), nullptr) == v &&
         std::signbit(std::strtod(t.c_str(), nullptr)) == std::signbit(v);
}

Cell integer(int64_t v) {
  return Cell{ValueType::Integer, v, 0, {}};
}
Cell real(double v) {
  return Cell{ValueType::Real, 0, v, {}};
}

// A value converted to SQL_C_CHAR into a buffer of `size` bytes, the way SQLBindCol/SQLGetData do it:
// "22003" when the whole digits do not fit, "01004" when the text was cut, else "ok"; `out` gets the buffer.
std::string intoBuffer(const Cell& c, SQLSMALLINT sqlType, size_t size, std::string& out,
                       SQLLEN* length = nullptr) {
  NumberText number;
  std::string spill;
  char buf[64];
  std::memset(buf, 'x', sizeof buf);
  try {
    const std::string_view encoded = encodeVariableInto(c, SQL_C_CHAR, number, spill);
    requireWholeDigitsFit(number, c, sqlType, SQL_C_CHAR, static_cast<SQLLEN>(size));
    if (length) *length = static_cast<SQLLEN>(encoded.size());
    const ChunkResult r = writeChunk(encoded, Encoding::Utf8, buf, size);
    out.assign(buf, size > 0 ? std::strlen(buf) : 0);
    return r.truncated ? "01004" : "ok";
  } catch (const ConvertError& e) {
    return e.sqlstate;
  }
}

}  // namespace

TEST_CASE("doubles as text: the spellings the driver always had", "[driver][convert][number_text]") {
  CHECK(text(0.0) == "0");
  CHECK(text(-0.0) == "-0");  // negative zero keeps its sign and reads back as -0.0
  CHECK(text(1.0) == "1");
  CHECK(text(-2.5) == "-2.5");
  CHECK(text(0.1) == "0.1");
  CHECK(text(0.1 + 0.2) == "0.30000000000000004");
  CHECK(text(1.0 / 3) == "0.3333333333333333");
  CHECK(text(100.0) == "100");
  CHECK(text(1e6) == "1000000");  // fixed below 15 digits, never 1e+06
  CHECK(text(123456789012345.0) == "123456789012345");
  CHECK(text(1e15) == "1e+15");
  CHECK(text(1234567890123456.0) == "1234567890123456");  // 16 significant digits: fixed up to 10^15
  CHECK(text(12345678901234567.0) == "12345678901234568");
  CHECK(text(1e16) == "1e+16");
  CHECK(text(0.0001) == "0.0001");
  CHECK(text(0.00012345) == "0.00012345");
  CHECK(text(0.00001) == "1e-05");  // two exponent digits at least, as printf
  CHECK(text(1e300) == "1e+300");
  CHECK(text(-1.5e-300) == "-1.5e-300");
  CHECK(text(DBL_MAX) == "1.7976931348623157e+308");
  CHECK(text(-DBL_MAX) == "-1.7976931348623157e+308");
  CHECK(text(DBL_MIN) == "2.2250738585072014e-308");
  CHECK(text(std::numeric_limits<double>::denorm_min()) == "5e-324");
  CHECK(reference(std::numeric_limits<double>::denorm_min()) == "4.94065645841247e-324");
  CHECK(readsBack(std::numeric_limits<double>::denorm_min()));
  CHECK(text(-1e-310) == "-1e-310");
  CHECK(readsBack(-1e-310));
  CHECK(text(std::nan("")) == "NaN");
  CHECK(text(-std::nan("")) == "NaN");
  CHECK(text(HUGE_VAL) == "Inf");
  CHECK(text(-HUGE_VAL) == "-Inf");
  CHECK(formatDouble(9007199254740993.0) == "9007199254740992");
  for (double v : {0.0, -0.0, 0.1, 1e15, 1e16, 1e-5, 1e-4, DBL_MAX, DBL_MIN, 9007199254740993.0})
    CHECK(text(v) == reference(v));
}

TEST_CASE("doubles as text: equal to the printf reference and reading back, over many values",
          "[driver][convert][number_text]") {
  std::mt19937_64 rng(20240611);
  std::uniform_int_distribution<uint64_t> bits;
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::uniform_int_distribution<int64_t> mantissa(-999999999999, 999999999999);
  int mismatches = 0, unreadable = 0;
  for (int k = 0; k < 200000; ++k) {
    double v;
    if (k % 4 == 0) {  // any bit pattern: every exponent, subnormals, NaN and infinities
      const uint64_t b = bits(rng);
      std::memcpy(&v, &b, sizeof v);
    } else if (k % 4 == 1) {  // decimal-looking values as an application stores them
      v = static_cast<double>(mantissa(rng)) * std::pow(10.0, exponent(rng));
    } else if (k % 4 == 2) {  // powers of ten and their neighbours, where the layout switches
      v = std::pow(10.0, exponent(rng) % 20);
      v = k % 3 == 0 ? std::nextafter(v, 0.0) : k % 3 == 1 ? std::nextafter(v, HUGE_VAL) : v;
    } else {  // integers near 2^53 and money-like values
      v = static_cast<double>(mantissa(rng) % 100000000) / 100.0 + (k % 5 == 0 ? 9007199254740000.0 : 0);
    }
    const bool subnormal = v != 0 && std::fabs(v) < DBL_MIN;
    if (subnormal ? text(v).size() > reference(v).size() : text(v) != reference(v)) {
      if (++mismatches < 5) FAIL_CHECK(text(v) << " != " << reference(v));
    }
    if (!std::isnan(v) && !std::isinf(v) && !readsBack(v)) ++unreadable;
  }
  CHECK(mismatches == 0);
  CHECK(unreadable == 0);
}

TEST_CASE("integers as text, int64 extremes included", "[driver][convert][number_text]") {
  CHECK(text(int64_t{0}) == "0");
  CHECK(text(int64_t{-7}) == "-7");
  CHECK(text(std::numeric_limits<int64_t>::max()) == "9223372036854775807");
  CHECK(text(std::numeric_limits<int64_t>::min()) == "-9223372036854775808");
  CHECK(encodeVariable(integer(std::numeric_limits<int64_t>::min()), SQL_BIGINT, SQL_C_CHAR) ==
        "-9223372036854775808");
  std::string w = encodeVariable(integer(std::numeric_limits<int64_t>::max()), SQL_BIGINT, SQL_C_WCHAR);
  CHECK(w.size() == 38);  // 19 UTF-16 units
}

TEST_CASE("numbers into character buffers: fits, 01004 for cut fractions, 22003 for cut whole digits",
          "[driver][convert][number_text]") {
  std::string out;
  SQLLEN length = 0;
  CHECK(intoBuffer(integer(std::numeric_limits<int64_t>::min()), SQL_BIGINT, 21, out, &length) == "ok");
  CHECK(out == "-9223372036854775808");
  CHECK(length == 20);
  CHECK(intoBuffer(integer(std::numeric_limits<int64_t>::min()), SQL_BIGINT, 20, out) == "22003");
  CHECK(intoBuffer(integer(std::numeric_limits<int64_t>::max()), SQL_BIGINT, 20, out) == "ok");
  CHECK(intoBuffer(integer(std::numeric_limits<int64_t>::max()), SQL_BIGINT, 19, out) == "22003");
  // A fraction may be cut (01004, the full length still reported); the whole part may not.
  CHECK(intoBuffer(real(0.1 + 0.2), SQL_DOUBLE, 6, out, &length) == "01004");
  CHECK(out == "0.300");
  CHECK(length == 19);
  CHECK(intoBuffer(real(-123.456), SQL_DOUBLE, 5, out) == "01004");
  CHECK(out == "-123");
  CHECK(intoBuffer(real(-123.456), SQL_DOUBLE, 4, out) == "22003");
  // Exponent forms, NaN and infinities have no fraction to give up: they fit whole or fail.
  CHECK(intoBuffer(real(1e-300), SQL_DOUBLE, 7, out) == "ok");
  CHECK(out == "1e-300");
  CHECK(intoBuffer(real(1e-300), SQL_DOUBLE, 6, out) == "22003");
  CHECK(intoBuffer(real(DBL_MAX), SQL_DOUBLE, 24, out) == "ok");
  CHECK(intoBuffer(real(DBL_MAX), SQL_DOUBLE, 23, out) == "22003");
  CHECK(intoBuffer(real(std::nan("")), SQL_DOUBLE, 4, out) == "ok");
  CHECK(out == "NaN");
  CHECK(intoBuffer(real(std::nan("")), SQL_DOUBLE, 3, out) == "22003");
  CHECK(intoBuffer(real(-HUGE_VAL), SQL_DOUBLE, 5, out) == "ok");
  CHECK(out == "-Inf");
  CHECK(intoBuffer(real(-0.0), SQL_DOUBLE, 3, out) == "ok");
  CHECK(out == "-0");
  CHECK(intoBuffer(real(-0.0), SQL_DOUBLE, 2, out) == "22003");
  // A length-only request (no buffer) passes; a number in a text column is character data (01004).
  CHECK(intoBuffer(real(123.456), SQL_DOUBLE, 0, out, &length) == "01004");
  CHECK(length == 7);
  CHECK(intoBuffer(integer(12345), SQL_VARCHAR, 3, out) == "01004");
  CHECK(out == "12");
}

TEST_CASE("encodeVariableInto formats once and views what it can", "[driver][convert][number_text]") {
  NumberText number;
  std::string spill;
  const Cell t{ValueType::Text, 0, 0, "2025-01-02 03:04:05"};
  std::string_view v = encodeVariableInto(t, SQL_C_CHAR, number, spill);
  CHECK(v == "2025-01-02 03:04:05");
  CHECK(v.data() == t.bytes.data());  // text is not copied
  CHECK(number.size == 0);
  const Cell r = real(2.5);
  v = encodeVariableInto(r, SQL_C_CHAR, number, spill);
  CHECK(v == "2.5");
  CHECK(number.view() == "2.5");
  v = encodeVariableInto(r, SQL_C_WCHAR, number, spill);
  CHECK(v.size() == 6);
  CHECK(number.view() == "2.5");  // what the 22003 rule checks for wide buffers
  v = encodeVariableInto(r, SQL_C_BINARY, number, spill);
  CHECK(v.size() == sizeof(double));
  CHECK(number.size == 0);
  const Cell b{ValueType::Blob, 0, 0, std::string_view("\x00\xff", 2)};
  CHECK(encodeVariableInto(b, SQL_C_CHAR, number, spill) == "00FF");
  CHECK(maxLengthKeep("abcdef", SQL_VARCHAR, SQL_C_CHAR, 4) == 4);
  CHECK(maxLengthKeep("123456", SQL_INTEGER, SQL_C_CHAR, 2) == 6);
}
