#include "driver/convert/convert.h"

#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "driver/convert/datetime.h"
#include "driver/convert/out_string.h"
#include "driver/convert/unicode.h"

namespace igodbc::driver {

namespace {

using Int = __int128;  // holds every int64 and uint64 value, so range checks are plain comparisons

// A numeric reading of a value: exact integer or double.
struct Number {
  bool exact = true;
  Int i = 0;
  double d = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

[[noreturn]] void invalidText() {
  throw ConvertError("22018", "Invalid character value for cast specification: the text is not a number");
}
[[noreturn]] void outOfRange() {
  throw ConvertError("22003", "Numeric value out of range for the C type");
}
[[noreturn]] void restricted() {
  throw ConvertError("07006",
                     "Restricted data type attribute violation: this value cannot be converted to "
                     "the requested C type");
}

Number parseNumber(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) invalidText();
  Number n;
  size_t p = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  bool allDigits = p < s.size();
  for (size_t k = p; k < s.size(); ++k)
    allDigits = allDigits && std::isdigit(static_cast<unsigned char>(s[k]));
  if (allDigits && s.size() - p <= 38) {
    Int v = 0;
    for (size_t k = p; k < s.size(); ++k) v = v * 10 + (s[k] - '0');
    n.i = s[0] == '-' ? -v : v;
    return n;
  }
  std::string copy(s);
  if (copy.find_first_of("xXpP") != std::string::npos) invalidText();  // no hex floats from strtod
  char* end = nullptr;
  double d = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(d)) invalidText();
  n.exact = false;
  n.d = d;
  return n;
}

Number numberOf(const Cell& c) {
  Number n;
  switch (c.type) {
    case sql::ValueType::Integer:
      n.i = c.i;
      return n;
    case sql::ValueType::Real:
      n.exact = false, n.d = c.d;
      return n;
    case sql::ValueType::Text:
      return parseNumber(c.bytes);
    default:
      restricted();
  }
}

// Integer targets: range check, fraction dropped with 01S07.
const char* toInteger(const Cell& c, Int lo, Int hi, Int& out) {
  Number n = numberOf(c);
  if (n.exact) {
    if (n.i < lo || n.i > hi) outOfRange();
    out = n.i;
    return nullptr;
  }
  if (std::isnan(n.d)) outOfRange();
  double t = std::trunc(n.d);
  if (t < static_cast<double>(lo) || t >= static_cast<double>(hi) + 1.0) outOfRange();
  out = static_cast<Int>(t);
  return t != n.d ? "01S07" : nullptr;
}

template <class T>
const char* storeInteger(const Cell& c, Int lo, Int hi, void* target) {
  Int v = 0;
  const char* w = toInteger(c, lo, hi, v);
  T t = static_cast<T>(v);
  std::memcpy(target, &t, sizeof t);
  return w;
}

double toDouble(const Cell& c) {
  Number n = numberOf(c);
  double d = n.exact ? static_cast<double>(n.i) : n.d;
  if (std::isinf(d) && !(c.type == sql::ValueType::Real)) outOfRange();
  return d;
}

const char* storeBit(const Cell& c, void* target) {
  Number n = numberOf(c);
  unsigned char bit;
  const char* w = nullptr;
  if (n.exact) {
    if (n.i != 0 && n.i != 1) outOfRange();
    bit = static_cast<unsigned char>(n.i);
  } else {
    if (!(n.d >= 0 && n.d < 2)) outOfRange();
    bit = n.d >= 1 ? 1 : 0;
    if (n.d != 0 && n.d != 1) w = "01S07";
  }
  std::memcpy(target, &bit, 1);
  return w;
}

SQL_TIMESTAMP_STRUCT toTimestamp(const Cell& c) {
  if (c.type != sql::ValueType::Text) restricted();
  SQL_TIMESTAMP_STRUCT ts{};
  if (!parseTimestamp(c.bytes, ts, true))
    throw ConvertError("22018",
                       "Invalid character value for cast specification: expected 'YYYY-MM-DD' or "
                       "'YYYY-MM-DD HH:MM:SS'");
  return ts;
}

void hexInto(std::string_view bytes, std::string& out) {
  static const char kDigits[] = "0123456789ABCDEF";
  out.resize(bytes.size() * 2);
  char* o = out.data();
  for (unsigned char b : bytes) {
    *o++ = kDigits[b >> 4];
    *o++ = kDigits[b & 15];
  }
}

// The UTF-8 text of a value (SQL_C_CHAR): a view of the cell's bytes, `number` or `spill`.
std::string_view textInto(const Cell& c, NumberText& number, std::string& spill) {
  switch (c.type) {
    case sql::ValueType::Integer:
      number.size = formatInt64To(c.i, number.buf);
      return number.view();
    case sql::ValueType::Real:
      number.size = formatDoubleTo(c.d, number.buf);
      return number.view();
    case sql::ValueType::Text:
      return c.bytes;
    case sql::ValueType::Blob:
      hexInto(c.bytes, spill);
      return spill;
    default:
      return {};
  }
}

// Whether the numeric -> character rule applies at all (before any formatting).
bool wholeDigitsRuleApplies(const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT t, SQLLEN bufferLength) {
  if (bufferLength <= 0 || (t != SQL_C_CHAR && t != SQL_C_WCHAR)) return false;
  if (c.type != sql::ValueType::Integer && c.type != sql::ValueType::Real) return false;
  switch (sqlType) {
    case SQL_BIT:
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_BIGINT:
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE:
    case SQL_NUMERIC:
    case SQL_DECIMAL:
      return true;
    default:
      return false;
  }
}

void checkWholeDigits(std::string_view text, SQLSMALLINT t, SQLLEN bufferLength) {
  // ASCII: one character is one byte (two in UTF-16). The whole part ends at the point; an exponent form
  // (d.ddde+XX) is whole as a whole.
  const size_t characters = static_cast<size_t>(t == SQL_C_WCHAR ? bufferLength / 2 : bufferLength);
  if (text.size() < characters) return;  // the common case: it all fits
  size_t whole = text.size();
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == 'e' || text[k] == 'E') {
      whole = text.size();
      break;
    }
    if (text[k] == '.' && whole == text.size()) whole = k;
  }
  if (whole >= characters)
    throw ConvertError("22003", "Numeric value out of range: the buffer (" + std::to_string(bufferLength) +
                                    " bytes) cannot hold the whole-number part of " + std::string(text) +
                                    " and its terminator; use a larger buffer");
}

}  // namespace

