// The one SQLite virtual-table module ("instagram") behind every Instagram table; the table's schema/
// declaration is its only argument: CREATE VIRTUAL TABLE Instagram."Media" USING instagram(Media).
#pragma once

#include <string>

struct sqlite3;

namespace igodbc::sql {

class Engine;

// Registers the module on the engine's connection; its per-connection state lives as long as the module.
void registerInstagramModule(Engine& engine);

// The message of a write to a read-only Instagram table: "Instagram.{Table} is read-only{hint}".
// Empty when `table` is not an Instagram table.
std::string readOnlyMessage(const char* table);

}  // namespace igodbc::sql
