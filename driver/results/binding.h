// Addresses of bound buffers inside row arrays: column-wise (element after element) or row-wise
// (SQL_ATTR_ROW_BIND_TYPE / SQL_ATTR_PARAM_BIND_TYPE = struct size), shifted by the bind offset pointer.
#pragma once

#include <cstring>

#include "driver/handles/descriptor.h"

namespace igodbc::driver {

// Data of element `row`; `elementSize` is the column-wise stride (BufferLength, or the C type's size).
// `nullBaseIsOffset`: parameters may be bound with a null data pointer that is only an offset into the
// SQL_ATTR_PARAM_BIND_OFFSET_PTR buffer (pyodbc's fast_executemany binds its first parameter that way).
inline char* boundData(const Descriptor& d, const DescRecord& r, SQLULEN row, size_t elementSize,
                       bool nullBaseIsOffset = false) {
  if (!r.dataPtr && !(nullBaseIsOffset && d.bindOffsetPtr)) return nullptr;
  SQLLEN offset = d.bindOffsetPtr ? *d.bindOffsetPtr : 0;
  size_t stride = d.bindType == SQL_BIND_BY_COLUMN ? elementSize : static_cast<size_t>(d.bindType);
  return static_cast<char*>(r.dataPtr) + offset + row * stride;
}

// Indicator or octet-length element `row` (SQLLEN arrays in column-wise binding).
inline SQLLEN* boundLength(const Descriptor& d, SQLLEN* base, SQLULEN row) {
  if (!base) return nullptr;
  SQLLEN offset = d.bindOffsetPtr ? *d.bindOffsetPtr : 0;
  size_t stride = d.bindType == SQL_BIND_BY_COLUMN ? sizeof(SQLLEN) : static_cast<size_t>(d.bindType);
  return reinterpret_cast<SQLLEN*>(reinterpret_cast<char*>(base) + offset + row * stride);
}

// Row-wise buffers may be packed (pyodbc's fast_executemany is): lengths are read and written without
// assuming alignment.
inline SQLLEN loadLength(const SQLLEN* p) {
  SQLLEN v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void storeLengthAt(SQLLEN* p, SQLLEN v) {
  std::memcpy(p, &v, sizeof v);
}

}  // namespace igodbc::driver
