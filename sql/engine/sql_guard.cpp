#include "sql/engine/sql_guard.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <vector>

#include "schema/schema.h"

namespace igodbc::sql {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Diagnostic refusal(const std::string& message) {
  return {"42000", 0, prefixed(message)};
}

// PRAGMAs that only read, allowed with any argument (a table name for table_info...). Catalog tools use them.
constexpr std::array<std::string_view, 19> kReadPragmas = {
    "table_info",  "table_xinfo",      "table_list",        "index_list",      "index_info",
    "index_xinfo", "foreign_key_list", "foreign_key_check", "collation_list",  "function_list",
    "module_list", "pragma_list",      "database_list",     "compile_options", "data_version",
    "page_count",  "freelist_count",   "quick_check",       "integrity_check"};
// PRAGMAs that may be read but not set: setting them changes how SQLite stores or trusts data.
constexpr std::array<std::string_view, 11> kQueryOnlyPragmas = {
    "encoding",    "application_id", "schema_version", "page_size",  "journal_mode", "max_page_count",
    "auto_vacuum", "cache_size",     "synchronous",    "temp_store", "busy_timeout"};
// PRAGMAs that may also be set: they change only how this connection checks its own scratch tables.
constexpr std::array<std::string_view, 4> kSettablePragmas = {"foreign_keys", "defer_foreign_keys",
                                                              "recursive_triggers", "user_version"};

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::optional<Diagnostic> checkPragma(const char* name, const char* arg) {
  std::string n = lower(name ? name : "");
  if (listed(kReadPragmas, n) || listed(kSettablePragmas, n)) return std::nullopt;
  if (listed(kQueryOnlyPragmas, n) && !arg) return std::nullopt;
  return refusal(
      "PRAGMA " + n + (arg ? " = …" : "") +
      " is not allowed: SQL on this connection may read the schema (table_info, index_list and the "
      "other read-only pragmas) and set foreign_keys, defer_foreign_keys, recursive_triggers and "
      "user_version, nothing that changes how SQLite stores or trusts data");
}

bool isCreate(int action) {
  switch (action) {
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_VTABLE:
      return true;
    default:
      return false;
  }
}

bool isDrop(int action) {
  return (action >= SQLITE_DROP_INDEX && action <= SQLITE_DROP_VIEW) || action == SQLITE_DROP_VTABLE;
}

bool isTriggerCreate(int action) {
  return action == SQLITE_CREATE_TRIGGER || action == SQLITE_CREATE_TEMP_TRIGGER;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------

bool isInstagramSchema(const char* db) {
  return db && lower(db) == lower(schema::kSchemaName);
}

std::string lockDown(sqlite3* db, const SqlLimits& limits) {
  struct Flag {
    int op;
    int value;
    const char* what;
  };
  // DEFENSIVE: no writable_schema, no writes to shadow tables or sqlite_dbpage. FTS3_TOKENIZER off: the
  // two-argument fts3_tokenizer() installs a function pointer the caller chose; a build with
  // SQLITE_ENABLE_FTS3_TOKENIZER (Debian's) keeps it on whatever this says, so the authorizer's refusal of
  // fts3_tokenizer() in check() is the barrier that counts. TRUSTED_SCHEMA off: views and triggers stored in
  // a scratch file cannot call risky functions or virtual tables.
  const Flag flags[] = {{SQLITE_DBCONFIG_DEFENSIVE, 1, "defensive mode"},
                        {SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, "fts3_tokenizer"},
                        {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "trusted schema"},
                        {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, "extension loading"}};
  for (const Flag& f : flags) {
    int now = -1;
    if (sqlite3_db_config(db, f.op, f.value, &now) != SQLITE_OK || now != f.value)
      return std::string("cannot set SQLite's ") + f.what;
  }
  auto clamp = [](int64_t v) {
    return static_cast<int>(std::min<int64_t>(std::max<int64_t>(v, 1), INT_MAX));
  };
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, clamp(limits.maxValueBytes));
  sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, clamp(limits.maxStatementBytes));
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 1);  // "Instagram", already attached: nothing more
  sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 100);
  sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 1000);  // the parser's recursion, whatever the build's default
  // Scratch storage is bounded in pages; SQLite's default page is 4 KiB, 256 pages a MiB.
  const std::string pages = std::to_string(std::max<int64_t>(limits.maxScratchMB, 1) * 256);
  for (const char* schemaName : {"main", "temp"}) {
    std::string sql = "PRAGMA " + std::string(schemaName) + ".max_page_count = " + pages;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
      return "cannot bound the scratch database: " + std::string(sqlite3_errmsg(db));
  }
  return {};
}

