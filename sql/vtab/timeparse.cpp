#include "sql/vtab/timeparse.h"

#include <cstdio>

namespace igodbc::sql {

namespace {

// Reads exactly n digits at text[pos]; advances pos.
bool digits(std::string_view text, size_t& pos, size_t n, int& out) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = text[pos + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  pos += n;
  return true;
}

bool literal(std::string_view text, size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

bool parseDate(std::string_view text, size_t& pos, int& y, int& m, int& d) {
  return digits(text, pos, 4, y) && literal(text, pos, '-') && digits(text, pos, 2, m) &&
         literal(text, pos, '-') && digits(text, pos, 2, d) && validDate(y, m, d);
}

bool parseTime(std::string_view text, size_t& pos, int& h, int& mi, int& s) {
  return digits(text, pos, 2, h) && literal(text, pos, ':') && digits(text, pos, 2, mi) &&
         literal(text, pos, ':') && digits(text, pos, 2, s) && validTime(h, mi, s);
}

int64_t toUnix(int y, int m, int d, int h, int mi, int s) {
  return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 +
         s;
}

}  // namespace

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool validDate(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool validTime(int h, int mi, int s) {
  return h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60;
}

std::optional<int64_t> parseGraphTimestamp(std::string_view text) {
  size_t pos = 0;
  int y, m, d, h = 0, mi = 0, s = 0;
  if (!parseDate(text, pos, y, m, d)) return std::nullopt;
  if (pos == text.size()) return toUnix(y, m, d, 0, 0, 0);
  if (!(literal(text, pos, 'T') || literal(text, pos, ' '))) return std::nullopt;
  if (!parseTime(text, pos, h, mi, s)) return std::nullopt;
  if (literal(text, pos, '.')) {  // fraction: ignored, instants are whole seconds
    size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  int64_t offset = 0;
  if (pos < text.size()) {
    char sign = text[pos];
    if (sign == 'Z' || sign == 'z') {
      ++pos;
    } else if (sign == '+' || sign == '-') {
      ++pos;
      int oh = 0, om = 0;
      if (!digits(text, pos, 2, oh)) return std::nullopt;
      if (pos < text.size()) {
        literal(text, pos, ':');
        if (!digits(text, pos, 2, om)) return std::nullopt;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
    }
  }
  if (pos != text.size()) return std::nullopt;
  return toUnix(y, m, d, h, mi, s) - offset;
}

std::optional<int64_t> parseCanonical(std::string_view text) {
  size_t pos = 0;
  int y, m, d, h = 0, mi = 0, s = 0;
  if (!parseDate(text, pos, y, m, d)) return std::nullopt;
  if (pos == text.size()) return toUnix(y, m, d, 0, 0, 0);
  if (!literal(text, pos, ' ') || !parseTime(text, pos, h, mi, s) || pos != text.size()) return std::nullopt;
  return toUnix(y, m, d, h, mi, s);
}

std::string formatTimestamp(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  // civil_from_days (Hinnant)
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(y), m, d,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

std::string formatDate(int64_t t) {
  return formatTimestamp(t).substr(0, 10);
}

}  // namespace igodbc::sql
