#include "driver/results/params.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "driver/convert/convert.h"
#include "driver/convert/datetime.h"
#include "driver/convert/unicode.h"
#include "driver/results/binding.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

template <class T>
T read(const void* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool isIntegerSqlType(SQLSMALLINT t) {
  return t == SQL_BIGINT || t == SQL_INTEGER || t == SQL_SMALLINT || t == SQL_TINYINT || t == SQL_BIT;
}
bool isApproxSqlType(SQLSMALLINT t) {
  return t == SQL_DOUBLE || t == SQL_FLOAT || t == SQL_REAL || t == SQL_NUMERIC || t == SQL_DECIMAL;
}

std::string trimmed(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// Text bound to a numeric parameter becomes a number when it reads as one, so `? + 1` and comparisons
// with REAL expressions behave as the application meant; anything else stays text.
void bindText(sql::Statement& st, int n, const std::string& text, SQLSMALLINT sqlType) {
  if (isIntegerSqlType(sqlType) || isApproxSqlType(sqlType)) {
    std::string t = trimmed(text);
    if (!t.empty()) {
      char* end = nullptr;
      errno = 0;
      long long i = std::strtoll(t.c_str(), &end, 10);
      if (*end == '\0' && errno == 0) return st.bindInt64(n, i);
      if (isApproxSqlType(sqlType) && t.find_first_of("xXpP") == std::string::npos) {
        errno = 0;
        double d = std::strtod(t.c_str(), &end);
        if (*end == '\0' && errno == 0) return st.bindDouble(n, d);
      }
    }
  }
  st.bindText(n, text);
}

std::string numericText(const SQL_NUMERIC_STRUCT& num) {
  unsigned __int128 v = 0;
  for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) v = (v << 8) | num.val[i];
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v > 0);
  int scale = num.scale;  // NOLINT(bugprone-signed-char-misuse): SQL_NUMERIC_STRUCT scale is signed
  if (scale > 0) {
    while (static_cast<int>(digits.size()) <= scale) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - scale, '.');
  } else if (scale < 0) {
    digits.append(static_cast<size_t>(-scale), '0');
  }
  return num.sign ? digits : "-" + digits;
}

}  // namespace

bool isDataAtExec(SQLLEN indicator) {
  return indicator == SQL_DATA_AT_EXEC || indicator <= SQL_LEN_DATA_AT_EXEC_OFFSET;
}

void bindValue(sql::Statement& st, int n, SQLSMALLINT cType, SQLSMALLINT sqlType, const void* data,
               SQLLEN length) {
  switch (cType) {
    case SQL_C_CHAR:
      return bindText(st, n, std::string(static_cast<const char*>(data), static_cast<size_t>(length)),
                      sqlType);
    case SQL_C_WCHAR: {
      std::u16string u(static_cast<size_t>(length) / 2, u'\0');
      std::memcpy(u.data(), data, u.size() * 2);
      return bindText(st, n, utf16ToUtf8(u), sqlType);
    }
    case SQL_C_BINARY:
      return st.bindBlob(n, data, static_cast<size_t>(length));
    case SQL_C_SLONG:
      return st.bindInt64(n, read<int32_t>(data));
    case SQL_C_ULONG:
      return st.bindInt64(n, read<uint32_t>(data));
    case SQL_C_SSHORT:
      return st.bindInt64(n, read<int16_t>(data));
    case SQL_C_USHORT:
      return st.bindInt64(n, read<uint16_t>(data));
    case SQL_C_STINYINT:
      return st.bindInt64(n, read<int8_t>(data));
    case SQL_C_UTINYINT:
      return st.bindInt64(n, read<uint8_t>(data));
    case SQL_C_SBIGINT:
      return st.bindInt64(n, read<int64_t>(data));
    case SQL_C_UBIGINT: {
      uint64_t v = read<uint64_t>(data);
      // Beyond int64: text keeps every digit (SQLite integers are signed).
      if (v > static_cast<uint64_t>(INT64_MAX)) return st.bindText(n, std::to_string(v));
      return st.bindInt64(n, static_cast<int64_t>(v));
    }
    case SQL_C_BIT:
      return st.bindInt64(n, read<unsigned char>(data) ? 1 : 0);
    case SQL_C_DOUBLE:
      return st.bindDouble(n, read<double>(data));
    case SQL_C_FLOAT:
      return st.bindDouble(n, read<float>(data));
    case SQL_C_TYPE_DATE: {
      SQL_DATE_STRUCT d = read<SQL_DATE_STRUCT>(data);
      if (!validDate(d.year, d.month, d.day))
        throw ConvertError("22007", "Parameter " + std::to_string(n) + " is not a valid date");
      return st.bindText(n, formatDate(d));
    }
    case SQL_C_TYPE_TIME: {
      SQL_TIME_STRUCT t = read<SQL_TIME_STRUCT>(data);
      if (t.hour > 23 || t.minute > 59 || t.second > 59)
        throw ConvertError("22007", "Parameter " + std::to_string(n) + " is not a valid time");
      return st.bindText(n, formatTime(t));
    }
    case SQL_C_TYPE_TIMESTAMP: {
      SQL_TIMESTAMP_STRUCT ts = read<SQL_TIMESTAMP_STRUCT>(data);
      if (!validDate(ts.year, ts.month, ts.day) || ts.hour > 23 || ts.minute > 59 || ts.second > 59)
        throw ConvertError("22007", "Parameter " + std::to_string(n) + " is not a valid timestamp");
      if (sqlType == SQL_TYPE_DATE || sqlType == SQL_DATE)
        return st.bindText(n, formatDate(SQL_DATE_STRUCT{ts.year, ts.month, ts.day}));
      return st.bindText(n, formatTimestamp(ts));
    }
    case SQL_C_NUMERIC: {
      std::string text = numericText(read<SQL_NUMERIC_STRUCT>(data));
      return bindText(st, n, text, text.find('.') == std::string::npos ? SQL_BIGINT : SQL_DOUBLE);
    }
    default:
      throw OdbcError("HYC00", "C type " + std::to_string(cType) + " is not supported for parameters");
  }
}