SqlGuard::SqlGuard(const std::unordered_set<std::string>& names) {
  for (const std::string& n : names) instagramNames_.insert(lower(n));
}

bool SqlGuard::isInstagramName(std::string_view name) const {
  return instagramNames_.count(lower(name)) > 0;
}

void SqlGuard::noteView(std::string_view name) {
  views_.insert(lower(name));
}

void SqlGuard::noteTrigger(std::string_view name) {
  triggers_.insert(lower(name));
}

std::optional<Diagnostic> SqlGuard::check(int action, const char* a1, const char* a2, const char* db,
                                          const char* context) {
  const std::string first = a1 ? a1 : "";
  switch (action) {
    case SQLITE_ATTACH:
      return refusal(
          "ATTACH is not allowed: SQL on this connection reaches Instagram data and its own scratch tables "
          "(schema Local), never other database files");
    case SQLITE_DETACH:
      return refusal("DETACH is not allowed: the Instagram schema belongs to the driver");
    case SQLITE_PRAGMA:
      return checkPragma(a1, a2);
    case SQLITE_FUNCTION:
      if (a2 && (lower(a2) == "fts3_tokenizer" || lower(a2) == "load_extension"))
        return refusal(std::string(a2) +
                       "() is not allowed: it reaches the memory or files of the application");
      return std::nullopt;
    case SQLITE_ALTER_TABLE:  // a1: schema, a2: table
      if (isInstagramSchema(a1) || (a2 && isInstagramName(a2)))
        return refusal(
            "ALTER TABLE on Instagram objects is not allowed: the Instagram schema belongs to the "
            "driver");
      return std::nullopt;
    default:
      break;
  }
  if (isCreate(action)) {
    if (isInstagramSchema(db))
      return refusal(
          "The Instagram schema belongs to the driver: create scratch tables, views and triggers "
          "in Local (the default schema)");
    if (isInstagramName(first))
      return Diagnostic{"42S01", 0,
                        prefixed("'" + first +
                                 "' is the name of an Instagram object: choose another name for the scratch "
                                 "object, so that " +
                                 first + " keeps meaning Instagram's")};
    if (isTriggerCreate(action) && a2 && isInstagramName(a2))
      return refusal("Triggers on Instagram objects are not allowed: " + std::string(a2) +
                     " belongs to the driver");
    if (action == SQLITE_CREATE_VTABLE && a2 && lower(a2) == "instagram")
      return refusal("The instagram module serves only the driver's own tables: query Instagram." + first +
                     " or create a view over an Instagram table instead");
    // Views and triggers have separate namespaces in SQLite, but the authorizer names either: keep them
    // apart.
    const bool view = action == SQLITE_CREATE_VIEW || action == SQLITE_CREATE_TEMP_VIEW;
    if ((view && triggers_.count(lower(first))) || (isTriggerCreate(action) && views_.count(lower(first))))
      return Diagnostic{"42S01", 0,
                        prefixed("'" + first + "' already names a " + (view ? "trigger" : "view") +
                                 ": give the " + (view ? "view" : "trigger") + " another name")};
    if (view) noteView(first);
    if (isTriggerCreate(action)) noteTrigger(first);
    return std::nullopt;
  }
  if (isDrop(action) && action != SQLITE_DROP_VTABLE && isInstagramSchema(db))
    return refusal("The Instagram schema belongs to the driver: its objects cannot be dropped");
  if (action == SQLITE_DROP_VIEW || action == SQLITE_DROP_TEMP_VIEW) views_.erase(lower(first));
  // A trigger is code that runs later, on another statement: it may not read or write Instagram data, or a
  // scratch INSERT could post or delete a comment.
  if ((action == SQLITE_READ || action == SQLITE_INSERT || action == SQLITE_UPDATE ||
       action == SQLITE_DELETE) &&
      context && isInstagramSchema(db) && !isInstagramName(context) && !views_.count(lower(context)))
    return refusal("Trigger " + std::string(context) + " reaches Instagram." + first +
                   ": triggers may read and write scratch tables only; run the Instagram statement yourself");
  return std::nullopt;
}

