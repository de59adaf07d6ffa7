// UTF-8 <-> UTF-16 and the boundaries that keep characters whole.
#include <catch2/catch.hpp>
#include <string>

#include "driver/convert/out_string.h"
#include "driver/convert/unicode.h"

using namespace igodbc::driver;

TEST_CASE("UTF-8 and UTF-16 round trips", "[driver][unicode]") {
  const std::string samples[] = {"", "ascii", "héllo", "日本語", "😀 emoji", "mixed é😀日"};
  for (const std::string& s : samples) {
    INFO(s);
    std::u16string u = utf8ToUtf16(s);
    CHECK(utf16ToUtf8(u) == s);
    CHECK(utf16Length(s) == u.size());
  }
  CHECK(utf8ToUtf16("😀") == u"\xD83D\xDE00");
}

TEST_CASE("malformed input is replaced, not fatal", "[driver][unicode]") {
  CHECK(utf8ToUtf16(std::string("a\xFFz")) == u"a\uFFFDz");
  CHECK(utf8ToUtf16(std::string("a\xE6\x97")) == u"a\uFFFD\uFFFD");     // truncated sequence
  CHECK(utf8ToUtf16(std::string("\xC0\xAFz")) == u"\uFFFDz");           // overlong "/": one replacement
  CHECK(utf8ToUtf16(std::string("\xED\xA0\x80")) == u"\uFFFD");         // encoded surrogate
  CHECK(utf16ToUtf8(std::u16string(u"a\xD83Dz")) == "a\xEF\xBF\xBDz");  // lone high surrogate
  CHECK(utf16ToUtf8(std::u16string(u"\xDE00")) == "\xEF\xBF\xBD");      // lone low surrogate
  CHECK(utf16ToUtf8(static_cast<const SQLWCHAR*>(nullptr), 5).empty());
}

TEST_CASE("cuts never split a character", "[driver][unicode]") {
  const std::string s = "a😀b";  // 1 + 4 + 1 bytes
  CHECK(utf8Boundary(s, 0) == 0);
  CHECK(utf8Boundary(s, 1) == 1);
  CHECK(utf8Boundary(s, 2) == 1);
  CHECK(utf8Boundary(s, 4) == 1);
  CHECK(utf8Boundary(s, 5) == 5);
  CHECK(utf8Boundary(s, 99) == 6);
  const std::u16string u = u"a\xD83D\xDE00";
  CHECK(utf16Boundary(u.data(), u.size(), 2) == 1);
  CHECK(utf16Boundary(u.data(), u.size(), 3) == 3);
}

TEST_CASE("writeString: truncation, terminators and lengths", "[driver][unicode]") {
  char narrow[6];
  StringWrite w = writeString("héllo!", OutString{narrow, sizeof narrow, false, false});
  CHECK(w.truncated);
  CHECK(w.length == 7);
  CHECK(std::string(narrow) == "héll");  // 5 bytes fit, terminator in the sixth

  char tiny[2];
  w = writeString("é", OutString{tiny, sizeof tiny, false, false});
  CHECK(w.truncated);
  CHECK(tiny[0] == '\0');  // the 2-byte sequence does not fit beside the terminator

  SQLWCHAR wide[3];
  w = writeString("a😀", OutString{wide, 3, true, false});  // capacity in characters
  CHECK(w.truncated);
  CHECK(w.length == 3);
  CHECK(wide[0] == u'a');
  CHECK(wide[1] == 0);  // the pair would not fit with the terminator

  w = writeString("a😀", OutString{wide, 6, true, true});  // capacity in bytes: 3 units
  CHECK(w.length == 6);
  CHECK(w.truncated);

  w = writeString("abc", OutString{nullptr, 0, true, false});
  CHECK(w.length == 3);

  SQLWCHAR exact[4];
  w = writeString("a😀", OutString{exact, 4, true, false});
  CHECK_FALSE(w.truncated);
  CHECK(exact[3] == 0);
}
