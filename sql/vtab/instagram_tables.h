// Registers the generic Instagram virtual-table module on an engine's SQLite connection and creates one
// virtual table per schema/ declaration in the attached "Instagram" schema.
#pragma once

namespace igodbc::sql {

class Engine;
void attachInstagramTables(Engine& engine);

}  // namespace igodbc::sql
