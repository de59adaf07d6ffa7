// Deterministic pseudo-random streams for the data generator.
//
// We do not use <random> distributions: their output is implementation-defined, and the emulator
// promises byte-identical data for a seed on every toolchain. Each (seed, entity, field) triple gets
// its own stream, so adding a field or an entity never shifts the values of the others.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace igemu {

inline uint64_t fnv1a64(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  // A stream private to one entity/field pair.
  static Rng stream(uint64_t seed, std::string_view entity, std::string_view field = {}) {
    uint64_t h = fnv1a64(entity, mix64(seed));
    h = fnv1a64("/", h);
    h = fnv1a64(field, h);
    return Rng(mix64(h));
  }

  uint64_t next() {  // splitmix64
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }

  // Uniform in [0, n); n must be > 0. Rejection sampling keeps it unbiased.
  uint64_t below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t v;
    do {
      v = next();
    } while (v >= limit);
    return v % n;
  }

  // Uniform in [lo, hi], inclusive.
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }

  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

  bool chance(double p) { return unit() < p; }

  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  uint64_t state_;
};

}  // namespace igemu
