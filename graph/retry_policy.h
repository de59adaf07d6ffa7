// Which failed Graph exchanges are repeated, how long to wait before the next attempt, and when to give up.
// Pure: the clock and the random source are passed in, so the rules are tested without HTTP.
#pragma once

#include <cstdint>
#include <exception>
#include <string>

namespace igodbc::graph {

struct RetryConfig {
  int maxRetries = 4;              // MaxRetries: repeats after the first attempt (0 = never repeat)
  double maxSeconds = 60;          // RetryMaxSeconds: total time a call may spend waiting between attempts
  double baseDelaySeconds = 0.25;  // first backoff step; doubles per attempt, full jitter
  double maxDelaySeconds = 20;     // one wait never exceeds this
};

// What the failed attempt was: a read may be repeated blindly, a write only when it provably never left.
enum class RequestKind { Read, Write };

struct RetryDecision {
  bool retry = false;
  double waitSeconds = 0;
  std::string giveUpNote;  // when !retry after a transient failure: what happened and when to try again
};

// The Graph error codes that are retried (Meta's documented transient codes and field practice): 1, 2, 4, 17,
// 32, 341, 368, 613, 80001, 80002, any is_transient, HTTP 429 and 5xx without a code.
bool isTransientGraphCode(int code, int httpStatus, bool isTransient);
bool isThrottleCode(int code);

// Decides about `failure` (a GraphError / NetworkError / TimeoutError; anything else is never retried) after
// `attempt` attempts, `elapsedSeconds` after the first started. `random01` is uniform in [0, 1).
RetryDecision decideRetry(const std::exception& failure, RequestKind kind, int attempt, double elapsedSeconds,
                          const RetryConfig& config, double random01);

// Retry-After as seconds (delta-seconds only; HTTP dates are not used by Graph); -1 when absent or invalid.
double parseRetryAfter(const std::string& value);

}  // namespace igodbc::graph
