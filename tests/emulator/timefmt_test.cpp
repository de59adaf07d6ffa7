#include "server/timefmt.h"

#include <catch2/catch.hpp>

using igemu::format_graph_timestamp;
using igemu::parse_time_param;

TEST_CASE("timestamps use the Graph format", "[time]") {
  CHECK(format_graph_timestamp(0) == "1970-01-01T00:00:00+0000");
  CHECK(format_graph_timestamp(1714564800) == "2024-05-01T12:00:00+0000");
  CHECK(format_graph_timestamp(1793534400) == "2026-11-01T12:00:00+0000");
  CHECK(format_graph_timestamp(951782400) == "2000-02-29T00:00:00+0000");  // leap day
  CHECK(format_graph_timestamp(-1) == "1969-12-31T23:59:59+0000");
}

TEST_CASE("since/until accept Unix seconds and ISO dates", "[time]") {
  CHECK(parse_time_param("1714564800") == 1714564800);
  CHECK(parse_time_param("-5") == -5);
  CHECK(parse_time_param("2024-05-01") == 1714521600);
  CHECK(parse_time_param("2024-05-01T12:00:00+0000") == 1714564800);
  CHECK(parse_time_param("2024-05-01T12:00:00Z") == 1714564800);
  CHECK(parse_time_param("2024-05-01T14:00:00+02:00") == 1714564800);
  CHECK(parse_time_param("2024-05-01T12:00") == 1714564800);
}

TEST_CASE("bad time parameters are rejected", "[time]") {
  for (const char* bad : {"", "abc", "12a", "2024-13-01", "2024-05-01T25:00:00", "2024-05-01X",
                          "99999999999999999999", "2024-05-01T12:00:00+0", "--1"}) {
    INFO(bad);
    CHECK_FALSE(parse_time_param(bad));
  }
}
