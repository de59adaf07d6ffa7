// What INSERT, UPDATE and DELETE do on a writable table, declared
// once and referenced by the table's declaration (Table::writes). sql/writes/write_*.cpp validate and run
// writes from these declarations only; the docs and the catalog read them too.
#pragma once

#include <string_view>
#include <vector>

namespace igodbc::schema {

struct Writes;

// INSERT: `POST /{keyColumn}/{edge}`. A table may have several; the first whose key column is given wins.
struct InsertRoute {
  std::string_view keyColumn;  // "MediaId" -> POST /{MediaId}/comments
  std::string_view edge;       // "comments", "replies"
};

// UPDATE: `POST /{Id}` with `formField=true|false` (BIT columns only).
struct UpdatableColumn {
  std::string_view column;     // "Hidden"
  std::string_view formField;  // "hide"
};

struct Writes {
  // ---- INSERT (empty routes: INSERT refused as read-only) ----
  std::vector<InsertRoute> insertRoutes;
  // Appended to "Column {Table}.{first route key} is required for INSERT" when no route key is given.
  std::string_view insertKeyHint;
  // Columns an INSERT may set besides the route keys (sent or not); any other non-NULL column is refused.
  std::vector<std::string_view> insertColumns;
  std::string_view textColumn;       // required, sent as `message`
  int textMaxChars = 0;              // Unicode code points; 0 = no limit
  int textMaxHashtags = -1;          // -1 = no limit
  std::string_view generatedColumn;  // filled by Instagram: "Id" (sys_identity, last_insert_rowid())

  // ---- UPDATE (empty: UPDATE refused as read-only) ----
  std::vector<UpdatableColumn> updatable;

  // ---- DELETE: `DELETE /{Id}` (empty keys: DELETE refused as read-only) ----
  // The WHERE clause must constrain one of these with = or IN (deleting on Instagram is permanent).
  std::vector<std::string_view> deleteKeys;
  bool deleteNeedsFacebookLogin = false;
  std::string_view deleteWhat;  // "delete media": the end of the HYC00 message under Instagram Login
};

const Writes* mediaWrites();
const Writes* storiesWrites();
const Writes* commentsWrites();
const Writes* repliesWrites();

}  // namespace igodbc::schema
