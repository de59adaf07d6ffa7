#include "driver/convert/datetime.h"

#include <cctype>
#include <cstdio>

namespace igodbc::driver {

namespace {

// Reads exactly `width` digits at `pos`.
bool digits(std::string_view s, size_t& pos, size_t width, int& out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  pos += width;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// HH:MM:SS[.fraction] at `pos`.
bool parseTime(std::string_view s, size_t& pos, SQL_TIMESTAMP_STRUCT& out) {
  int h, mi, se;
  if (!digits(s, pos, 2, h) || !expect(s, pos, ':') || !digits(s, pos, 2, mi) || !expect(s, pos, ':') ||
      !digits(s, pos, 2, se))
    return false;
  if (h > 23 || mi > 59 || se > 59) return false;
  out.hour = static_cast<SQLUSMALLINT>(h);
  out.minute = static_cast<SQLUSMALLINT>(mi);
  out.second = static_cast<SQLUSMALLINT>(se);
  out.fraction = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    SQLUINTEGER frac = 0;
    int n = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (n < 9) frac = frac * 10 + static_cast<SQLUINTEGER>(s[pos] - '0'), ++n;
      ++pos;
    }
    if (n == 0) return false;
    for (; n < 9; ++n) frac *= 10;
    out.fraction = frac;
  }
  return true;
}

}  // namespace

bool validDate(int year, int month, int day) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool parseTimestamp(std::string_view text, SQL_TIMESTAMP_STRUCT& out, bool allowTimeOnly) {
  std::string_view s = trim(text);
  out = SQL_TIMESTAMP_STRUCT{};
  size_t pos = 0;
  if (allowTimeOnly && s.size() >= 3 && s[2] == ':') return parseTime(s, pos, out) && pos == s.size();
  int y, m, d;
  if (!digits(s, pos, 4, y) || !expect(s, pos, '-') || !digits(s, pos, 2, m) || !expect(s, pos, '-') ||
      !digits(s, pos, 2, d) || !validDate(y, m, d))
    return false;
  out.year = static_cast<SQLSMALLINT>(y);
  out.month = static_cast<SQLUSMALLINT>(m);
  out.day = static_cast<SQLUSMALLINT>(d);
  if (pos == s.size()) return true;
  if (s[pos] != ' ' && s[pos] != 'T') return false;
  ++pos;
  if (!parseTime(s, pos, out)) return false;
  if (pos < s.size() && s[pos] == 'Z') ++pos;
  return pos == s.size();
}

std::string formatDate(const SQL_DATE_STRUCT& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::string formatTime(const SQL_TIME_STRUCT& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u:%02u:%02u", t.hour, t.minute, t.second);
  return buf;
}

std::string formatTimestamp(const SQL_TIMESTAMP_STRUCT& ts) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u", ts.year, ts.month, ts.day, ts.hour,
                ts.minute, ts.second);
  std::string out = buf;
  if (ts.fraction != 0) {
    std::snprintf(buf, sizeof buf, ".%09u", static_cast<unsigned>(ts.fraction % 1000000000u));
    std::string frac = buf;
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  return out;
}

}  // namespace igodbc::driver
