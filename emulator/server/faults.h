// Fault injection for tests: per endpoint pattern and probability, the failures the real Graph API
// produces — latency, 5xx, each throttling code with its usage headers, connection resets
// mid-body, truncated or invalid JSON, slow drip, token expiry after N calls, repeating paging cursors.
// Decisions come from one seeded generator, so a single-client run reproduces exactly.
//
// SPEC: rules separated by ',' or ';', each  KIND[:PROBABILITY[:PARAM]][@PATTERN]
//   KIND        latency(PARAM ms, default 200) | 5xx | throttle (any code) | throttle4 | throttle17 |
//   throttle32 |
//               throttle613 | throttle80001 | throttle80002 (PARAM = estimated_time_to_regain_access minutes,
//               default 0) | reset | truncated | invalid | drip (PARAM total ms, default 300) |
//               expire (PARAM = N: every call after the first N answers 190/463) | cursor (next repeats) |
//               deep (PARAM nesting levels added to the answer, default 100000) | long (every caption, text,
//               name, username and biography grows by PARAM KiB, default 1024) | huge (a body of PARAM MiB,
//               default 300, streamed, that never ends its JSON)
//   PROBABILITY 0..1 (default 1)
//   PATTERN     substring of the request path, '*' matches anything (default: every request); a leading
//               method and space limits it ("POST /comments"); the method BATCH limits it to the
//               operations inside batch requests, each answered on its own ("5xx:0.3@BATCH /insights")
#pragma once

#include <httplib.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "api/api.h"

namespace igemu {

enum class FaultKind {
  None,
  Latency,
  ServerError,
  Throttle,
  Reset,
  Truncated,
  Invalid,
  Drip,
  Expire,
  Cursor,
  Deep,
  Long,
  Huge
};

struct FaultRule {
  FaultKind kind = FaultKind::None;
  double probability = 1;
  int param = -1;        // kind-specific, -1 = default
  int throttleCode = 0;  // 0 = any of 4, 17, 32, 613, 80001, 80002
  std::string method;    // empty = any
  std::string pattern;   // empty = any path
};

struct FaultAction {
  FaultKind kind = FaultKind::None;
  int param = -1;
  int throttleCode = 0;
  uint64_t draw = 0;  // a further random number for the fault's details
};

class Faults {
 public:
  // Parses SPEC; on error returns false with `error` set.
  bool configure(const std::string& spec, uint64_t seed, std::string& error);
  bool enabled() const { return !rules_.empty(); }

  // The fault (at most one) for this request: the first rule that matches and fires. `method` is BATCH for
  // an operation inside a batch request.
  FaultAction pick(const std::string& method, const std::string& path);

  // Latency and answers that replace the API's (5xx, throttling, expiry): true when `out` is the answer.
  bool before(const FaultAction& a, ApiResponse& out, const std::string& trace_id, const std::string& path);
  // Damages the API's answer (truncated, invalid, cursor); `self_url` is this request's absolute URL.
  void after(const FaultAction& a, ApiResponse& out, const std::string& self_url);
  // Reset, drip and huge: installs a streaming body on `res` in place of the normal content. True when it
  // did.
  static bool stream(const FaultAction& a, const ApiResponse& out, httplib::Response& res);

 private:
  std::vector<FaultRule> rules_;
  std::mutex mutex_;
  std::mt19937_64 rng_;
  uint64_t calls_ = 0;  // requests seen, for expire
};

}  // namespace igemu
