// Where SQLFetchScroll moves a static cursor: the "cursor positioning rules" of the ODBC reference
// (SQLFetchScroll), as a pure function so that every rule is unit-tested without a result set.
#pragma once

#include <sqlext.h>

#include <functional>

namespace igodbc::driver {

// Rows are numbered from 1. A rowset start of 0 means "before start", -1 "after end".
constexpr SQLLEN kBeforeStart = 0;
constexpr SQLLEN kAfterEnd = -1;

// What the positioning rules need to know about the result set. Both read rows from the source as needed,
// so a cursor that only moves forward never reads further than the rowset it returns.
struct ResultRows {
  std::function<bool(SQLULEN row)> exists;  // is there a row number `row` (reads up to it)
  std::function<SQLULEN()> count;           // LastResultRow (reads the whole result)
};

struct ScrollTarget {
  SQLLEN start = kBeforeStart;  // first row of the new rowset, or kBeforeStart / kAfterEnd (SQL_NO_DATA)
  bool partialAtStart = false;  // 01S06: the request reached before row 1, so the rowset starts at row 1
};

// `current` is the start of the current rowset, `lastRowsetSize` the size it was fetched with.
// Throws OdbcError HY106 for orientations the driver does not support (SQL_FETCH_BOOKMARK: bookmarks off).
ScrollTarget scrollTarget(SQLSMALLINT orientation, SQLLEN offset, SQLLEN current, SQLULEN rowsetSize,
                          SQLULEN lastRowsetSize, const ResultRows& rows);

}  // namespace igodbc::driver