std::string formatDouble(double v) {
  char buf[kNumberTextMax];
  return std::string(buf, formatDoubleTo(v, buf));
}

SQLSMALLINT defaultCType(SQLSMALLINT sqlType) {
  switch (sqlType) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
      return SQL_C_CHAR;
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
      return SQL_C_WCHAR;
    case SQL_BIGINT:
      return SQL_C_SBIGINT;
    case SQL_INTEGER:
      return SQL_C_SLONG;
    case SQL_SMALLINT:
      return SQL_C_SSHORT;
    case SQL_TINYINT:
      return SQL_C_STINYINT;
    case SQL_DOUBLE:
    case SQL_FLOAT:
      return SQL_C_DOUBLE;
    case SQL_REAL:
      return SQL_C_FLOAT;
    case SQL_BIT:
      return SQL_C_BIT;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP:
      return SQL_C_TYPE_TIMESTAMP;
    case SQL_TYPE_DATE:
    case SQL_DATE:
      return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
    case SQL_TIME:
      return SQL_C_TYPE_TIME;
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
      return SQL_C_BINARY;
    default:
      return SQL_C_CHAR;
  }
}

SQLSMALLINT resolveCType(SQLSMALLINT cType, SQLSMALLINT sqlType) {
  switch (cType) {
    case SQL_C_DEFAULT:
      return defaultCType(sqlType);
    case SQL_C_LONG:
      return SQL_C_SLONG;
    case SQL_C_SHORT:
      return SQL_C_SSHORT;
    case SQL_C_TINYINT:
      return SQL_C_STINYINT;
    case SQL_C_TIMESTAMP:
      return SQL_C_TYPE_TIMESTAMP;
    case SQL_C_DATE:
      return SQL_C_TYPE_DATE;
    case SQL_C_TIME:
      return SQL_C_TYPE_TIME;
    case SQL_C_CHAR:
    case SQL_C_WCHAR:
    case SQL_C_BINARY:
    case SQL_C_SLONG:
    case SQL_C_ULONG:
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
    case SQL_C_DOUBLE:
    case SQL_C_FLOAT:
    case SQL_C_BIT:
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TYPE_DATE:
    case SQL_C_TYPE_TIME:
    case SQL_C_NUMERIC:
    case SQL_C_GUID:
      return cType;
    default:
      if (cType >= SQL_C_INTERVAL_YEAR && cType <= SQL_C_INTERVAL_MINUTE_TO_SECOND) return cType;
      throw ConvertError("HY003", "Invalid application buffer type " + std::to_string(cType));
  }
}

