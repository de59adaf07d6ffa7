#include "sql/vtab/fields.h"

#include <ctime>

#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

bool columnUsed(uint64_t colUsed, size_t index) {
  return index >= 63 ? (colUsed >> 63) != 0 : ((colUsed >> index) & 1u) != 0;
}

bool columnAvailable(const schema::Column& column, const FieldOptions& options) {
  if ((column.flags & schema::kFacebookLoginOnly) && !options.facebookLogin) return false;
  if ((column.flags & schema::kInstagramLoginOnly) && options.facebookLogin) return false;
  if (!column.availableFrom.empty()) {
    std::string date = options.rulesDate.empty() ? todayUtc() : options.rulesDate;
    if (date < column.availableFrom) return false;  // both YYYY-MM-DD: text order is date order
  }
  return true;
}

void FieldList::add(std::string_view name) {
  if (!name.empty() && !contains(name)) names_.emplace_back(name);
}

void FieldList::remove(std::string_view name) {
  for (auto it = names_.begin(); it != names_.end(); ++it)
    if (*it == name) {
      names_.erase(it);
      return;
    }
}

bool FieldList::contains(std::string_view name) const {
  for (const std::string& n : names_)
    if (n == name) return true;
  return false;
}

std::string FieldList::str() const {
  std::string out;
  for (const std::string& n : names_) {
    if (!out.empty()) out += ',';
    out += n;
  }
  return out;
}

FieldList projectedFields(const schema::Table& table, uint64_t colUsed, const FieldOptions& options) {
  FieldList list{"id"};
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const schema::Column& c = table.columns[i];
    if (c.origin != schema::Origin::Json || !columnUsed(colUsed, i) || !columnAvailable(c, options)) continue;
    list.add(schema::graphField(c.json));
  }
  return list;
}

std::string nest(std::string_view edge, const FieldList& inner) {
  return std::string(edge) + "{" + inner.str() + "}";
}

std::string todayUtc() {
  return formatDate(static_cast<int64_t>(std::time(nullptr)));
}

}  // namespace igodbc::sql
