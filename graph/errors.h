// Typed failures of a Graph exchange. sql/ turns them into SQLSTATEs; the text never holds a secret. The
// transport failures (network, TLS, cancel, time-out) are net/errors.h, included here.
#pragma once

#include <stdexcept>
#include <string>

#include "net/errors.h"

namespace igodbc::graph {

// The server answered with a Graph error body {"error": {...}} (or a non-2xx status without one).
class GraphError : public std::runtime_error {
 public:
  GraphError(const std::string& what, int httpStatus, int code, int subcode, std::string type,
             std::string graphMessage, std::string fbtraceId, bool transient)
      : std::runtime_error(what),
        httpStatus(httpStatus),
        code(code),
        subcode(subcode),
        type(std::move(type)),
        graphMessage(std::move(graphMessage)),
        fbtraceId(std::move(fbtraceId)),
        transient(transient) {}

  int httpStatus;
  // Wait hints of the response (Retry-After, estimated_time_to_regain_access); -1 when absent.
  double retryAfterSeconds = -1;
  int regainAccessMinutes = -1;
  std::string retryNote;  // set when the retry policy gave up: what happened and when to try again
  // For 190: what to change when the token belongs to the other login (token_family.h); empty otherwise.
  std::string authAdvice;
  int code;     // error.code; 0 when the body had none
  int subcode;  // error.error_subcode; 0 when absent
  std::string type;
  std::string graphMessage;
  std::string fbtraceId;
  bool transient;
};

}  // namespace igodbc::graph
