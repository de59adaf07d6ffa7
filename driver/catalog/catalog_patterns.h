// Pure helpers that turn catalog-function arguments into SQL text: literal quoting, search patterns,
// identifiers, table-type lists and ODBC 2/3 select lists. Nothing here touches SQLite.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::driver {

// 'text' with single quotes doubled. Cut at the first NUL: SQLite stops reading a statement there.
std::string sqlLiteral(std::string_view text);

// How ODBC defines an argument: a pattern value (PV: % _ and the \ escape) or an ordinary argument (OA).
// Under SQL_ATTR_METADATA_ID both become identifiers.
enum class ArgKind { Pattern, Ordinary };

// An identifier argument: surrounding blanks trimmed, a "quoted" name unquoted ("" inside becomes ").
std::string identifierArg(std::string_view arg);

// " AND column LIKE '…' ESCAPE '\'" for a pattern, " AND column = '…' COLLATE NOCASE" for an ordinary
// argument or identifier, or "" when the argument filters nothing. Absent and empty arguments filter
// nothing: Excel lists tables with empty schema/table names, and we have no objects without a schema.
std::string argFilter(std::string_view column, const std::optional<std::string>& arg, ArgKind kind,
                      bool metadataId);

// "TABLE,VIEW", "'TABLE', 'VIEW'" -> {"TABLE", "VIEW"} (upper-cased, unquoted, trimmed). Empty when the
// list names no type or contains "%": every type then matches.
std::vector<std::string> parseTableTypes(std::string_view list);

// " AND column IN ('TABLE','VIEW')", or "" for an empty list.
std::string inList(std::string_view column, const std::vector<std::string>& values);

// One result-set column of a catalog function: the typed temp-table column it is read from and its ODBC 3
// and ODBC 2 names (odbc2 null = same name).
struct CatalogColumn {
  const char* stored;
  const char* odbc3;
  const char* odbc2 = nullptr;
};

// "a, b AS \"B2\", …": plain column references, so SQLite keeps each column's declared type.
std::string selectList(const std::vector<CatalogColumn>& columns, bool odbc2);

}  // namespace igodbc::driver
