// The ODBC cursor positioning rules for static cursors (SQLFetchScroll), one case per rule.
#include <algorithm>
#include <catch2/catch.hpp>

#include "driver/handles/diagnostics.h"
#include "driver/results/scroll_position.h"

using namespace igodbc::driver;

namespace {

// A result of `total` rows that records how far it was read.
struct Rows {
  SQLULEN total;
  SQLULEN read = 0;
  ResultRows view() {
    return ResultRows{[this](SQLULEN n) {
                        read = std::max(read, std::min(n, total));
                        return n <= total;
                      },
                      [this] {
                        read = total;
                        return total;
                      }};
  }
};

ScrollTarget go(SQLSMALLINT orientation, SQLLEN offset, SQLLEN current, SQLULEN total, SQLULEN rowset = 10) {
  Rows r{total};
  return scrollTarget(orientation, offset, current, rowset, rowset, r.view());
}

}  // namespace

TEST_CASE("scroll: NEXT walks rowset by rowset and reads no further than it needs", "[scroll]") {
  Rows r{25};
  CHECK(scrollTarget(SQL_FETCH_NEXT, 0, kBeforeStart, 10, 0, r.view()).start == 1);
  CHECK(r.read == 1);
  CHECK(scrollTarget(SQL_FETCH_NEXT, 0, 11, 10, 10, r.view()).start == 21);
  CHECK(r.read == 21);
  CHECK(go(SQL_FETCH_NEXT, 0, 21, 25).start == kAfterEnd);
  CHECK(go(SQL_FETCH_NEXT, 0, kAfterEnd, 25).start == kAfterEnd);
  CHECK(go(SQL_FETCH_NEXT, 0, kBeforeStart, 0).start == kAfterEnd);
  // The previous rowset's size decides where NEXT goes when the rowset size changed in between.
  CHECK(scrollTarget(SQL_FETCH_NEXT, 0, 1, 5, 3, r.view()).start == 4);
}

TEST_CASE("scroll: PRIOR, with 01S06 when it would start before row 1", "[scroll]") {
  CHECK(go(SQL_FETCH_PRIOR, 0, kBeforeStart, 25).start == kBeforeStart);
  CHECK(go(SQL_FETCH_PRIOR, 0, 1, 25).start == kBeforeStart);
  ScrollTarget t = go(SQL_FETCH_PRIOR, 0, 5, 25);
  CHECK(t.start == 1);
  CHECK(t.partialAtStart);
  CHECK(go(SQL_FETCH_PRIOR, 0, 21, 25).start == 11);
  CHECK(go(SQL_FETCH_PRIOR, 0, kAfterEnd, 25).start == 16);
  CHECK(go(SQL_FETCH_PRIOR, 0, kAfterEnd, 4).start == 1);
  CHECK(go(SQL_FETCH_PRIOR, 0, kAfterEnd, 0).start == kBeforeStart);
}

TEST_CASE("scroll: RELATIVE", "[scroll]") {
  CHECK(go(SQL_FETCH_RELATIVE, 3, kBeforeStart, 25).start == 3);  // as ABSOLUTE
  CHECK(go(SQL_FETCH_RELATIVE, -3, kAfterEnd, 25).start == 23);   // as ABSOLUTE
  CHECK(go(SQL_FETCH_RELATIVE, -1, kBeforeStart, 25).start == kBeforeStart);
  CHECK(go(SQL_FETCH_RELATIVE, 1, kAfterEnd, 25).start == kAfterEnd);
  CHECK(go(SQL_FETCH_RELATIVE, -1, 1, 25).start == kBeforeStart);
  CHECK(go(SQL_FETCH_RELATIVE, -20, 5, 25).start == kBeforeStart);
  ScrollTarget t = go(SQL_FETCH_RELATIVE, -6, 5, 25);
  CHECK(t.start == 1);
  CHECK(t.partialAtStart);
  CHECK(go(SQL_FETCH_RELATIVE, 0, 7, 25).start == 7);  // refreshes the rowset
  CHECK(go(SQL_FETCH_RELATIVE, 4, 7, 25).start == 11);
  CHECK(go(SQL_FETCH_RELATIVE, 19, 7, 25).start == kAfterEnd);
}

TEST_CASE("scroll: ABSOLUTE, FIRST and LAST", "[scroll]") {
  CHECK(go(SQL_FETCH_ABSOLUTE, 0, 5, 25).start == kBeforeStart);
  CHECK(go(SQL_FETCH_ABSOLUTE, 25, 5, 25).start == 25);
  CHECK(go(SQL_FETCH_ABSOLUTE, 26, 5, 25).start == kAfterEnd);
  CHECK(go(SQL_FETCH_ABSOLUTE, -1, 5, 25).start == 25);
  CHECK(go(SQL_FETCH_ABSOLUTE, -25, 5, 25).start == 1);
  CHECK(go(SQL_FETCH_ABSOLUTE, -30, 5, 25).start == kBeforeStart);
  ScrollTarget t = go(SQL_FETCH_ABSOLUTE, -8, 5, 5);  // further back than the result, within a rowset
  CHECK(t.start == 1);
  CHECK(t.partialAtStart);
  CHECK(go(SQL_FETCH_FIRST, 0, 21, 25).start == 1);
  CHECK(go(SQL_FETCH_FIRST, 0, kBeforeStart, 0).start == kAfterEnd);
  CHECK(go(SQL_FETCH_LAST, 0, 1, 25).start == 16);
  CHECK(go(SQL_FETCH_LAST, 0, 1, 4).start == 1);
  CHECK(go(SQL_FETCH_LAST, 0, 1, 0).start == kAfterEnd);
}

TEST_CASE("scroll: bookmarks are off and unknown orientations are refused with HY106", "[scroll]") {
  for (SQLSMALLINT o : {SQLSMALLINT{SQL_FETCH_BOOKMARK}, SQLSMALLINT{99}}) {
    try {
      go(o, 0, 1, 25);
      FAIL("expected HY106");
    } catch (const OdbcError& e) {
      CHECK(e.record.sqlstate == "HY106");
    }
  }
}
