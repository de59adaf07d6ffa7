#include "graph/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "graph/errors.h"

namespace igodbc::graph {

bool isThrottleCode(int code) {
  return code == 4 || code == 17 || code == 32 || code == 613 || code == 80001 || code == 80002;
}

bool isTransientGraphCode(int code, int httpStatus, bool isTransient) {
  if (isTransient || isThrottleCode(code)) return true;
  if (code == 1 || code == 2 || code == 341 || code == 368) return true;
  return code == 0 && (httpStatus == 429 || httpStatus >= 500);
}

double parseRetryAfter(const std::string& value) {
  if (value.empty() || value.size() > 9) return -1;
  for (char ch : value)
    if (ch < '0' || ch > '9') return -1;
  return std::strtod(value.c_str(), nullptr);
}

namespace {

std::string minutesText(double seconds) {
  long minutes = std::max(1L, static_cast<long>(std::ceil(seconds / 60)));
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

}  // namespace

RetryDecision decideRetry(const std::exception& failure, RequestKind kind, int attempt, double elapsedSeconds,
                          const RetryConfig& config, double random01) {
  RetryDecision d;
  double serverWait = -1;  // what the server asked for, when it did
  bool transient = false;
  bool throttled = false;
  if (const auto* g = dynamic_cast<const GraphError*>(&failure)) {
    transient = isTransientGraphCode(g->code, g->httpStatus, g->transient);
    throttled = isThrottleCode(g->code) || g->httpStatus == 429;
    if (g->regainAccessMinutes > 0) serverWait = g->regainAccessMinutes * 60.0;
    if (g->retryAfterSeconds >= 0) serverWait = std::max(serverWait, g->retryAfterSeconds);
    // The Graph API answered, so the write reached it: never repeated (a comment is never posted twice).
    if (kind == RequestKind::Write) return d;
  } else if (const auto* n = dynamic_cast<const NetworkError*>(&failure)) {
    transient = n->retryable;
    if (kind == RequestKind::Write && !n->notSent) return d;
  } else if (dynamic_cast<const TimeoutError*>(&failure)) {
    transient = kind == RequestKind::Read;
  }
  if (!transient) return d;

  const int retriesDone = attempt - 1;
  const double left = config.maxSeconds - elapsedSeconds;
  if (retriesDone >= config.maxRetries) {
    d.giveUpNote = "gave up after " + std::to_string(attempt) + (attempt == 1 ? " attempt" : " attempts");
  } else if (serverWait > left || serverWait > config.maxDelaySeconds) {
    d.giveUpNote = "Instagram asks to wait " + minutesText(serverWait) + " before the next call";
  } else {
    double step = config.baseDelaySeconds * std::ldexp(1.0, std::min(retriesDone, 20));
    double wait = std::min(config.maxDelaySeconds, step) * std::clamp(random01, 0.0, 1.0);  // full jitter
    wait = std::max(wait, serverWait);
    if (wait <= left) {
      d.retry = true;
      d.waitSeconds = wait;
      return d;
    }
    d.giveUpNote = "gave up after " + std::to_string(attempt) + " attempts in " +
                   std::to_string(static_cast<long>(std::ceil(elapsedSeconds))) + " s (RetryMaxSeconds)";
  }
  double again = serverWait > 0 ? serverWait : 60;
  d.giveUpNote += throttled ? "; try again in about " + minutesText(again) : "; try again in a minute";
  return d;
}

}  // namespace igodbc::graph
