// docs/tables.md rendered from the declarations (data-model 1.1: docs derive from schema/). Pure.
#pragma once

#include <string>

namespace igodbc::schema {

// The whole Markdown text of docs/tables.md.
std::string tablesMarkdown();

}  // namespace igodbc::schema
