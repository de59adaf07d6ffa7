// Writes planned from schema/writes.h: each affected row becomes one
// Graph call, validated before anything is sent. Pure: no SQLite, no HTTP, unit-tested.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/schema.h"
#include "schema/writes.h"
#include "sql/engine/diagnostic.h"
#include "sql/engine/value.h"

namespace igodbc::sql {

enum class WriteKind { None, Insert, Update, Delete };

// Prepare-time refusal of a write statement on `table` (read-only table, a column that cannot change, a
// DELETE that needs Facebook Login); nullopt when allowed. `column`: the SET column of an UPDATE.
std::optional<Diagnostic> writeRefusal(const schema::Table& table, WriteKind kind, std::string_view column,
                                       bool instagramLogin);

// One row's Graph write.
struct WriteCall {
  enum class Method { Post, Delete, None };  // None: an UPDATE to the current value: counted, nothing sent
  Method method = Method::None;
  std::string path;                                       // relative: "17895695668004550/comments"
  std::vector<std::pair<std::string, std::string>> form;  // sent form-encoded in the POST body
  std::string table;                                      // the table written
  bool createsId = false;                                 // the answer's "id" is the new row's key
};

// INSERT of `values` (one per column; NULL when not given). `rowidGiven`: the statement set the rowid.
// Throws EngineError (23000, 42000, 22001, 22023) with the contract's message.
WriteCall planInsert(const schema::Table& table, const Row& values, bool rowidGiven);

// UPDATE of the row `current` (as read through the table's pushdown); `changes` holds (column index, new
// value) for every column the statement sets. Throws EngineError.
WriteCall planUpdate(const schema::Table& table, const Row& current,
                     const std::vector<std::pair<int, Value>>& changes);

// DELETE of the row `current`. Throws EngineError.
WriteCall planDelete(const schema::Table& table, const Row& current);

// Messages shared with the prepare-time checks (sql/vtab/instagram_tables.cpp, sql/vtab/vtab_module.cpp).
std::string cannotChangeMessage(const schema::Table& table, std::string_view column);
std::string deleteNeedsKeyMessage(const schema::Table& table);
std::string facebookLoginOnlyMessage(const schema::Table& table);
bool isUpdatable(const schema::Table& table, std::string_view column);

}  // namespace igodbc::sql
