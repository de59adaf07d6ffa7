// The text form of a number as SQL_C_CHAR / SQL_C_WCHAR show it, written into a caller's buffer without
// allocating: integers exactly (std::to_chars), doubles with the fewest significant digits that read back to
// the same value (std::to_chars' shortest round trip), laid out the way printf's %.<P>g lays them out with
// P = max(15, digits). That is exactly what the driver always printed (the smallest %.15g..%.17g that reads
// back), so every spelling stays the same; it is only found once, without printf and strtod.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace igodbc::driver {

// Room for any int64 ("-9223372036854775808", 20) or double ("-2.2250738585072014e-308", 24) text.
constexpr size_t kNumberTextMax = 32;

// Writes the decimal text of `v` into `out` (at least kNumberTextMax bytes, not terminated); returns its
// length.
size_t formatInt64To(int64_t v, char* out);

// Writes the text of `v` into `out` (at least kNumberTextMax bytes, not terminated); returns its length.
// NaN is "NaN", infinities "Inf" and "-Inf"; negative zero is "-0". Fixed notation while the decimal exponent
// X of the leading digit is -4 <= X < max(15, digits), else d[.ddd]e±XX (at least two exponent digits).
size_t formatDoubleTo(double v, char* out);

// A number's text held in place: what SQL_C_CHAR needs of one cell, with no allocation.
struct NumberText {
  char buf[kNumberTextMax];
  size_t size = 0;
  std::string_view view() const { return std::string_view(buf, size); }
};

}  // namespace igodbc::driver
