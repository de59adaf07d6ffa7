// The record of Graph calls behind sys_requests. URLs are stored redacted.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace igodbc::graph {

struct RequestRecord {
  int seq = 0;
  int64_t startedMs = 0;  // from the start of the statement
  std::string method;
  std::string url;  // redacted
  std::optional<int> batchSeq;
  int attempt = 1;
  std::optional<int> status;
  std::optional<int> errorCode;
  std::optional<int> errorSubcode;
  std::optional<int64_t> elapsedMs;
  std::optional<int64_t> bytes;
  int rows = 0;
  bool fromCache = false;
  std::string apiVersion;  // facebook-api-version header; empty when absent
};

class RequestLog {
 public:
  // A new statement starts. Its first request replaces the log, so statements that make no call (those that
  // read only sys_* tables) leave the previous statement's log in place.
  void beginStatement();
  // Records the start of a request and returns its Seq.
  int start(std::string method, std::string redactedUrl, int attempt, std::optional<int> batchSeq = {});
  void finish(int seq, std::optional<int> status, std::optional<int> errorCode,
              std::optional<int> errorSubcode, std::optional<int64_t> elapsedMs, std::optional<int64_t> bytes,
              std::string apiVersion);
  void addRows(int seq, int rows);
  // Records a request answered from the response cache (FromCache = 1, no network exchange) and returns its
  // Seq. `original` is the entry of the exchange that produced the answer.
  int reused(const RequestRecord& original);
  // A copy of the entry `seq`; nullopt when the log no longer holds it.
  std::optional<RequestRecord> entry(int seq) const;
  std::vector<RequestRecord> snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::vector<RequestRecord> records_;
  bool pendingReset_ = false;
  std::chrono::steady_clock::time_point statementStart_ = std::chrono::steady_clock::now();
};

}  // namespace igodbc::graph
