// One Graph JSON object -> one row of the table's columns: absent or null -> NULL, ISO
// timestamps -> UTC 'YYYY-MM-DD HH:MM:SS', booleans -> 1/0, numbers where text is declared -> exact decimal
// text, "a[]" arrays -> comma-joined, "a.b" paths followed. Pure.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.h"
#include "sql/engine/value.h"
#include "sql/vtab/fields.h"

namespace igodbc::sql {

// Values that do not come from the object itself.
struct MapContext {
  std::string pathId;              // Origin::Path: the ID in the request path (the account walked)
  std::string parentId;            // Origin::Parent: the enclosing object (the album of a child)
  std::optional<int64_t> derived;  // Origin::Derived: e.g. the 1-based position
  FieldOptions options;            // columns unavailable on this connection stay NULL
};

// The JSON value at a path ("a", "a.b", "tasks[]"); nullptr when any step is absent or not an object.
const rapidjson::Value* findPath(const rapidjson::Value& object, std::string_view path);

// A JSON value converted for a column of `type`; `joinArray` renders an array as "x,y,z".
Value jsonToValue(const rapidjson::Value* json, schema::SqlType type, bool joinArray);

// Fills `row` (one value per column) from `object`. Columns outside colUsed are left NULL, except the
// primary key, which rowidOf needs.
void mapRow(const schema::Table& table, const rapidjson::Value& object, uint64_t colUsed,
            const MapContext& ctx, Row& row);

// A rowid that names the row across scans, as SQLite's multi-index OR needs to merge them: a one-column
// numeric primary key itself (Graph IDs fit in int64), otherwise a 63-bit hash of the key values.
int64_t rowidOf(const schema::Table& table, const Row& row);

}  // namespace igodbc::sql
