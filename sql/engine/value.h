// A single SQL value as the Instagram tables produce it, and a row of them. Kept independent of SQLite so
// the mapping and re-check logic can be unit-tested without a database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace igodbc::sql {

struct Value {
  enum class Type { Null, Integer, Real, Text };
  Type type = Type::Null;
  int64_t i = 0;
  double r = 0;
  std::string s;

  static Value null() { return {}; }
  static Value integer(int64_t v) {
    Value x;
    x.type = Type::Integer;
    x.i = v;
    return x;
  }
  static Value real(double v) {
    Value x;
    x.type = Type::Real;
    x.r = v;
    return x;
  }
  static Value text(std::string v) {
    Value x;
    x.type = Type::Text;
    x.s = std::move(v);
    return x;
  }
  bool isNull() const { return type == Type::Null; }
  bool operator==(const Value& o) const {
    return type == o.type && i == o.i && (type != Type::Real || r == o.r) && s == o.s;
  }
};

// One value per column of the table, in declaration order.
using Row = std::vector<Value>;

}  // namespace igodbc::sql
