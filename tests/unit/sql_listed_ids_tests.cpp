#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "sql/fetch/listed_ids.h"

using igodbc::sql::ListedIds;
using Ids = std::vector<std::string>;

namespace {
Ids numbered(int n) {
  Ids ids;
  for (int i = 0; i < n; ++i) ids.push_back(std::to_string(1000 + i));
  return ids;
}
}  // namespace

TEST_CASE("Every ID of a slice names the same slice, so their lookups make one identical call",
          "[sql][listed_ids]") {
  ListedIds listed;
  listed.setPage(&listed, numbered(120));
  const Ids first = listed.sliceOf("1000", 50);
  REQUIRE(first.size() == 50);
  CHECK(first.front() == "1000");
  CHECK(first.back() == "1049");
  CHECK(listed.sliceOf("1049", 50) == first);
  CHECK(listed.sliceOf("1017", 50) == first);
  const Ids second = listed.sliceOf("1050", 50);
  CHECK(second.front() == "1050");
  CHECK(second.back() == "1099");
  const Ids last = listed.sliceOf("1119", 50);
  CHECK(last.size() == 20);
  CHECK(last.front() == "1100");
}

TEST_CASE("IDs off the page, a new page and refused slices give no slice", "[sql][listed_ids]") {
  ListedIds listed;
  CHECK(listed.sliceOf("1000", 50).empty());
  listed.setPage(&listed, numbered(60));
  CHECK(listed.sliceOf("999", 50).empty());
  CHECK(listed.sliceOf("1000", 0).empty());
  listed.refuse("1003", 50);
  CHECK(listed.sliceOf("1049", 50).empty());
  CHECK(listed.sliceOf("1050", 50).size() == 10);
  int other = 0;
  listed.setPage(&other, {"7", "8"});
  CHECK(listed.sliceOf("1050", 50).empty());
  CHECK(listed.sliceOf("8", 50) == Ids{"7", "8"});
  listed.release(&listed);  // not the walk that listed the page: kept
  CHECK(listed.sliceOf("8", 50).size() == 2);
  listed.release(&other);
  CHECK(listed.sliceOf("8", 50).empty());
}

TEST_CASE("listedBy tells a walk whether the page listed now is still its own", "[sql][listed_ids]") {
  ListedIds listed;
  int outer = 0, inner = 0;
  CHECK_FALSE(listed.listedBy(&outer));
  CHECK_FALSE(listed.listedBy(nullptr));
  listed.setPage(&outer, {"1", "2"});
  CHECK(listed.listedBy(&outer));
  listed.setPage(&inner, {"3"});  // an inner scan of the same join lists its own page
  CHECK_FALSE(listed.listedBy(&outer));
  listed.release(&inner);
  CHECK_FALSE(listed.listedBy(&outer));
  CHECK_FALSE(listed.listedBy(&inner));
}
