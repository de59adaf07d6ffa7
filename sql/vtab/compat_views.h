// CData compatibility: creates the compatibility views declared in schema/views.h in the
// Instagram schema, with IGMedia's INSTEAD OF DELETE trigger. Called only when CDataCompat=true.
#pragma once

namespace igodbc::sql {

class Engine;
void attachCompatViews(Engine& engine);

}  // namespace igodbc::sql