bool isVariableCType(SQLSMALLINT t) {
  return t == SQL_C_CHAR || t == SQL_C_WCHAR || t == SQL_C_BINARY;
}

size_t fixedCTypeSize(SQLSMALLINT t) {
  switch (t) {
    case SQL_C_SLONG:
    case SQL_C_ULONG:
      return 4;
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
      return 2;
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_BIT:
      return 1;
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
    case SQL_C_DOUBLE:
      return 8;
    case SQL_C_FLOAT:
      return 4;
    case SQL_C_TYPE_TIMESTAMP:
      return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_TYPE_DATE:
      return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME:
      return sizeof(SQL_TIME_STRUCT);
    case SQL_C_NUMERIC:
      return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_GUID:
      return sizeof(SQLGUID);
    default:
      if (t >= SQL_C_INTERVAL_YEAR && t <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
        return sizeof(SQL_INTERVAL_STRUCT);
      return 0;
  }
}

const char* convertFixed(const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT t, void* target) {
  (void)sqlType;
  switch (t) {
    case SQL_C_SLONG:
      return storeInteger<int32_t>(c, INT32_MIN, INT32_MAX, target);
    case SQL_C_ULONG:
      return storeInteger<uint32_t>(c, 0, UINT32_MAX, target);
    case SQL_C_SSHORT:
      return storeInteger<int16_t>(c, INT16_MIN, INT16_MAX, target);
    case SQL_C_USHORT:
      return storeInteger<uint16_t>(c, 0, UINT16_MAX, target);
    case SQL_C_STINYINT:
      return storeInteger<int8_t>(c, INT8_MIN, INT8_MAX, target);
    case SQL_C_UTINYINT:
      return storeInteger<uint8_t>(c, 0, UINT8_MAX, target);
    case SQL_C_SBIGINT:
      return storeInteger<int64_t>(c, INT64_MIN, INT64_MAX, target);
    case SQL_C_UBIGINT:
      return storeInteger<uint64_t>(c, 0, static_cast<Int>(UINT64_MAX), target);
    case SQL_C_BIT:
      return storeBit(c, target);
    case SQL_C_DOUBLE: {
      double d = toDouble(c);
      std::memcpy(target, &d, sizeof d);
      return nullptr;
    }
    case SQL_C_FLOAT: {
      double d = toDouble(c);
      if (std::isfinite(d) && std::fabs(d) > FLT_MAX) outOfRange();
      float f = static_cast<float>(d);
      std::memcpy(target, &f, sizeof f);
      return nullptr;
    }
    case SQL_C_TYPE_TIMESTAMP: {
      SQL_TIMESTAMP_STRUCT ts = toTimestamp(c);
      if (ts.year == 0) {  // time only: ODBC fills in today's date
        std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        ts.year = static_cast<SQLSMALLINT>(tm.tm_year + 1900);
        ts.month = static_cast<SQLUSMALLINT>(tm.tm_mon + 1);
        ts.day = static_cast<SQLUSMALLINT>(tm.tm_mday);
      }
      std::memcpy(target, &ts, sizeof ts);
      return nullptr;
    }
    case SQL_C_TYPE_DATE: {
      SQL_TIMESTAMP_STRUCT ts = toTimestamp(c);
      if (ts.year == 0) restricted();
      SQL_DATE_STRUCT d{ts.year, ts.month, ts.day};
      std::memcpy(target, &d, sizeof d);
      return ts.hour || ts.minute || ts.second || ts.fraction ? "01S07" : nullptr;
    }
    case SQL_C_TYPE_TIME: {
      SQL_TIMESTAMP_STRUCT ts = toTimestamp(c);
      SQL_TIME_STRUCT tm{ts.hour, ts.minute, ts.second};
      std::memcpy(target, &tm, sizeof tm);
      return ts.fraction ? "01S07" : nullptr;
    }
    default:
      restricted();
  }
}

std::string_view encodeVariableInto(const Cell& c, SQLSMALLINT t, NumberText& number, std::string& spill) {
  number.size = 0;
  if (t == SQL_C_BINARY) {
    if (c.type == sql::ValueType::Integer)
      return std::string_view(reinterpret_cast<const char*>(&c.i), sizeof c.i);
    if (c.type == sql::ValueType::Real)
      return std::string_view(reinterpret_cast<const char*>(&c.d), sizeof c.d);
    return c.bytes;
  }
  const std::string_view text = textInto(c, number, spill);
  if (t == SQL_C_CHAR) return text;
  std::u16string u = utf8ToUtf16(text);
  spill.assign(reinterpret_cast<const char*>(u.data()), u.size() * 2);
  return spill;
}

std::string encodeVariable(const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT t) {
  (void)sqlType;
  NumberText number;
  std::string spill;
  const std::string_view v = encodeVariableInto(c, t, number, spill);
  if (v.data() == spill.data() && v.size() == spill.size()) return spill;
  return std::string(v);
}

void requireWholeDigitsFit(const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT t, SQLLEN bufferLength) {
  if (!wholeDigitsRuleApplies(c, sqlType, t, bufferLength)) return;
  NumberText number;
  std::string spill;
  checkWholeDigits(textInto(c, number, spill), t, bufferLength);
}

void requireWholeDigitsFit(const NumberText& number, const Cell& c, SQLSMALLINT sqlType, SQLSMALLINT t,
                           SQLLEN bufferLength) {
  if (!wholeDigitsRuleApplies(c, sqlType, t, bufferLength)) return;
  checkWholeDigits(number.view(), t, bufferLength);
}

size_t maxLengthKeep(std::string_view encoded, SQLSMALLINT sqlType, SQLSMALLINT t, SQLULEN maxLength) {
  if (maxLength == 0 || encoded.size() <= maxLength || !isVariableCType(t) ||
      !isCharacterOrBinarySqlType(sqlType))
    return encoded.size();
  size_t keep = static_cast<size_t>(maxLength);
  if (t == SQL_C_CHAR) {
    while (keep > 0 && (static_cast<unsigned char>(encoded[keep]) & 0xC0) == 0x80) --keep;
  } else if (t == SQL_C_WCHAR) {
    keep &= ~static_cast<size_t>(1);
    if (keep >= 2) {
      char16_t last;
      std::memcpy(&last, encoded.data() + keep - 2, 2);
      if (last >= 0xD800 && last <= 0xDBFF) keep -= 2;  // a high surrogate without its pair
    }
  }
  return keep;
}

void applyMaxLength(std::string& encoded, SQLSMALLINT sqlType, SQLSMALLINT t, SQLULEN maxLength) {
  encoded.resize(maxLengthKeep(encoded, sqlType, t, maxLength));
}

Chunk nextChunk(PartialValue& pv, void* buf, SQLLEN bufLen) {
  Chunk out;
  if (pv.finished) {
    out.status = ChunkStatus::NoData;
    return out;
  }
  const Encoding enc = pv.cType == SQL_C_CHAR    ? Encoding::Utf8
                       : pv.cType == SQL_C_WCHAR ? Encoding::Utf16
                                                 : Encoding::Binary;
  std::string_view rest = std::string_view(pv.encoded).substr(pv.offset);
  ChunkResult r = writeChunk(rest, enc, buf, bufLen > 0 ? static_cast<size_t>(bufLen) : 0, true);
  out.indicator = static_cast<SQLLEN>(rest.size());
  if (r.truncated) {
    pv.offset += r.consumed;
    out.status = ChunkStatus::Truncated;
  } else {
    pv.finished = true;
  }
  return out;
}

}  // namespace igodbc::driver
