// Typed failures of an HTTP exchange: no usable answer, TLS, a lost write outcome, cancel, time-out. sql/
// turns them into SQLSTATEs; the text never holds a secret. The Graph API's own error bodies are
// graph/errors.h.
#pragma once

#include <stdexcept>
#include <string>

namespace igodbc::graph {

// No usable answer: DNS, connect, TLS, reset, truncated or unparsable body (SQLSTATE 08S01).
class NetworkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  bool notSent = false;   // the connection was never established: even a write may be repeated
  bool retryable = true;  // false when repeating cannot help (response over the size bound)
};

// TLS verification failed: the certificate is not trusted, names another host, or does not match the pin.
// Nothing was sent, and repeating meets the same certificate: never retried. The text says what to set.
class TlsError : public NetworkError {
 public:
  explicit TlsError(const std::string& what) : NetworkError(what) {
    notSent = true;
    retryable = false;
  }
};

// A write that went out (in full or in part) and whose answer was lost: a reset, a truncated or unreadable
// answer, a timeout after sending. It may have been applied, so it is never repeated (SQLSTATE 08007).
class OutcomeUnknownError : public NetworkError {
 public:
  OutcomeUnknownError(const std::string& what, std::string method)
      : NetworkError(what), method(std::move(method)) {
    retryable = false;
  }
  std::string method;  // POST or DELETE
};

// The request was abandoned because the application cancelled the statement (SQLSTATE HY008).
class CancelledError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The per-request or statement time budget ran out (SQLSTATE HYT00).
class TimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  bool notSent = false;  // it ran out before the request started to go out (while connecting)
};

}  // namespace igodbc::graph
