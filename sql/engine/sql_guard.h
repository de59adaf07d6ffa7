// What SQL from the application may do on the driver's SQLite connection. Whoever sends SQL reaches the
// Instagram data of the connection and its own scratch tables: never local files, other connections, the
// host process or the token. The SQLite settings, limits and authorizer rules that enforce it live here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "sql/engine/diagnostic.h"

struct sqlite3;

namespace igodbc::sql {

// Per-connection ceilings (connection properties MaxValueBytes, MaxStatementBytes, MaxScratchMB).
struct SqlLimits {
  int64_t maxValueBytes = 64LL << 20;     // one TEXT/BLOB value, a row, zeroblob(): SQLITE_LIMIT_LENGTH
  int64_t maxStatementBytes = 4LL << 20;  // one statement's text: SQLITE_LIMIT_SQL_LENGTH
  int64_t maxScratchMB = 1024;            // scratch (Local and temp) tables, through max_page_count
};

// Turns off what no SQL user may reach (extension loading, fts3_tokenizer pointers, writable schema, unsafe
// schema objects) and applies the limits. Runs right after the driver's own ATTACH of "Instagram"; after it
// no database can be attached. Returns an error message, empty on success.
std::string lockDown(sqlite3* db, const SqlLimits& limits);

class SqlGuard {
 public:
  // `instagramNames`: every object of the Instagram schema and every procedure, any case.
  explicit SqlGuard(const std::unordered_set<std::string>& instagramNames);

  bool isInstagramName(std::string_view name) const;
  // The rules of the authorizer: nullopt to go on, or the refusal (42000 / 42S01) to report.
  std::optional<Diagnostic> check(int action, const char* a1, const char* a2, const char* db,
                                  const char* context);
  // Rules SQLite's authorizer cannot see: VACUUM, and the new name of ALTER TABLE … RENAME TO.
  std::optional<Diagnostic> checkText(std::string_view sql) const;
  // Views and triggers found in a scratch database opened from a file.
  void noteView(std::string_view name);
  void noteTrigger(std::string_view name);

 private:
  std::unordered_set<std::string> instagramNames_;  // lower case
  // Lower case. The authorizer names the view or trigger an access comes from: a name that is neither an
  // Instagram object nor a known view is taken for a trigger, so a trigger created by another process in a
  // shared scratch file is refused too.
  std::unordered_set<std::string> views_;
  std::unordered_set<std::string> triggers_;
};

// The index of the first character at or after `i` that is not a blank or a comment (nor a ';' when
// `semicolons`); sql.size() when there is none.
size_t skipBlanksAndComments(std::string_view sql, size_t i, bool semicolons);
// Whether `db` names the driver's Instagram schema (any case).
bool isInstagramSchema(const char* db);
// The first keyword of a statement, upper-cased, after blanks and comments; empty when there is none.
std::string firstKeyword(std::string_view sql);
// The new name of `ALTER TABLE x RENAME TO name` (unquoted), or nullopt for any other statement.
std::optional<std::string> renameTarget(std::string_view sql);

}  // namespace igodbc::sql
