// ODBC escape sequences -> SQLite syntax. One left-to-right scan that copies quoted text and comments
// untouched and translates every {…} escape, innermost first.
//
// Decisions: {call p(…)} becomes the plain "CALL p(…)" form that the procedure layer will parse (SQLite
// itself reports it as a syntax error until then); {?= call …} is refused (procedures return result sets, not
// values); {d}/{t}/{ts} literals are validated and rendered canonically ('YYYY-MM-DD', 'HH:MM:SS',
// 'YYYY-MM-DD HH:MM:SS', a non-zero fraction kept), so they compare correctly with the text timestamps the
// tables return.
#include <cctype>
#include <string>

#include "sql/engine/engine.h"
#include "sql/engine/escape_functions.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

EngineError syntaxError(const std::string& text) {
  return EngineError({"42000", 0, prefixed(text)});
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads exactly n digits from s at pos.
bool digitsAt(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[pos + k]))) return false;
    out = out * 10 + (s[pos + k] - '0');
  }
  return true;
}

bool isDate(std::string_view s) {
  int y, m, d;
  return s.size() == 10 && digitsAt(s, 0, 4, y) && s[4] == '-' && digitsAt(s, 5, 2, m) && s[7] == '-' &&
         digitsAt(s, 8, 2, d) && validDate(y, m, d);
}

// "HH:MM:SS[.fff]" -> "HH:MM:SS" plus the fraction without trailing zeros (dropped when zero).
bool canonicalTime(std::string_view s, std::string& out) {
  int h, mi, sec;
  if (s.size() < 8 || !digitsAt(s, 0, 2, h) || s[2] != ':' || !digitsAt(s, 3, 2, mi) || s[5] != ':' ||
      !digitsAt(s, 6, 2, sec) || !validTime(h, mi, sec))
    return false;
  out = std::string(s.substr(0, 8));
  if (s.size() == 8) return true;
  std::string_view frac = s.substr(9);
  if (s[8] != '.' || frac.empty() || frac.size() > 9) return false;
  for (char c : frac)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (!frac.empty()) out += "." + std::string(frac);
  return true;
}

class Translator {
 public:
  explicit Translator(std::string_view in) : in_(in) {}

  std::string run() { return copyUntilClose(false, 0); }

 private:
  char at(size_t i) const { return i < in_.size() ? in_[i] : '\0'; }

