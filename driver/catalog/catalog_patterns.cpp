#include "driver/catalog/catalog_patterns.h"

#include <algorithm>
#include <cctype>

namespace igodbc::driver {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool onlyPercent(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == '%'; });
}

}  // namespace

std::string sqlLiteral(std::string_view text) {
  text = text.substr(0, text.find('\0'));
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string identifierArg(std::string_view arg) {
  arg = trim(arg);
  if (arg.size() < 2 || arg.front() != '"' || arg.back() != '"') return std::string(arg);
  std::string out;
  arg = arg.substr(1, arg.size() - 2);
  for (size_t i = 0; i < arg.size(); ++i) {
    out += arg[i];
    if (arg[i] == '"' && i + 1 < arg.size() && arg[i + 1] == '"') ++i;
  }
  return out;
}

std::string argFilter(std::string_view column, const std::optional<std::string>& arg, ArgKind kind,
                      bool metadataId) {
  if (!arg || arg->empty()) return "";
  std::string col(column);
  if (metadataId) return " AND " + col + " = " + sqlLiteral(identifierArg(*arg)) + " COLLATE NOCASE";
  if (kind == ArgKind::Ordinary) return " AND " + col + " = " + sqlLiteral(*arg) + " COLLATE NOCASE";
  if (onlyPercent(*arg)) return "";
  // ODBC's pattern syntax is LIKE's with '\' as the escape, so the pattern passes through unchanged.
  return " AND " + col + " LIKE " + sqlLiteral(*arg) + " ESCAPE '\\'";
}

std::vector<std::string> parseTableTypes(std::string_view list) {
  std::vector<std::string> types;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'')
      item = trim(item.substr(1, item.size() - 2));
    if (item.empty()) continue;
    if (onlyPercent(item)) return {};
    std::string upper(item);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (std::find(types.begin(), types.end(), upper) == types.end()) types.push_back(upper);
  }
  return types;
}

std::string inList(std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return "";
  std::string sql = " AND " + std::string(column) + " IN (";
  for (size_t i = 0; i < values.size(); ++i) sql += (i ? "," : "") + sqlLiteral(values[i]);
  return sql + ")";
}

std::string selectList(const std::vector<CatalogColumn>& columns, bool odbc2) {
  std::string sql;
  for (const CatalogColumn& c : columns) {
    const char* name = odbc2 && c.odbc2 ? c.odbc2 : c.odbc3;
    if (!sql.empty()) sql += ", ";
    sql += c.stored;
    if (std::string_view(name) != c.stored) sql += std::string(" AS \"") + name + "\"";
  }
  return sql;
}

}  // namespace igodbc::driver
