// The procedure registry and the CALL/EXEC parser (see procedures.h for the mechanism).
//
// Decision: arguments are literals ('text', numbers, NULL, TRUE/FALSE) or parameter markers (?), nothing
// else, so the rewritten SELECT can contain no subquery and the procedure runs exactly once per execution.
#include "sql/procedures/procedures.h"

#include <strings.h>

#include <cctype>
#include <stdexcept>

#include "sql/engine/diagnostic.h"
#include "sql/engine/engine.h"

namespace igodbc::sql {

namespace {

constexpr std::string_view kTablePrefix = "igodbc_proc_";

bool equalsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

EngineError syntax(const std::string& text) {
  return EngineError({"42000", 0, prefixed(text)});
}

// A minimal tokenizer for the call forms: identifiers, quoted text, numbers, '?', '@', '=', ',', '(', ')'.
class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  void skipSpace() {
    for (;;) {
      while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (s_.substr(pos_, 2) == "--") {
        size_t e = s_.find('\n', pos_);
        pos_ = e == std::string_view::npos ? s_.size() : e;
      } else if (s_.substr(pos_, 2) == "/*") {
        size_t e = s_.find("*/", pos_ + 2);
        pos_ = e == std::string_view::npos ? s_.size() : e + 2;
      } else {
        return;
      }
    }
  }
  bool atEnd() {
    skipSpace();
    while (pos_ < s_.size() && s_[pos_] == ';') {
      ++pos_;
      skipSpace();
    }
    return pos_ >= s_.size();
  }
  char peek() {
    skipSpace();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // An identifier, optionally quoted with "" or [] and optionally prefixed by a schema ("Instagram.").
  std::string identifier() {
    skipSpace();
    std::string out;
    if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '[' || s_[pos_] == '`')) {
      char close = s_[pos_] == '[' ? ']' : s_[pos_];
      size_t e = s_.find(close, pos_ + 1);
      if (e == std::string_view::npos) return {};
      out = std::string(s_.substr(pos_ + 1, e - pos_ - 1));
      pos_ = e + 1;
      return out;
    }
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
      out += s_[pos_++];
    return out;
  }
  // One argument as SQL text: a literal or '?'. Empty when none is there.
  std::string literal() {
    skipSpace();
    size_t start = pos_;
    if (pos_ >= s_.size()) return {};
    char c = s_[pos_];
    if (c == '?') {
      ++pos_;
      return "?";
    }
    if (c == '\'') {
      ++pos_;
      while (pos_ < s_.size()) {
        if (s_[pos_] == '\'' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\'') {
          pos_ += 2;
        } else if (s_[pos_] == '\'') {
          ++pos_;
          return std::string(s_.substr(start, pos_ - start));
        } else {
          ++pos_;
        }
      }
      throw syntax("The quoted text starting at position " + std::to_string(start + 1) + " is not closed");
    }
    if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) {
      ++pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
              ((s_[pos_] == '-' || s_[pos_] == '+') && (s_[pos_ - 1] == 'e' || s_[pos_ - 1] == 'E'))))
        ++pos_;
      return std::string(s_.substr(start, pos_ - start));
    }
    std::string word = identifier();
    if (equalsNoCase(word, "NULL")) return "NULL";
    if (equalsNoCase(word, "TRUE")) return "1";
    if (equalsNoCase(word, "FALSE")) return "0";
    pos_ = start;
    return {};
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

std::string quoteIdent(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

int paramIndex(const Procedure& p, std::string_view name) {
  for (size_t i = 0; i < p.params.size(); ++i)
    if (equalsNoCase(p.params[i].name, name)) return static_cast<int>(i);
  return -1;
}

}  // namespace

const std::vector<Procedure>& allProcedures() {
  static const std::vector<Procedure> all = [] {
    std::vector<Procedure> v;
    auto append = [&v](std::vector<Procedure> more) {
      for (Procedure& p : more) v.push_back(std::move(p));
    };
    append(oauthProcedures());
    append(publishingProcedures());
    return v;
  }();
  return all;
}

const Procedure* findProcedure(std::string_view name) {
  for (const Procedure& p : allProcedures())
    if (equalsNoCase(p.name, name)) return &p;
  return nullptr;
}

std::string procedureTableName(std::string_view procedure) {
  return std::string(kTablePrefix) + std::string(procedure);
}

const Procedure* procedureOfTable(std::string_view table) {
  if (table.size() <= kTablePrefix.size() ||
      !equalsNoCase(table.substr(0, kTablePrefix.size()), kTablePrefix))
    return nullptr;
  return findProcedure(table.substr(kTablePrefix.size()));
}

