#include "sql/vtab/compare.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace igodbc::sql {

namespace {

// SQLite's applyNumericAffinity: text that reads as a complete number (surrounding spaces allowed) becomes
// INTEGER when it is an integer literal that fits, otherwise REAL; anything else stays TEXT.
Value numericFromText(const Value& v) {
  const std::string& s = v.s;
  size_t i = 0, n = s.size();
  while (i < n && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  size_t start = i;
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  bool isReal = false;
  while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < n && s[i] == '.') {
    isReal = true;
    ++i;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return v;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
    size_t expDigits = 0;
    while (j < n && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++expDigits;
    if (expDigits == 0) return v;
    isReal = true;
    i = j;
  }
  size_t end = i;
  while (i < n && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  if (i != n) return v;
  std::string num = s.substr(start, end - start);
  if (!isReal) {
    errno = 0;
    char* stop = nullptr;
    long long x = std::strtoll(num.c_str(), &stop, 10);
    if (errno == 0 && stop && *stop == '\0') return Value::integer(x);
  }
  return Value::real(std::strtod(num.c_str(), nullptr));
}

int compareNumbers(const Value& a, const Value& b) {
  if (a.type == Value::Type::Integer && b.type == Value::Type::Integer) return a.i < b.i ? -1 : a.i > b.i;
  long double x = a.type == Value::Type::Integer ? static_cast<long double>(a.i) : a.r;
  long double y = b.type == Value::Type::Integer ? static_cast<long double>(b.i) : b.r;
  if (std::isnan(static_cast<double>(x)) || std::isnan(static_cast<double>(y))) return 0;
  return x < y ? -1 : x > y;
}

int compareText(const std::string& a, const std::string& b, bool nocase) {
  size_t n = std::min(a.size(), b.size());
  for (size_t k = 0; k < n; ++k) {
    unsigned char x = static_cast<unsigned char>(a[k]), y = static_cast<unsigned char>(b[k]);
    if (nocase) {  // SQLite's NOCASE folds ASCII letters only
      if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
      if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    }
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size();
}

int typeRank(const Value& v) {
  switch (v.type) {
    case Value::Type::Null:
      return 0;
    case Value::Type::Integer:
    case Value::Type::Real:
      return 1;
    case Value::Type::Text:
      return 2;
  }
  return 0;
}

}  // namespace

Affinity affinityOf(schema::SqlType type) {
  switch (type) {
    case schema::SqlType::Varchar:
    case schema::SqlType::WVarchar:
      return Affinity::Text;
    default:
      return Affinity::Numeric;  // BIGINT, INTEGER, DOUBLE, BIT, TIMESTAMP, DATE
  }
}

std::string realToText(double r) {
  if (std::isnan(r)) return "";  // SQLite stores NaN as NULL; never reached for real data
  if (std::isinf(r)) return r > 0 ? "Inf" : "-Inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", r);
  std::string s = buf;
  size_t e = s.find('e');
  std::string mantissa = e == std::string::npos ? s : s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return e == std::string::npos ? mantissa : mantissa + s.substr(e);
}

Value withAffinity(const Value& v, Affinity affinity) {
  switch (affinity) {
    case Affinity::Text:
      if (v.type == Value::Type::Integer) return Value::text(std::to_string(v.i));
      if (v.type == Value::Type::Real) return Value::text(realToText(v.r));
      return v;
    case Affinity::Numeric:
      return v.type == Value::Type::Text ? numericFromText(v) : v;
    case Affinity::Blob:
      return v;
  }
  return v;
}

int compareValues(const Value& a, const Value& b, bool nocase) {
  int ra = typeRank(a), rb = typeRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (ra == 1) return compareNumbers(a, b);
  return compareText(a.s, b.s, nocase);
}

bool satisfies(const Value& column, Op op, const Value& rhs, Affinity affinity, bool nocase) {
  if (op == Op::IsNull) return column.isNull();
  if (op == Op::IsNotNull) return !column.isNull();
  if (column.isNull() || rhs.isNull()) return false;
  int c = compareValues(withAffinity(column, affinity), withAffinity(rhs, affinity), nocase);
  switch (op) {
    case Op::Eq:
      return c == 0;
    case Op::Lt:
      return c < 0;
    case Op::Le:
      return c <= 0;
    case Op::Gt:
      return c > 0;
    case Op::Ge:
      return c >= 0;
    default:
      return false;
  }
}

}  // namespace igodbc::sql
