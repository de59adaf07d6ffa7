// Building blocks shared by the data generators: random text pieces in the shapes the real API
// uses (digit ids, CDN URLs, captions) and the allocator that keeps every id in the dataset unique.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "server/rng.h"

namespace igemu {
namespace gen {

std::string num(int64_t v);
std::string boolean(bool v);
std::string digits(Rng& r, size_t n);
std::string hex(Rng& r, size_t n);
std::string b64(Rng& r, size_t n);
std::string alnum(Rng& r, size_t n);
std::string image_url(Rng& r);
std::string video_url(Rng& r);

// Caption material: the hard cases every account shows first, fragments, and hashtags (with '#').
const std::vector<std::string>& special_captions();
const std::vector<std::string>& caption_fragments();
const std::vector<std::string>& hashtags();
std::string composed_caption(Rng& r);

// Random digit ids with a fixed prefix, unique across everything allocated so far.
class IdAllocator {
 public:
  std::string unique(Rng& r, const std::string& prefix, size_t total_digits);
  // Media, comment and container ids: mostly 17 digits, some 18, starting 17 or 18.
  std::string media_like(Rng& r);
  void reserve(const std::string& id) { used_.insert(id); }

 private:
  std::set<std::string> used_;
};

}  // namespace gen
}  // namespace igemu