// ---- statement text -----------------------------------------------------------------------------------

size_t skipBlanksAndComments(std::string_view sql, size_t i, bool semicolons) {
  while (i < sql.size()) {
    char c = sql[i];
    // SQLite's blanks: no vertical tab.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || (semicolons && c == ';')) {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(i, 2) == "/*") {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

namespace {

// The tokens of a statement that matter here: words and quoted names (unquoted), one-character punctuation.
std::vector<std::string> tokens(std::string_view sql, size_t max) {
  std::vector<std::string> out;
  size_t i = 0;
  while (out.size() < max) {
    i = skipBlanksAndComments(sql, i, false);
    if (i >= sql.size()) break;
    char c = sql[i];
    if (c == '"' || c == '\'' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::string name;
      ++i;
      while (i < sql.size()) {
        if (sql[i] == close) {
          if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
            name += close;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        name += sql[i++];
      }
      out.push_back(std::move(name));
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
               static_cast<unsigned char>(c) >= 0x80) {
      size_t start = i;
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' ||
                                sql[i] == '$' || static_cast<unsigned char>(sql[i]) >= 0x80))
        ++i;
      out.emplace_back(sql.substr(start, i - start));
    } else {
      out.emplace_back(1, c);
      ++i;
    }
  }
  return out;
}

bool keyword(const std::string& token, std::string_view word) {
  return lower(token) == lower(word);
}

}  // namespace

std::string firstKeyword(std::string_view sql) {
  std::vector<std::string> t = tokens(sql, 1);
  if (t.empty()) return {};
  std::string k = t[0];
  for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return k;
}

std::optional<std::string> renameTarget(std::string_view sql) {
  // ALTER TABLE [schema .] name RENAME TO new-name: at most 9 tokens up to the new name.
  std::vector<std::string> t = tokens(sql, 9);
  if (t.size() < 6 || !keyword(t[0], "ALTER") || !keyword(t[1], "TABLE")) return std::nullopt;
  size_t i = t.size() > 4 && t[3] == "." ? 5 : 3;
  if (i + 2 >= t.size()) return std::nullopt;
  if (!keyword(t[i], "RENAME") || !keyword(t[i + 1], "TO")) return std::nullopt;
  return t[i + 2];
}

std::optional<Diagnostic> SqlGuard::checkText(std::string_view sql) const {
  const std::string first = firstKeyword(sql);
  if (first == "VACUUM")
    return refusal(
        "VACUUM is not allowed: VACUUM INTO writes a file, and the scratch database needs no vacuuming here");
  if (first == "ALTER")
    if (std::optional<std::string> target = renameTarget(sql); target && isInstagramName(*target))
      return Diagnostic{"42S01", 0,
                        prefixed("'" + *target +
                                 "' is the name of an Instagram object: rename the scratch table to another "
                                 "name, so that " +
                                 *target + " keeps meaning Instagram's")};
  return std::nullopt;
}

}  // namespace igodbc::sql
