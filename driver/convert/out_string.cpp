#include "driver/convert/out_string.h"

#include <cstring>
#include <string>

#include "driver/convert/unicode.h"

namespace igodbc::driver {

ChunkResult writeChunk(std::string_view encoded, Encoding encoding, void* buf, size_t bufBytes,
                       bool mustProgress) {
  ChunkResult r;
  const size_t term = encoding == Encoding::Utf8 ? 1 : encoding == Encoding::Utf16 ? 2 : 0;
  if (!buf) bufBytes = 0;
  if (bufBytes < term) {  // not even the terminator fits: nothing is written
    r.truncated = true;
    return r;
  }
  size_t room = bufBytes - term;
  size_t n = encoded.size();
  if (n > room) {
    switch (encoding) {
      case Encoding::Utf8:
        n = utf8Boundary(encoded, room);
        if (n == 0 && mustProgress) n = room;
        break;
      case Encoding::Utf16: {
        size_t units = room / 2;
        // Read the unit before the cut without assuming alignment of the encoded bytes.
        char16_t last = 0;
        if (units > 0) std::memcpy(&last, encoded.data() + (units - 1) * 2, 2);
        if (last >= 0xD800 && last <= 0xDBFF && (units > 1 || !mustProgress)) --units;
        n = units * 2;
        break;
      }
      case Encoding::Binary:
        n = room;
        break;
    }
    r.truncated = true;
  }
  if (n > 0) std::memcpy(buf, encoded.data(), n);
  if (term) std::memset(static_cast<char*>(buf) + n, 0, term);
  r.consumed = n;
  return r;
}

StringWrite writeString(std::string_view utf8, const OutString& out) {
  StringWrite w;
  const size_t cap = out.capacity > 0 ? static_cast<size_t>(out.capacity) : 0;
  if (!out.wide) {
    ChunkResult c = writeChunk(utf8, Encoding::Utf8, out.buffer, cap);
    w.length = static_cast<SQLLEN>(utf8.size());
    w.truncated = c.truncated;
    return w;
  }
  std::u16string u = utf8ToUtf16(utf8);
  std::string_view bytes(reinterpret_cast<const char*>(u.data()), u.size() * 2);
  size_t capBytes = out.capacityInBytes ? cap & ~static_cast<size_t>(1) : cap * 2;
  ChunkResult c = writeChunk(bytes, Encoding::Utf16, out.buffer, capBytes);
  w.length = static_cast<SQLLEN>(out.capacityInBytes ? u.size() * 2 : u.size());
  w.truncated = c.truncated;
  return w;
}

}  // namespace igodbc::driver
