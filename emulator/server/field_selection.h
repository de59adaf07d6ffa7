// Parser for the `fields=` parameter and its expansion syntax:
//
//   fields   := field ("," field)*
//   field    := name ("." name "(" argument ")")* ("{" fields "}")?
//   name     := [A-Za-z0-9_]+
//
// e.g. `id,media.limit(10).after(QVFI…){id,caption,children{id}}`. Errors carry the messages and
// 0-based character positions the Graph API reports ("Syntax error "Expected name." at character 3:
// id,,name", code 2500). Whether a name exists on a node type is checked later, per node type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igemu {

struct FieldModifier {
  std::string name;      // "limit", "after", …
  std::string argument;  // raw text between the parentheses
};

struct FieldSpec {
  std::string name;
  std::vector<FieldModifier> modifiers;
  bool has_subfields = false;
  std::vector<FieldSpec> subfields;

  const FieldModifier* modifier(std::string_view modifier_name) const;
};

using FieldList = std::vector<FieldSpec>;

struct FieldSyntaxError {
  std::string detail;  // e.g. `Expected name.`
  size_t position;     // 0-based offset into the fields text
};

struct FieldParseResult {
  FieldList fields;
  std::optional<FieldSyntaxError> error;
};

// Nesting is unbounded in the real API; the emulator caps it so hostile input cannot exhaust the stack.
constexpr size_t kMaxFieldNesting = 8;

FieldParseResult parse_fields(std::string_view text, size_t max_nesting = kMaxFieldNesting);

// Back to the wire syntax (used for the `fields=` of nested paging URLs).
std::string serialize_fields(const FieldList& fields);
std::string serialize_field(const FieldSpec& field);

}  // namespace igemu
