// ODBC scalar functions (ODBC 3.8 appendix E) mapped to SQLite. Where the SQLite form needs an argument more
// than once and that argument is not a plain literal or column, the arguments are bound once through a
// correlated sub-select, so a `?` is never duplicated (which would shift parameter numbers) and an
// expression is evaluated once.
#include "sql/engine/escape_functions.h"

#include <strings.h>

#include <cctype>
#include <functional>
#include <string>
#include <vector>

namespace igodbc::sql {

namespace {

using Args = std::vector<std::string>;

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Splits "a, f(b, c), 'x,y'" at top-level commas.
Args splitArgs(std::string_view s) {
  Args out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'' || c == '"' || c == '`') {
      for (++i; i < s.size(); ++i)
        if (s[i] == c) {
          if (i + 1 < s.size() && s[i + 1] == c)
            ++i;
          else
            break;
        }
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(trimmed(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  std::string last = trimmed(s.substr(start));
  if (!last.empty() || !out.empty()) out.push_back(last);
  return out;
}

// A number, a quoted string or a (qualified) column name: safe to repeat.
bool simple(const std::string& a) {
  if (a.empty()) return false;
  if (a.front() == '\'' && a.back() == '\'' && a.size() >= 2) return a.find('\'', 1) == a.size() - 1;
  bool numeric = true, ident = !std::isdigit(static_cast<unsigned char>(a[0]));
  for (char c : a) {
    numeric &= std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    ident &= std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  }
  return numeric || ident;
}

// Builds `body` where $1, $2… stand for the arguments. Arguments used more than once that are not simple
// are bound once: (SELECT body FROM (SELECT (a1) AS odbc_1, …)).
std::string expand(const std::string& body, const Args& args) {
  bool bind = false;
  for (size_t k = 0; k < args.size(); ++k) {
    std::string ref = "$" + std::to_string(k + 1);
    size_t first = body.find(ref);
    if (first != std::string::npos && body.find(ref, first + 1) != std::string::npos && !simple(args[k]))
      bind = true;
  }
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '$' && i + 1 < body.size() && std::isdigit(static_cast<unsigned char>(body[i + 1]))) {
      size_t k = static_cast<size_t>(body[++i] - '1');
      out += bind ? "odbc_" + std::to_string(k + 1) : "(" + args.at(k) + ")";
    } else {
      out += body[i];
    }
  }
  if (!bind) return out;
  std::string sel;
  for (size_t k = 0; k < args.size(); ++k)
    sel += (k ? ", (" : "(") + args[k] + ") AS odbc_" + std::to_string(k + 1);
  return "(SELECT " + out + " FROM (SELECT " + sel + "))";
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// SQL_TSI_DAY or DAY -> DAY.
std::string interval(const std::string& a) {
  std::string u = upper(trimmed(a));
  return u.rfind("SQL_TSI_", 0) == 0 ? u.substr(8) : u;
}

std::string timestampAdd(const Args& a) {
  std::string i = interval(a[0]);
  const char* unit = nullptr;
  std::string n = "$2";
  if (i == "FRAC_SECOND")
    unit = "seconds", n = "($2 / 1000000000.0)";
  else if (i == "SECOND")
    unit = "seconds";
  else if (i == "MINUTE")
    unit = "minutes";
  else if (i == "HOUR")
    unit = "hours";
  else if (i == "DAY")
    unit = "days";
  else if (i == "WEEK")
    unit = "days", n = "($2 * 7)";
  else if (i == "MONTH")
    unit = "months";
  else if (i == "QUARTER")
    unit = "months", n = "($2 * 3)";
  else if (i == "YEAR")
    unit = "years";
  if (!unit) return {};
  return expand("datetime($3, " + n + " || ' " + unit + "')", a);
}

std::string timestampDiff(const Args& a) {
  std::string i = interval(a[0]);
  const std::string days = "(julianday($3) - julianday($2))";
  const std::string months =
      "((CAST(strftime('%Y', $3) AS INTEGER) - CAST(strftime('%Y', $2) AS INTEGER)) * 12 + "
      "CAST(strftime('%m', $3) AS INTEGER) - CAST(strftime('%m', $2) AS INTEGER))";
  std::string body;
  if (i == "FRAC_SECOND")
    body = "CAST(round(" + days + " * 86400000000000.0) AS INTEGER)";
  else if (i == "SECOND")
    body = "CAST(round(" + days + " * 86400) AS INTEGER)";
  else if (i == "MINUTE")
    body = "CAST(" + days + " * 1440 AS INTEGER)";
  else if (i == "HOUR")
    body = "CAST(" + days + " * 24 AS INTEGER)";
  else if (i == "DAY")
    body = "CAST(" + days + " AS INTEGER)";
  else if (i == "WEEK")
    body = "CAST(" + days + " / 7 AS INTEGER)";
  else if (i == "MONTH")
    body = months;
  else if (i == "QUARTER")
    body = "(" + months + " / 3)";
  else if (i == "YEAR")
    body = "(CAST(strftime('%Y', $3) AS INTEGER) - CAST(strftime('%Y', $2) AS INTEGER))";
  else
    return {};
  return expand(body, a);
}

std::string convert(const Args& a) {
  std::string t = upper(trimmed(a[1]));
  if (t.rfind("SQL_", 0) == 0) t = t.substr(4);
  if (t.rfind("TYPE_", 0) == 0) t = t.substr(5);
  if (t == "CHAR" || t == "VARCHAR" || t == "LONGVARCHAR" || t == "WCHAR" || t == "WVARCHAR" ||
      t == "WLONGVARCHAR" || t == "GUID")
    return "CAST(" + a[0] + " AS TEXT)";
  if (t == "INTEGER" || t == "SMALLINT" || t == "TINYINT" || t == "BIGINT" || t == "BIT")
    return "CAST(" + a[0] + " AS INTEGER)";
  if (t == "DOUBLE" || t == "FLOAT" || t == "REAL") return "CAST(" + a[0] + " AS REAL)";
  if (t == "NUMERIC" || t == "DECIMAL") return "CAST(" + a[0] + " AS NUMERIC)";
  if (t == "DATE") return "date(" + a[0] + ")";
  if (t == "TIME") return "time(" + a[0] + ")";
  if (t == "TIMESTAMP") return "datetime(" + a[0] + ")";
  if (t == "BINARY" || t == "VARBINARY" || t == "LONGVARBINARY") return "CAST(" + a[0] + " AS BLOB)";
  return {};
}

std::string part(const char* format, const std::string& x) {
  return "CAST(strftime('" + std::string(format) + "', " + x + ") AS INTEGER)";
}

struct Mapping {
  const char* name;
  int minArgs;
  int maxArgs;
  std::function<std::string(const Args&)> build;  // empty result: leave the call as written
};

// $n: the n-th argument (see expand).
std::function<std::string(const Args&)> pattern(std::string body) {
  return [body = std::move(body)](const Args& a) { return expand(body, a); };
}

const std::vector<Mapping>& mappings() {
  static const std::vector<Mapping> m = {
      // strings
      {"ASCII", 1, 1, pattern("unicode($1)")},
      {"CHAR", 1, 1, pattern("char($1)")},
      {"CONCAT", 2, 2, pattern("($1 || $2)")},
      {"INSERT", 4, 4, pattern("(substr($1, 1, $2 - 1) || $4 || substr($1, $2 + $3))")},
      {"LCASE", 1, 1, pattern("lower($1)")},
      {"UCASE", 1, 1, pattern("upper($1)")},
      {"LEFT", 2, 2, pattern("substr($1, 1, $2)")},
      {"RIGHT", 2, 2, pattern("substr($1, -($2), $2)")},
      {"LENGTH", 1, 1, pattern("length(rtrim($1, ' '))")},  // ODBC: trailing blanks excluded
      {"CHAR_LENGTH", 1, 1, pattern("length($1)")},
      {"CHARACTER_LENGTH", 1, 1, pattern("length($1)")},
      {"OCTET_LENGTH", 1, 1, pattern("length(CAST($1 AS BLOB))")},
      {"BIT_LENGTH", 1, 1, pattern("(8 * length(CAST($1 AS BLOB)))")},
      {"LOCATE", 2, 2, pattern("instr($2, $1)")},
      {"LOCATE", 3, 3,
       pattern(
           "CASE WHEN $3 <= 1 THEN instr($2, $1) WHEN instr(substr($2, $3), $1) > 0 THEN instr(substr($2, "
           "$3), $1) + $3 - 1 ELSE 0 END")},
      {"LTRIM", 1, 1, pattern("ltrim($1, ' ')")},
      {"RTRIM", 1, 1, pattern("rtrim($1, ' ')")},
      {"REPEAT", 2, 2, pattern("replace(printf('%.*c', $2, 'x'), 'x', $1)")},
      {"REPLACE", 3, 3, pattern("replace($1, $2, $3)")},
      {"SPACE", 1, 1, pattern("printf('%*s', $1, '')")},
      {"SUBSTRING", 2, 2, pattern("substr($1, $2)")},
      {"SUBSTRING", 3, 3, pattern("substr($1, $2, $3)")},
      // numbers
      {"ABS", 1, 1, pattern("abs($1)")},
      {"CEILING", 1, 1, pattern("ceiling($1)")},
      {"FLOOR", 1, 1, pattern("floor($1)")},
      {"LOG", 1, 1, pattern("ln($1)")},
      {"LOG10", 1, 1, pattern("log10($1)")},
      {"MOD", 2, 2, pattern("($1 % $2)")},
      {"PI", 0, 0, pattern("pi()")},
      {"POWER", 2, 2, pattern("power($1, $2)")},
      {"RAND", 0, 1, pattern("(abs(random()) / 9223372036854775808.0)")},
      {"ROUND", 1, 2,
       [](const Args& a) { return a.size() == 1 ? expand("round($1)", a) : expand("round($1, $2)", a); }},
      {"SIGN", 1, 1, pattern("sign($1)")},
      {"SQRT", 1, 1, pattern("sqrt($1)")},
      {"TRUNCATE", 2, 2, pattern("(trunc($1 * power(10, $2)) / power(10, $2))")},
      // dates and times
      {"NOW", 0, 0, pattern("datetime('now')")},
      {"CURRENT_TIMESTAMP", 0, 1, pattern("datetime('now')")},
      {"CURDATE", 0, 0, pattern("date('now')")},
      {"CURRENT_DATE", 0, 0, pattern("date('now')")},
      {"CURTIME", 0, 0, pattern("time('now')")},
      {"CURRENT_TIME", 0, 1, pattern("time('now')")},
      {"YEAR", 1, 1, [](const Args& a) { return part("%Y", a[0]); }},
      {"MONTH", 1, 1, [](const Args& a) { return part("%m", a[0]); }},
      {"DAYOFMONTH", 1, 1, [](const Args& a) { return part("%d", a[0]); }},
      {"DAYOFYEAR", 1, 1, [](const Args& a) { return part("%j", a[0]); }},
      {"HOUR", 1, 1, [](const Args& a) { return part("%H", a[0]); }},
      {"MINUTE", 1, 1, [](const Args& a) { return part("%M", a[0]); }},
      {"SECOND", 1, 1, [](const Args& a) { return part("%S", a[0]); }},
      {"DAYOFWEEK", 1, 1, [](const Args& a) { return "(" + part("%w", a[0]) + " + 1)"; }},
      {"WEEK", 1, 1, [](const Args& a) { return "(" + part("%W", a[0]) + " + 1)"; }},
      {"QUARTER", 1, 1, [](const Args& a) { return "((" + part("%m", a[0]) + " + 2) / 3)"; }},
      {"DAYNAME", 1, 1,
       pattern(
           "CASE CAST(strftime('%w', $1) AS INTEGER) WHEN 0 THEN 'Sunday' WHEN 1 THEN 'Monday' WHEN 2 THEN "
           "'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN "
           "'Saturday' END")},
      {"MONTHNAME", 1, 1,
       pattern(
           "CASE CAST(strftime('%m', $1) AS INTEGER) WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 "
           "THEN 'March' WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 "
           "THEN 'August' WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN 'November' WHEN 12 "
           "THEN 'December' END")},
      {"TIMESTAMPADD", 3, 3, timestampAdd},
      {"TIMESTAMPDIFF", 3, 3, timestampDiff},
      // system and conversion
      {"IFNULL", 2, 2, pattern("ifnull($1, $2)")},
      {"CONVERT", 2, 2, convert},
  };
  return m;
}

}  // namespace

std::string translateScalarFunction(std::string_view call) {
  std::string text = trimmed(call);
  size_t i = 0;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
  std::string name = text.substr(0, i);
  if (name.empty()) return text;
  size_t j = i;
  while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
  Args args;
  if (j < text.size()) {
    if (text[j] != '(' || text.back() != ')') return text;
    std::string inner = text.substr(j + 1, text.size() - j - 2);
    // POSITION(a IN b) is the one ODBC function written with a keyword instead of a comma.
    if (strcasecmp(name.c_str(), "POSITION") == 0) {
      std::string u = upper(inner);
      size_t in = u.find(" IN ");
      if (in == std::string::npos) return text;
      return "instr(" + trimmed(inner.substr(in + 4)) + ", " + trimmed(inner.substr(0, in)) + ")";
    }
    args = splitArgs(inner);
  }
  for (const Mapping& m : mappings()) {
    if (strcasecmp(m.name, name.c_str()) != 0) continue;
    if (static_cast<int>(args.size()) < m.minArgs || static_cast<int>(args.size()) > m.maxArgs) continue;
    std::string out = m.build(args);
    if (!out.empty()) return out;
  }
  return text;
}

}  // namespace igodbc::sql
