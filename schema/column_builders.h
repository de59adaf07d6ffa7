// Short forms for declaring a Column: the copy of a column with notes or pushdown set, a column the driver
// computes, and column lists joined. They keep each declaration to one line of what is particular to it.
// Internal to schema/.
#pragma once

#include <string_view>
#include <vector>

#include "schema/schema.h"

namespace igodbc::schema {

// The copy of `column` with these notes. Like every string of a declaration, `notes` must live as long as the
// program (a string literal): columns hold views.
constexpr Column noted(Column column, std::string_view notes) {
  column.notes = notes;
  return column;
}

// The copy of `column` with this pushdown (Push flags).
constexpr Column pushed(Column column, unsigned push) {
  column.push = push;
  return column;
}

// A nullable column read from the Graph JSON path `json`, with no pushdown.
constexpr Column jsonColumn(std::string_view name, SqlType type, int size, std::string_view json,
                            unsigned flags = kFlagNone) {
  return {name, type, size, true, Origin::Json, json, kPushNone, flags};
}

// Origin::Derived: no Graph field, no pushdown.
constexpr Column derived(std::string_view name, SqlType type, int size, bool nullable,
                         std::string_view notes = {}) {
  return {name, type, size, nullable, Origin::Derived, "", kPushNone, kFlagNone, {}, notes};
}

// `head` followed by `tail`: a table's own columns and a shared group, in either order.
inline std::vector<Column> concat(std::vector<Column> head, const std::vector<Column>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

}  // namespace igodbc::schema
