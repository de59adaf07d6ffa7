#include "driver/results/scroll_position.h"

#include "driver/handles/diagnostics.h"

namespace igodbc::driver {

namespace {

SQLLEN signedSize(SQLULEN n) {
  return static_cast<SQLLEN>(n);
}

// A rowset that starts at `start` exists when row `start` does; otherwise the cursor is after the end.
ScrollTarget startingAt(SQLLEN start, const ResultRows& rows, bool partial = false) {
  if (start < 1 || !rows.exists(static_cast<SQLULEN>(start))) return ScrollTarget{kAfterEnd, false};
  return ScrollTarget{start, partial};
}

ScrollTarget absolute(SQLLEN offset, SQLULEN rowsetSize, const ResultRows& rows) {
  if (offset > 0) return startingAt(offset, rows);
  if (offset == 0) return ScrollTarget{kBeforeStart, false};
  const SQLLEN last = signedSize(rows.count());
  const SQLLEN back = -offset;
  if (back <= last) return ScrollTarget{last + offset + 1, false};
  if (back > signedSize(rowsetSize) || last == 0) return ScrollTarget{kBeforeStart, false};
  return ScrollTarget{1, true};
}

}  // namespace

ScrollTarget scrollTarget(SQLSMALLINT orientation, SQLLEN offset, SQLLEN current, SQLULEN rowsetSize,
                          SQLULEN lastRowsetSize, const ResultRows& rows) {
  const SQLLEN size = signedSize(rowsetSize);
  switch (orientation) {
    case SQL_FETCH_NEXT:
      if (current == kBeforeStart) return startingAt(1, rows);
      if (current == kAfterEnd) return ScrollTarget{kAfterEnd, false};
      return startingAt(current + signedSize(lastRowsetSize ? lastRowsetSize : rowsetSize), rows);
    case SQL_FETCH_PRIOR:
      if (current == kBeforeStart || current == 1) return ScrollTarget{kBeforeStart, false};
      if (current == kAfterEnd) {
        const SQLLEN last = signedSize(rows.count());
        if (last == 0) return ScrollTarget{kBeforeStart, false};
        return last >= size ? ScrollTarget{last - size + 1, false} : ScrollTarget{1, true};
      }
      if (current <= size) return ScrollTarget{1, true};
      return ScrollTarget{current - size, false};
    case SQL_FETCH_RELATIVE:
      if ((current == kBeforeStart && offset > 0) || (current == kAfterEnd && offset < 0))
        return absolute(offset, rowsetSize, rows);
      if (current == kBeforeStart) return ScrollTarget{kBeforeStart, false};
      if (current == kAfterEnd) return ScrollTarget{kAfterEnd, false};
      if (current + offset < 1) {
        if (current == 1 || -offset > size) return ScrollTarget{kBeforeStart, false};
        return ScrollTarget{1, true};
      }
      return startingAt(current + offset, rows);
    case SQL_FETCH_ABSOLUTE:
      return absolute(offset, rowsetSize, rows);
    case SQL_FETCH_FIRST:
      return startingAt(1, rows);
    case SQL_FETCH_LAST: {
      const SQLLEN last = signedSize(rows.count());
      if (last == 0) return ScrollTarget{kAfterEnd, false};
      return ScrollTarget{last >= size ? last - size + 1 : 1, false};
    }
    case SQL_FETCH_BOOKMARK:
      throw OdbcError("HY106", "Fetch type out of range: SQL_FETCH_BOOKMARK needs bookmarks, which are off");
    default:
      throw OdbcError("HY106", "Fetch type out of range: " + std::to_string(orientation));
  }
}

}  // namespace igodbc::driver
