#include "sql/vtab/row_mapper.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "sql/vtab/compare.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

// Decimal text of a JSON number without going through double when it is an integer (IDs exceed 2^53).
std::string numberText(const rapidjson::Value& v) {
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  double d = v.GetDouble();
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e17) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

std::string scalarText(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsNumber()) return numberText(v);
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  rapidjson::StringBuffer buf;  // objects and arrays: their JSON text
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

Value numberValue(const rapidjson::Value& v, bool integerColumn) {
  if (v.IsInt64()) return Value::integer(v.GetInt64());
  if (v.IsUint64()) return Value::real(static_cast<double>(v.GetUint64()));
  double d = v.GetDouble();
  if (integerColumn && d == std::floor(d) && std::fabs(d) < 9.2e18)
    return Value::integer(static_cast<int64_t>(d));
  return Value::real(d);
}

Value textAsNumber(const std::string& s, Affinity) {
  // A number sent as a string ("123") is still a number; anything else is kept as text.
  return withAffinity(Value::text(s), Affinity::Numeric);
}

Value timeValue(const rapidjson::Value& v, bool dateOnly) {
  if (v.IsString()) {
    std::string s(v.GetString(), v.GetStringLength());
    if (auto t = parseGraphTimestamp(s)) return Value::text(dateOnly ? formatDate(*t) : formatTimestamp(*t));
    return Value::text(s);
  }
  if (v.IsNumber()) {  // Unix seconds; 0 means "never"
    int64_t t = v.IsInt64() ? v.GetInt64() : static_cast<int64_t>(v.GetDouble());
    if (t == 0) return Value::null();
    return Value::text(dateOnly ? formatDate(t) : formatTimestamp(t));
  }
  return Value::text(scalarText(v));
}

bool inPrimaryKey(const schema::Table& table, size_t index) {
  for (std::string_view k : table.primaryKey)
    if (k == table.columns[index].name) return true;
  return false;
}

}  // namespace

const rapidjson::Value* findPath(const rapidjson::Value& object, std::string_view path) {
  if (path.size() >= 2 && path.substr(path.size() - 2) == "[]") path.remove_suffix(2);
  const rapidjson::Value* cur = &object;
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string_view step = path.substr(0, dot);
    if (!cur->IsObject()) return nullptr;
    auto it = cur->FindMember(rapidjson::Value(rapidjson::StringRef(step.data(), step.size())));
    if (it == cur->MemberEnd()) return nullptr;
    cur = &it->value;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return cur;
}

Value jsonToValue(const rapidjson::Value* json, schema::SqlType type, bool joinArray) {
  if (!json || json->IsNull()) return Value::null();
  const rapidjson::Value& v = *json;
  if (v.IsArray() && joinArray) {
    std::string out;
    for (const auto& item : v.GetArray()) {
      if (item.IsNull()) continue;
      if (!out.empty()) out += ',';
      out += scalarText(item);
    }
    return Value::text(out);
  }
  switch (type) {
    case schema::SqlType::Varchar:
    case schema::SqlType::WVarchar:
      return Value::text(scalarText(v));
    case schema::SqlType::BigInt:
    case schema::SqlType::Integer:
    case schema::SqlType::Double:
      if (v.IsNumber()) return numberValue(v, type != schema::SqlType::Double);
      if (v.IsBool()) return Value::integer(v.GetBool() ? 1 : 0);
      return textAsNumber(scalarText(v), Affinity::Numeric);
    case schema::SqlType::Bit:
      if (v.IsBool()) return Value::integer(v.GetBool() ? 1 : 0);
      if (v.IsNumber()) return Value::integer(v.IsInt64() ? (v.GetInt64() != 0) : (v.GetDouble() != 0));
      if (v.IsString()) {
        std::string s(v.GetString(), v.GetStringLength());
        if (s == "true") return Value::integer(1);
        if (s == "false") return Value::integer(0);
        return textAsNumber(s, Affinity::Numeric);
      }
      return Value::text(scalarText(v));
    case schema::SqlType::Timestamp:
      return timeValue(v, false);
    case schema::SqlType::Date:
      return timeValue(v, true);
  }
  return Value::text(scalarText(v));
}

void mapRow(const schema::Table& table, const rapidjson::Value& object, uint64_t colUsed,
            const MapContext& ctx, Row& row) {
  row.assign(table.columns.size(), Value::null());
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (!columnUsed(colUsed, i) && !inPrimaryKey(table, i)) continue;
    const schema::Column& c = table.columns[i];
    switch (c.origin) {
      case schema::Origin::Json:
        if (!columnAvailable(c, ctx.options)) break;
        {
          bool join = c.json.size() >= 2 && c.json.substr(c.json.size() - 2) == "[]";
          row[i] = jsonToValue(findPath(object, c.json), c.type, join);
        }
        break;
      case schema::Origin::Path:
        if (!ctx.pathId.empty()) row[i] = Value::text(ctx.pathId);
        break;
      case schema::Origin::Parent:
        if (!ctx.parentId.empty()) row[i] = Value::text(ctx.parentId);
        break;
      case schema::Origin::Derived:
        if (ctx.derived) row[i] = Value::integer(*ctx.derived);
        break;
    }
  }
}

int64_t rowidOf(const schema::Table& table, const Row& row) {
  std::vector<const Value*> key;
  for (std::string_view k : table.primaryKey) {
    int i = schema::columnIndex(table, k);
    if (i >= 0 && static_cast<size_t>(i) < row.size()) key.push_back(&row[static_cast<size_t>(i)]);
  }
  if (key.size() == 1) {
    const Value& v = *key[0];
    if (v.type == Value::Type::Integer) return v.i;
    if (v.type == Value::Type::Text && !v.s.empty() && v.s.size() <= 18 &&
        v.s.find_first_not_of("0123456789") == std::string::npos)
      return std::stoll(v.s);
  }
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the key values, each followed by a separator
  for (const Value* v : key) {
    std::string text = v->type == Value::Type::Text      ? v->s
                       : v->type == Value::Type::Integer ? std::to_string(v->i)
                       : v->type == Value::Type::Real    ? realToText(v->r)
                                                         : std::string();
    for (unsigned char c : text + '\x1f') h = (h ^ c) * 1099511628211ull;
  }
  return static_cast<int64_t>(h >> 1);
}

}  // namespace igodbc::sql
