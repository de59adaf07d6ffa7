#include "server/paging.h"

#include <catch2/catch.hpp>

using namespace igemu;

TEST_CASE("cursors round-trip and look like Graph cursors", "[paging]") {
  const Cursor c{'M', "17895695668004550"};
  const std::string text = encode_cursor(42, c);
  CHECK(text.rfind("QVFI", 0) == 0);  // base64 of the "AQH" prefix real cursors share
  CHECK(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  CHECK(text.find("17895695668004550") == std::string::npos);
  const auto back = decode_cursor(42, text);
  REQUIRE(back);
  CHECK(back->kind == 'M');
  CHECK(back->id == "17895695668004550");
  CHECK(encode_cursor(42, c) == text);  // deterministic
}

TEST_CASE("forged or damaged cursors are rejected", "[paging]") {
  const std::string text = encode_cursor(42, {'M', "17895695668004550"});
  CHECK_FALSE(decode_cursor(7, text));  // another seed
  CHECK_FALSE(decode_cursor(42, ""));
  CHECK_FALSE(decode_cursor(42, "garbage"));
  CHECK_FALSE(decode_cursor(42, "QVFI"));
  CHECK_FALSE(decode_cursor(42, text.substr(0, text.size() - 1)));
  CHECK_FALSE(decode_cursor(42, text + "A"));
  CHECK_FALSE(decode_cursor(42, "%%%%"));
  CHECK_FALSE(decode_cursor(42, std::string(10000, 'A')));
  std::string flipped = text;
  flipped[8] = flipped[8] == 'A' ? 'B' : 'A';
  CHECK_FALSE(decode_cursor(42, flipped));
}

TEST_CASE("base64url", "[paging]") {
  CHECK(base64url_encode("AQH") == "QVFI");
  CHECK(base64url_encode("ab") == "YWI");
  CHECK(base64url_decode("YWI") == std::string("ab"));
  CHECK_FALSE(base64url_decode("Y"));
  CHECK_FALSE(base64url_decode("Y+I="));
}

TEST_CASE("page windows", "[paging]") {
  std::vector<size_t> all(10);
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;

  PageWindow w = select_window(all, std::nullopt, std::nullopt, 4);
  CHECK(w.begin == 0);
  CHECK(w.end == 4);
  CHECK_FALSE(w.has_previous);
  CHECK(w.has_next);

  w = select_window(all, 3, std::nullopt, 4);  // after item 3
  CHECK(w.begin == 4);
  CHECK(w.end == 8);
  CHECK(w.has_previous);
  CHECK(w.has_next);

  w = select_window(all, 7, std::nullopt, 4);  // the last page ends exactly at the end: no next
  CHECK(w.begin == 8);
  CHECK(w.end == 10);
  CHECK_FALSE(w.has_next);

  w = select_window(all, 5, std::nullopt, 4);  // exact multiple
  CHECK(w.end == 10);
  CHECK_FALSE(w.has_next);

  w = select_window(all, std::nullopt, 6, 4);  // before item 6
  CHECK(w.begin == 2);
  CHECK(w.end == 6);
  CHECK(w.has_previous);
  CHECK(w.has_next);

  w = select_window(all, 9, std::nullopt, 4);  // after the last item: empty, no links
  CHECK(w.begin == w.end);
  CHECK_FALSE(w.has_next);
  CHECK_FALSE(w.has_previous);

  // Filtered lists: positions refer to the unfiltered list.
  const std::vector<size_t> filtered = {2, 5, 6, 9};
  w = select_window(filtered, 4, std::nullopt, 2);
  CHECK(w.begin == 1);
  CHECK(w.end == 3);
  CHECK(w.has_next);
}

TEST_CASE("query strings keep raw encoding and replace cursors", "[paging]") {
  const auto params = parse_query("fields=id%2Ccaption&limit=100&access_token=t%2Bx&after=old&since=5&flag");
  REQUIRE(params.size() == 6);
  CHECK(params[0].key == "fields");
  CHECK(params[0].value == "id,caption");
  CHECK(params[2].value == "t+x");
  CHECK(params[5].key == "flag");
  CHECK(params[5].value.empty());
  CHECK(query_with_cursor(params, "after", "NEW") ==
        "fields=id%2Ccaption&limit=100&access_token=t%2Bx&since=5&flag&after=NEW");
  CHECK(query_with_cursor(params, "before", "B") ==
        "fields=id%2Ccaption&limit=100&access_token=t%2Bx&since=5&flag&before=B");
}

TEST_CASE("url decoding tolerates malformed escapes", "[paging]") {
  CHECK(url_decode("a%20b+c", true) == "a b c");
  CHECK(url_decode("a+b", false) == "a+b");
  CHECK(url_decode("%zz%4", true) == "%zz%4");
  CHECK(url_decode("%", true) == "%");
  CHECK(url_encode("a b/{}") == "a%20b%2F%7B%7D");
}