  // Copies text until the end (top level) or until the '}' that closes the escape opened at `open`.
  std::string copyUntilClose(bool nested, size_t open) {
    std::string out;
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      if (c == '\'' || c == '"' || c == '`') {
        copyQuoted(out, c);
      } else if (c == '-' && at(pos_ + 1) == '-') {
        size_t end = in_.find('\n', pos_);
        end = end == std::string_view::npos ? in_.size() : end;
        out.append(in_.substr(pos_, end - pos_));
        pos_ = end;
      } else if (c == '/' && at(pos_ + 1) == '*') {
        size_t end = in_.find("*/", pos_ + 2);
        end = end == std::string_view::npos ? in_.size() : end + 2;
        out.append(in_.substr(pos_, end - pos_));
        pos_ = end;
      } else if (c == '{') {
        out += escape();
      } else if (c == '}') {
        if (nested) return out;
        throw syntaxError("Unexpected '}' at position " + std::to_string(pos_ + 1) +
                          ": no ODBC escape sequence is open");
      } else {
        out += c;
        ++pos_;
      }
    }
    if (nested)
      throw syntaxError("The ODBC escape sequence at position " + std::to_string(open + 1) +
                        " is not closed");
    return out;
  }

  // A quoted string or identifier; the quote doubled inside stands for itself. An unterminated one runs to
  // the end (SQLite reports it, or the enclosing escape is reported as not closed).
  void copyQuoted(std::string& out, char quote) {
    size_t i = pos_ + 1;
    while (i < in_.size()) {
      if (in_[i] == quote) {
        if (at(i + 1) == quote) {
          i += 2;
          continue;
        }
        ++i;
        break;
      }
      ++i;
    }
    out.append(in_.substr(pos_, i - pos_));
    pos_ = i;
  }

  void skipSpace() {
    while (pos_ < in_.size() && std::isspace(static_cast<unsigned char>(in_[pos_]))) ++pos_;
  }

  std::string word() {
    size_t start = pos_;
    while (pos_ < in_.size() && (std::isalnum(static_cast<unsigned char>(in_[pos_])) || in_[pos_] == '_'))
      ++pos_;
    return lower(in_.substr(start, pos_ - start));
  }

  // At '{': one escape sequence, translated. Leaves pos_ after its '}'.
  std::string escape() {
    const size_t open = pos_++;
    skipSpace();
    if (at(pos_) == '?') return returnValueCall(open);
    std::string keyword = word();
    std::string body(trim(copyUntilClose(true, open)));
    ++pos_;  // the closing '}'
    if (keyword == "fn") return translateScalarFunction(body);
    if (keyword == "d" || keyword == "t" || keyword == "ts") return dateTimeLiteral(keyword, body, open);
    if (keyword == "oj") return body;
    if (keyword == "escape") return "ESCAPE " + body;
    if (keyword == "call") return "CALL " + body;
    if (keyword == "guid") return body;
    throw syntaxError("Unknown ODBC escape sequence '{" + keyword + "' at position " +
                      std::to_string(open + 1));
  }

  // {?= call p(…)}: procedures return result sets only.
  std::string returnValueCall(size_t open) {
    ++pos_;
    skipSpace();
    if (at(pos_) == '=') ++pos_;
    skipSpace();
    std::string keyword = word();
    skipSpace();
    size_t start = pos_;
    while (pos_ < in_.size() &&
           (std::isalnum(static_cast<unsigned char>(in_[pos_])) || in_[pos_] == '_' || in_[pos_] == '.'))
      ++pos_;
    std::string name(in_.substr(start, pos_ - start));
    copyUntilClose(true, open);  // reports an unclosed escape first
    if (keyword != "call" || name.empty())
      throw syntaxError("Malformed ODBC call escape at position " + std::to_string(open + 1));
    throw syntaxError("Procedure " + name + " returns a result set, not a return value");
  }

  std::string dateTimeLiteral(const std::string& kind, const std::string& body, size_t open) {
    if (body == "?") return body;  // a parameter: the driver binds canonical text
    std::string shape = kind == "d" ? "YYYY-MM-DD" : kind == "t" ? "HH:MM:SS" : "YYYY-MM-DD HH:MM:SS";
    auto invalid = [&] {
      return EngineError({"22007", 0,
                          prefixed("Invalid literal {" + kind + " " + body + "} at position " +
                                   std::to_string(open + 1) + "; expected {" + kind + " '" + shape + "'}")});
    };
    if (body.size() < 2 || body.front() != '\'' || body.back() != '\'') throw invalid();
    std::string_view v = trim(std::string_view(body).substr(1, body.size() - 2));
    std::string t;
    if (kind == "d") {
      if (!isDate(v)) throw invalid();
      return "'" + std::string(v) + "'";
    }
    if (kind == "t") {
      if (!canonicalTime(v, t)) throw invalid();
      return "'" + t + "'";
    }
    if (v.size() == 10 && isDate(v)) return "'" + std::string(v) + " 00:00:00'";
    if (v.size() < 19 || !isDate(v.substr(0, 10)) || (v[10] != ' ' && v[10] != 'T') ||
        !canonicalTime(v.substr(11), t))
      throw invalid();
    return "'" + std::string(v.substr(0, 10)) + " " + t + "'";
  }

  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

std::string translateEscapes(std::string_view odbcSql) {
  if (odbcSql.find('{') == std::string_view::npos && odbcSql.find('}') == std::string_view::npos)
    return std::string(odbcSql);
  return Translator(odbcSql).run();
}

}  // namespace igodbc::sql
