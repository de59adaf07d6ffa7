#include "graph/request_log.h"

namespace igodbc::graph {

void RequestLog::beginStatement() {
  std::lock_guard<std::mutex> lock(mutex_);
  pendingReset_ = true;
  statementStart_ = std::chrono::steady_clock::now();
}

int RequestLog::start(std::string method, std::string redactedUrl, int attempt, std::optional<int> batchSeq) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (pendingReset_) {
    records_.clear();
    pendingReset_ = false;
  }
  RequestRecord r;
  r.seq = static_cast<int>(records_.size()) + 1;
  r.startedMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                      statementStart_)
                    .count();
  r.method = std::move(method);
  r.url = std::move(redactedUrl);
  r.attempt = attempt;
  r.batchSeq = batchSeq;
  records_.push_back(std::move(r));
  return records_.back().seq;
}

void RequestLog::finish(int seq, std::optional<int> status, std::optional<int> errorCode,
                        std::optional<int> errorSubcode, std::optional<int64_t> elapsedMs,
                        std::optional<int64_t> bytes, std::string apiVersion) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (seq < 1 || static_cast<size_t>(seq) > records_.size()) return;
  RequestRecord& r = records_[static_cast<size_t>(seq) - 1];
  r.status = status;
  r.errorCode = errorCode;
  r.errorSubcode = errorSubcode;
  r.elapsedMs = elapsedMs;
  r.bytes = bytes;
  r.apiVersion = std::move(apiVersion);
}

void RequestLog::addRows(int seq, int rows) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (seq < 1 || static_cast<size_t>(seq) > records_.size()) return;
  records_[static_cast<size_t>(seq) - 1].rows += rows;
}

int RequestLog::reused(const RequestRecord& original) {
  const int seq = start(original.method, original.url, 1);
  std::lock_guard<std::mutex> lock(mutex_);
  RequestRecord& r = records_[static_cast<size_t>(seq) - 1];
  r.status = original.status;
  r.bytes = original.bytes;
  r.apiVersion = original.apiVersion;
  r.fromCache = true;
  return seq;
}

std::optional<RequestRecord> RequestLog::entry(int seq) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (seq < 1 || static_cast<size_t>(seq) > records_.size()) return std::nullopt;
  return records_[static_cast<size_t>(seq) - 1];
}

std::vector<RequestRecord> RequestLog::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return records_;
}

}  // namespace igodbc::graph
