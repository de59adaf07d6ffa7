#include "server/field_selection.h"

namespace igemu {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Describes the character at `pos` the way Graph error messages do.
std::string describe(std::string_view text, size_t pos) {
  if (pos >= text.size()) return "end of string";
  return "\"" + std::string(1, text[pos]) + "\"";
}

class Parser {
 public:
  Parser(std::string_view text, size_t max_nesting) : text_(text), max_nesting_(max_nesting) {}

  FieldParseResult run() {
    FieldParseResult result;
    if (!parse_list(result.fields, 0)) {
      result.error = error_;
      result.fields.clear();
      return result;
    }
    if (pos_ != text_.size()) {
      result.error =
          FieldSyntaxError{"Expected end of string instead of " + describe(text_, pos_) + ".", pos_};
      result.fields.clear();
    }
    return result;
  }

 private:
  bool fail(std::string detail, size_t pos) {
    error_ = FieldSyntaxError{std::move(detail), pos};
    return false;
  }

  bool parse_name(std::string& out) {
    const size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    if (pos_ == start) return fail("Expected name.", pos_);
    out.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool parse_list(FieldList& out, size_t depth) {
    for (;;) {
      FieldSpec field;
      if (!parse_field(field, depth)) return false;
      for (const FieldSpec& seen : out) {
        if (seen.name == field.name) {
          return fail(
              "Field " + field.name + " specified more than once. This is only possible before version 2.1",
              name_end_);
        }
      }
      out.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      return true;
    }
  }

  bool parse_field(FieldSpec& field, size_t depth) {
    if (!parse_name(field.name)) return false;
    name_end_ = pos_;
    while (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      FieldModifier mod;
      if (!parse_name(mod.name)) return false;
      if (pos_ >= text_.size() || text_[pos_] != '(') {
        return fail("Expected \"(\" instead of " + describe(text_, pos_) + ".", pos_);
      }
      ++pos_;
      const size_t close = text_.find(')', pos_);
      if (close == std::string_view::npos) {
        return fail("Expected \")\" instead of end of string.", text_.size());
      }
      mod.argument.assign(text_.substr(pos_, close - pos_));
      pos_ = close + 1;
      field.modifiers.push_back(std::move(mod));
    }
    const size_t after_modifiers = pos_;
    if (pos_ < text_.size() && text_[pos_] == '{') {
      if (depth + 1 > max_nesting_) {
        return fail("Fields nested more than " + std::to_string(max_nesting_) + " levels deep.", pos_);
      }
      ++pos_;
      field.has_subfields = true;
      if (!parse_list(field.subfields, depth + 1)) return false;
      if (pos_ >= text_.size() || text_[pos_] != '}') {
        return fail("Expected \"}\" instead of " + describe(text_, pos_) + ".", pos_);
      }
      ++pos_;
    }
    // The duplicate check reports the position right after the name (as the real API does for
    // plain fields); for decorated fields the end of the decorations is the closest equivalent.
    if (!field.modifiers.empty() || field.has_subfields) name_end_ = after_modifiers;
    return true;
  }

  std::string_view text_;
  size_t max_nesting_;
  size_t pos_ = 0;
  size_t name_end_ = 0;
  FieldSyntaxError error_;
};

}  // namespace

const FieldModifier* FieldSpec::modifier(std::string_view modifier_name) const {
  for (const FieldModifier& m : modifiers) {
    if (m.name == modifier_name) return &m;
  }
  return nullptr;
}

FieldParseResult parse_fields(std::string_view text, size_t max_nesting) {
  return Parser(text, max_nesting).run();
}

std::string serialize_field(const FieldSpec& field) {
  std::string out = field.name;
  for (const FieldModifier& m : field.modifiers) {
    out += '.';
    out += m.name;
    out += '(';
    out += m.argument;
    out += ')';
  }
  if (field.has_subfields) {
    out += '{';
    out += serialize_fields(field.subfields);
    out += '}';
  }
  return out;
}

std::string serialize_fields(const FieldList& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += serialize_field(fields[i]);
  }
  return out;
}

}  // namespace igemu
