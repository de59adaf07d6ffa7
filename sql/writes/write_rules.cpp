// Validation and Graph calls of one written row, from the table's schema/writes.h declaration.
#include "sql/writes/write_rules.h"

#include <strings.h>

#include <cctype>

#include "sql/engine/diagnostic.h"
#include "sql/writes/text_rules.h"

namespace igodbc::sql {

namespace {

[[noreturn]] void refuse(const char* state, const std::string& text) {
  throw EngineError({state, 0, prefixed(text)});
}

std::string qualified(const schema::Table& t, std::string_view column) {
  return std::string(t.name) + "." + std::string(column);
}

const Value& valueOf(const schema::Table& t, const Row& row, std::string_view column) {
  static const Value none;
  int i = schema::columnIndex(t, column);
  return i >= 0 && static_cast<size_t>(i) < row.size() ? row[static_cast<size_t>(i)] : none;
}

std::string asText(const Value& v) {
  switch (v.type) {
    case Value::Type::Text:
      return v.s;
    case Value::Type::Integer:
      return std::to_string(v.i);
    case Value::Type::Real: {
      std::string s = std::to_string(v.r);
      return s;
    }
    case Value::Type::Null:
      break;
  }
  return {};
}

bool blank(const std::string& s) {
  for (unsigned char c : s)
    if (!std::isspace(c)) return false;
  return true;
}

// Graph IDs travel in request paths: letters, digits and '_' only (as sql/sources/row_source.h plausibleId).
std::string graphId(const schema::Table& t, std::string_view column, const Value& v) {
  std::string id = asText(v);
  bool ok = !id.empty() && id.size() <= 64;
  for (char c : id) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (!ok) refuse("22023", qualified(t, column) + ": '" + id.substr(0, 64) + "' is not an Instagram ID");
  return id;
}

// BIT values written through UPDATE: 0 or 1 (also 'true'/'false' text, as ODBC applications bind them).
std::optional<bool> bitOf(const Value& v) {
  if (v.type == Value::Type::Integer && (v.i == 0 || v.i == 1)) return v.i == 1;
  if (v.type == Value::Type::Real && (v.r == 0 || v.r == 1)) return v.r == 1;
  if (v.type == Value::Type::Text) {
    if (v.s == "1" || strcasecmp(v.s.c_str(), "true") == 0) return true;
    if (v.s == "0" || strcasecmp(v.s.c_str(), "false") == 0) return false;
  }
  return std::nullopt;
}

bool listed(const std::vector<std::string_view>& list, std::string_view name) {
  for (std::string_view n : list)
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return true;
  return false;
}

const schema::Writes& writesOf(const schema::Table& t) {
  if (!t.writes)
    refuse("42000", "Instagram." + std::string(t.name) + " is read-only" + std::string(t.readOnlyHint));
  return *t.writes;
}

std::string rowId(const schema::Table& t, const Row& current) {
  return graphId(t, "Id", valueOf(t, current, "Id"));
}

}  // namespace

bool isUpdatable(const schema::Table& t, std::string_view column) {
  if (!t.writes) return false;
  for (const schema::UpdatableColumn& u : t.writes->updatable)
    if (u.column.size() == column.size() && strncasecmp(u.column.data(), column.data(), column.size()) == 0)
      return true;
  return false;
}

std::string cannotChangeMessage(const schema::Table& t, std::string_view column) {
  std::string list;
  if (t.writes)
    for (const schema::UpdatableColumn& u : t.writes->updatable)
      list += (list.empty() ? "" : ", ") + std::string(u.column);
  int i = schema::columnIndex(t, column);
  std::string name = i >= 0 ? std::string(t.columns[static_cast<size_t>(i)].name) : std::string(column);
  return "Column " + qualified(t, name) + " cannot be changed; updatable columns: " + list;
}

std::string deleteNeedsKeyMessage(const schema::Table& t) {
  std::string cols;
  if (t.writes) {
    const auto& keys = t.writes->deleteKeys;
    for (size_t i = 0; i < keys.size(); ++i)
      cols += (i == 0 ? "" : i + 1 == keys.size() ? " or " : ", ") + std::string(keys[i]);
  }
  return "DELETE on Instagram." + std::string(t.name) + " needs WHERE " + cols +
         " = … or IN (…); deleting on Instagram is permanent";
}

std::string facebookLoginOnlyMessage(const schema::Table& t) {
  std::string what = t.writes ? std::string(t.writes->deleteWhat) : std::string("write");
  return "DELETE on Instagram." + std::string(t.name) +
         " needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens cannot " + what;
}

std::optional<Diagnostic> writeRefusal(const schema::Table& t, WriteKind kind, std::string_view column,
                                       bool instagramLogin) {
  const schema::Writes* w = t.writes;
  const bool allowed = w && ((kind == WriteKind::Insert && !w->insertRoutes.empty()) ||
                             (kind == WriteKind::Update && !w->updatable.empty()) ||
                             (kind == WriteKind::Delete && !w->deleteKeys.empty()));
  if (!allowed)
    return Diagnostic{
        "42000", 0,
        prefixed("Instagram." + std::string(t.name) + " is read-only" + std::string(t.readOnlyHint))};
  if (kind == WriteKind::Update && !isUpdatable(t, column))
    return Diagnostic{"42000", 0, prefixed(cannotChangeMessage(t, column))};
  if (kind == WriteKind::Delete && w->deleteNeedsFacebookLogin && instagramLogin)
    return Diagnostic{"HYC00", 0, prefixed(facebookLoginOnlyMessage(t))};
  return std::nullopt;
}

WriteCall planInsert(const schema::Table& t, const Row& values, bool rowidGiven) {
  const schema::Writes& w = writesOf(t);
  if (w.insertRoutes.empty())
    refuse("42000", "Instagram." + std::string(t.name) + " is read-only" + std::string(t.readOnlyHint));
  const Value& textValue = valueOf(t, values, w.textColumn);
  std::string text = asText(textValue);
  if (textValue.isNull() || blank(text))
    refuse("23000", "Column " + qualified(t, w.textColumn) + " is required for INSERT");
  const schema::InsertRoute* route = nullptr;
  for (const schema::InsertRoute& r : w.insertRoutes)
    if (!route && !valueOf(t, values, r.keyColumn).isNull()) route = &r;
  if (!route) {
    // The hint names the alternative route; the message names the usual one (the last route, e.g. MediaId).
    const schema::InsertRoute& usual = w.insertRoutes.back();
    refuse("23000", "Column " + qualified(t, usual.keyColumn) + " is required for INSERT" +
                        std::string(w.insertKeyHint));
  }
  if (rowidGiven || !valueOf(t, values, w.generatedColumn).isNull())
    refuse("23000", "Column " + qualified(t, w.generatedColumn.empty() ? "Id" : w.generatedColumn) +
                        " is assigned by Instagram; leave it out of the INSERT");
  for (size_t i = 0; i < t.columns.size() && i < values.size(); ++i) {
    std::string_view name = t.columns[i].name;
    if (values[i].isNull() || name == w.generatedColumn || listed(w.insertColumns, name)) continue;
    bool routeKey = false;
    for (const schema::InsertRoute& r : w.insertRoutes) routeKey = routeKey || r.keyColumn == name;
    if (!routeKey) refuse("42000", "Column " + qualified(t, name) + " cannot be set by INSERT");
  }
  if (w.textMaxChars > 0) {
    const auto n = codePoints(text);
    if (n > static_cast<size_t>(w.textMaxChars))
      refuse("22001", qualified(t, w.textColumn) + " is " + std::to_string(n) +
                          " characters long; Instagram accepts at most " + std::to_string(w.textMaxChars));
  }
  if (w.textMaxHashtags >= 0) {
    int n = countTags(text, '#');
    if (n > w.textMaxHashtags)
      refuse("22023", qualified(t, w.textColumn) + ": " + std::to_string(n) +
                          " hashtags; Instagram accepts at most " + std::to_string(w.textMaxHashtags) +
                          " per comment");
  }
  WriteCall call;
  call.method = WriteCall::Method::Post;
  call.path =
      graphId(t, route->keyColumn, valueOf(t, values, route->keyColumn)) + "/" + std::string(route->edge);
  call.form = {{"message", text}};
  call.table = std::string(t.name);
  call.createsId = !w.generatedColumn.empty();
  return call;
}

WriteCall planUpdate(const schema::Table& t, const Row& current,
                     const std::vector<std::pair<int, Value>>& changes) {
  const schema::Writes& w = writesOf(t);
  WriteCall call;
  call.table = std::string(t.name);
  for (const auto& [index, value] : changes) {
    if (index < 0 || static_cast<size_t>(index) >= t.columns.size()) continue;
    std::string_view name = t.columns[static_cast<size_t>(index)].name;
    const schema::UpdatableColumn* u = nullptr;
    for (const schema::UpdatableColumn& c : w.updatable)
      if (c.column == name) u = &c;
    if (!u) refuse("42000", cannotChangeMessage(t, name));
    if (value.isNull()) refuse("23000", "Column " + qualified(t, name) + " is required for UPDATE");
    std::optional<bool> bit = bitOf(value);
    if (!bit) refuse("22023", qualified(t, name) + ": the value must be 0 or 1");
    std::optional<bool> now = bitOf(valueOf(t, current, name));
    if (now && *now == *bit) continue;  // already so: no call, still an affected row
    call.form.emplace_back(std::string(u->formField), *bit ? "true" : "false");
  }
  std::string id = rowId(t, current);
  if (!call.form.empty()) {
    call.method = WriteCall::Method::Post;
    call.path = id;
  }
  return call;
}

WriteCall planDelete(const schema::Table& t, const Row& current) {
  const schema::Writes& w = writesOf(t);
  if (w.deleteKeys.empty())
    refuse("42000", "Instagram." + std::string(t.name) + " is read-only" + std::string(t.readOnlyHint));
  WriteCall call;
  call.method = WriteCall::Method::Delete;
  call.path = rowId(t, current);
  call.table = std::string(t.name);
  return call;
}

}  // namespace igodbc::sql
