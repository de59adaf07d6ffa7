// docs/tables.md rendered from the declarations (the table reference is derived from schema/, never written
// by hand). Pure.
#pragma once

#include <string>

namespace igodbc::schema {

// The whole Markdown text of docs/tables.md.
std::string tablesMarkdown();

}  // namespace igodbc::schema
