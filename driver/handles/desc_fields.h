// Which descriptor fields each descriptor kind has, and whether an application may set them: the
// "descriptor fields" table of the ODBC reference (SQLSetDescField), one row per field.
#pragma once

#include <sqlext.h>

#include "driver/handles/descriptor.h"

namespace igodbc::driver {

enum class FieldAccess { Unused, Read, ReadWrite };

// Unknown fields answer std::nullopt-like `known = false`.
struct FieldRule {
  bool known = false;
  bool header = false;
  FieldAccess access = FieldAccess::Unused;
};
FieldRule fieldRule(SQLSMALLINT field, DescRole role);

// SQLSetDescField's refusals, in the order the ODBC reference gives them: HY091 for an unknown field, HY016
// for any IRD field but the two status pointers, HY091 for a field this kind of descriptor does not have or
// only reads. Returns normally when the field may be set.
void requireSettable(SQLSMALLINT field, DescRole role);

}  // namespace igodbc::driver