std::optional<std::string> rewriteProcedureCall(std::string_view sql) {
  Lexer lx(sql);
  std::string keyword = lx.identifier();
  bool exec = equalsNoCase(keyword, "EXEC") || equalsNoCase(keyword, "EXECUTE");
  if (!exec && !equalsNoCase(keyword, "CALL")) return std::nullopt;
  std::string name = lx.identifier();
  if (lx.accept('.')) {
    if (!equalsNoCase(name, schema::kSchemaName))
      throw EngineError({"42000", 0, prefixed("Procedures live in schema Instagram, not " + name)});
    name = lx.identifier();
  }
  if (name.empty()) throw syntax(std::string(exec ? "EXEC" : "CALL") + " needs a procedure name");
  const Procedure* proc = findProcedure(name);
  if (!proc)
    throw EngineError({"42000", 0,
                       prefixed("Procedure " + name +
                                " does not exist; SQLProcedures lists the procedures of schema Instagram")});

  std::vector<std::string> args(proc->params.size());
  size_t positional = 0;
  auto put = [&](int index, std::string value) {
    if (!args[static_cast<size_t>(index)].empty())
      throw syntax("Procedure " + std::string(proc->name) + " receives parameter @" +
                   std::string(proc->params[static_cast<size_t>(index)].name) + " twice");
    args[static_cast<size_t>(index)] = std::move(value);
  };
  auto tooMany = [&]() {
    return syntax("Procedure " + std::string(proc->name) + " takes at most " +
                  std::to_string(proc->params.size()) + " parameters");
  };
  bool parens = !exec ? lx.accept('(') : false;
  bool closed = !parens;
  bool first = true;
  while (!lx.atEnd()) {
    if (parens && lx.accept(')')) {
      closed = true;
      break;
    }
    if (!first && !lx.accept(','))
      throw syntax("Unexpected text at position " + std::to_string(lx.pos() + 1) + " in the call of " +
                   std::string(proc->name));
    first = false;
    if (lx.accept('@')) {
      std::string pname = lx.identifier();
      int idx = paramIndex(*proc, pname);
      if (idx < 0)
        throw EngineError(
            {"42000", 0, prefixed("Procedure " + std::string(proc->name) + " has no parameter @" + pname)});
      if (!lx.accept('=')) throw syntax("Expected '=' after @" + pname);
      std::string value = lx.literal();
      if (value.empty()) throw syntax("Parameter @" + pname + " takes a literal or a parameter marker (?)");
      put(idx, std::move(value));
    } else {
      std::string value = lx.literal();
      if (value.empty())
        throw syntax(
            "Procedure arguments are literals or parameter markers (?); unexpected text at position " +
            std::to_string(lx.pos() + 1));
      if (positional >= proc->params.size()) throw tooMany();
      put(static_cast<int>(positional++), std::move(value));
    }
  }
  if (!closed) throw syntax("The argument list of " + std::string(proc->name) + " is not closed");
  if (!lx.atEnd()) throw syntax("Unexpected text after the call of " + std::string(proc->name));

  std::string out = "SELECT * FROM main." + quoteIdent(procedureTableName(proc->name)) + "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].empty() && proc->params[i].required)
      throw EngineError({"42000", 0,
                         prefixed("Procedure " + std::string(proc->name) + " needs parameter @" +
                                  std::string(proc->params[i].name))});
    out += (i ? ", " : "") + (args[i].empty() ? std::string("NULL") : args[i]);
  }
  return out + ")";
}

// ---- ProcCall ------------------------------------------------------------------------------------------

const Value& ProcCall::arg(std::string_view param) const {
  int i = paramIndex(proc_, param);
  if (i < 0 || static_cast<size_t>(i) >= args_.size())
    throw std::logic_error("procedure " + std::string(proc_.name) + " has no parameter " +
                           std::string(param));
  return args_[static_cast<size_t>(i)];
}

std::optional<std::string> ProcCall::text(std::string_view param) const {
  const Value& v = arg(param);
  switch (v.type) {
    case Value::Type::Null:
      return std::nullopt;
    case Value::Type::Integer:
      return std::to_string(v.i);
    case Value::Type::Real: {
      std::string s = std::to_string(v.r);
      return s;
    }
    case Value::Type::Text:
      return v.s;
  }
  return std::nullopt;
}

std::optional<int64_t> ProcCall::integer(std::string_view param) const {
  const Value& v = arg(param);
  if (v.isNull()) return std::nullopt;
  if (v.type == Value::Type::Integer) return v.i;
  if (v.type == Value::Type::Real && v.r == static_cast<double>(static_cast<int64_t>(v.r)))
    return static_cast<int64_t>(v.r);
  if (v.type == Value::Type::Text) {
    try {
      size_t used = 0;
      long long n = std::stoll(v.s, &used);
      if (used == v.s.size()) return n;
    } catch (...) {
    }
  }
  throw EngineError(
      {"22023", 0, prefixed(std::string(proc_.name) + "." + std::string(param) + ": must be an integer")});
}

void ProcCall::warn(const std::string& text) const {
  engine_.addWarning({"01000", 0, prefixed(text)});
}

}  // namespace igodbc::sql
