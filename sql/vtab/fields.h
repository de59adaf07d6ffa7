// The fields= list of a Graph request: the Graph fields behind the columns a statement
// uses, in declaration order, `id` first, then the extra fields the table always adds, without repeats.
// Pure: driven only by schema/ declarations and the connection's login flavour and rules date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"

namespace igodbc::sql {

struct FieldOptions {
  bool facebookLogin = true;
  std::string rulesDate;  // YYYY-MM-DD compared with Column::availableFrom; empty = today (UTC)
};

// Whether column `index` is in SQLite's colUsed mask (bit 63 stands for every column from 63 on).
bool columnUsed(uint64_t colUsed, size_t index);

// Whether the column's Graph field may be requested on this connection (login flavour, Version/rules date).
// Unavailable columns are NULL without a request.
bool columnAvailable(const schema::Column& column, const FieldOptions& options);

// An ordered list of field names without repeats, rendered "a,b,c".
class FieldList {
 public:
  FieldList() = default;
  FieldList(std::initializer_list<std::string_view> names) {
    for (std::string_view n : names) add(n);
  }
  void add(std::string_view name);
  void remove(std::string_view name);
  bool contains(std::string_view name) const;
  bool empty() const { return names_.empty(); }
  const std::vector<std::string>& names() const { return names_; }
  std::string str() const;

 private:
  std::vector<std::string> names_;
};

// `id`, then the top-level Graph field of every used, available JSON column in declaration order.
FieldList projectedFields(const schema::Table& table, uint64_t colUsed, const FieldOptions& options);

// A nested selection: nest("children", "id,media_url") == "children{id,media_url}".
std::string nest(std::string_view edge, const FieldList& inner);

// Today's date in UTC, YYYY-MM-DD (the default metric rules date).
std::string todayUtc();

}  // namespace igodbc::sql