void bindParameter(sql::Statement& st, int n, const Descriptor& apd, const Descriptor& ipd, SQLULEN row) {
  if (n > apd.count() || !apd.records[static_cast<size_t>(n - 1)].bound())
    throw OdbcError("07002",
                    "Parameter " + std::to_string(n) + " is not bound: call SQLBindParameter for it");
  const DescRecord& rec = apd.records[static_cast<size_t>(n - 1)];
  SQLSMALLINT sqlType = n <= ipd.count() ? ipd.records[static_cast<size_t>(n - 1)].conciseType : SQL_VARCHAR;
  SQLSMALLINT cType = resolveCType(rec.conciseType, sqlType);
  SQLLEN* ind = boundLength(apd, rec.indicatorPtr, row);
  SQLLEN* octets = boundLength(apd, rec.octetLengthPtr, row);
  if (ind && loadLength(ind) == SQL_NULL_DATA) return st.bindNull(n);
  const bool variable = isVariableCType(cType);
  const char* data =
      boundData(apd, rec, row, variable ? static_cast<size_t>(rec.octetLength) : fixedCTypeSize(cType), true);
  if (!data) throw OdbcError("HY009", "Parameter " + std::to_string(n) + " has no value buffer");
  SQLLEN length = octets ? loadLength(octets) : SQL_NTS;
  if (variable) {
    if (length == SQL_NTS) {
      if (cType == SQL_C_CHAR)
        length = static_cast<SQLLEN>(std::strlen(data));
      else if (cType == SQL_C_WCHAR)
        length = static_cast<SQLLEN>(wideLength(reinterpret_cast<const SQLWCHAR*>(data)) * 2);
      else
        length = rec.octetLength;
    }
    if (length < 0)
      throw OdbcError("HY090",
                      "Parameter " + std::to_string(n) + " has an invalid length " + std::to_string(length));
  }
  bindValue(st, n, cType, sqlType, data, length);
}

void bindPutData(sql::Statement& st, int n, const Descriptor& apd, const Descriptor& ipd,
                 const std::string* value) {
  if (!value) return st.bindNull(n);
  const DescRecord& rec = apd.records[static_cast<size_t>(n - 1)];
  SQLSMALLINT sqlType = n <= ipd.count() ? ipd.records[static_cast<size_t>(n - 1)].conciseType : SQL_VARCHAR;
  SQLSMALLINT cType = resolveCType(rec.conciseType, sqlType);
  if (!isVariableCType(cType) && value->size() < fixedCTypeSize(cType))
    throw OdbcError("HY090",
                    "SQLPutData sent fewer bytes than parameter " + std::to_string(n) + "'s C type holds");
  bindValue(st, n, cType, sqlType, value->data(), static_cast<SQLLEN>(value->size()));
}

}  // namespace igodbc::driver
