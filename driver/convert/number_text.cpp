#include "driver/convert/number_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace igodbc::driver {

namespace {

// printf's %g switches to exponent notation at this many significant digits, at the least.
constexpr int kMinPrecision = 15;

size_t put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return s.size();
}

}  // namespace

size_t formatInt64To(int64_t v, char* out) {
  return static_cast<size_t>(std::to_chars(out, out + kNumberTextMax, v).ptr - out);
}

size_t formatDoubleTo(double v, char* out) {
  if (std::isnan(v)) return put(out, "NaN");
  if (std::isinf(v)) return put(out, v > 0 ? "Inf" : "-Inf");
  // The shortest digits that read back to v, as [-]d[.ddd]e±XX. Ties between as short candidates go to the
  // one nearest v, so these are also the digits of the smallest %.15g..%.17g that reads back.
  char sci[kNumberTextMax];
  const char* end = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific).ptr;
  const char* p = sci;
  char* o = out;
  if (*p == '-') *o++ = *p++;
  char digits[kNumberTextMax];
  int n = 0;
  digits[n++] = *p++;
  if (*p == '.')
    for (++p; *p != 'e'; ++p) digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0') --n;  // the shortest form has none; never print any
  ++p;                                        // 'e'
  const bool negativeExponent = *p++ == '-';
  int x = 0;
  for (; p < end; ++p) x = x * 10 + (*p - '0');
  if (negativeExponent) x = -x;

  if (x < -4 || x >= std::max(kMinPrecision, n)) {  // d[.ddd]e±XX
    *o++ = digits[0];
    if (n > 1) {
      *o++ = '.';
      o += put(o, std::string_view(digits + 1, static_cast<size_t>(n - 1)));
    }
    *o++ = 'e';
    *o++ = x < 0 ? '-' : '+';
    const int ax = x < 0 ? -x : x;
    if (ax >= 100) *o++ = static_cast<char>('0' + ax / 100);
    *o++ = static_cast<char>('0' + ax / 10 % 10);
    *o++ = static_cast<char>('0' + ax % 10);
  } else if (x >= 0) {  // ddd[.ddd]: x + 1 digits before the point, zero-padded
    const int whole = x + 1;
    if (n <= whole) {
      o += put(o, std::string_view(digits, static_cast<size_t>(n)));
      for (int k = n; k < whole; ++k) *o++ = '0';
    } else {
      o += put(o, std::string_view(digits, static_cast<size_t>(whole)));
      *o++ = '.';
      o += put(o, std::string_view(digits + whole, static_cast<size_t>(n - whole)));
    }
  } else {  // 0.000ddd
    *o++ = '0';
    *o++ = '.';
    for (int k = -1; k > x; --k) *o++ = '0';
    o += put(o, std::string_view(digits, static_cast<size_t>(n)));
  }
  return static_cast<size_t>(o - out);
}

}  // namespace igodbc::driver
