// Graph batch requests: independent GETs sent as POST batch=[…] with
// at most 50 operations per call. Each operation gets its own result (a failing one does not fail the
// others) and its own sys_requests row carrying BatchSeq.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/client.h"
#include "graph/errors.h"

namespace igodbc::graph {

struct BatchOp {
  std::string path;  // relative, validated like Client::get's
  Params params;
};

struct BatchResult {
  int status = 0;                                   // the operation's code
  std::shared_ptr<const rapidjson::Document> json;  // the parsed body on success (non-null then)
  std::optional<GraphError> error;                  // the operation's Graph error
  int seq = 0;                                      // its RequestLog entry, for addRows
  bool ok() const { return json != nullptr && !error; }
};

inline constexpr size_t kMaxBatchOps = 50;

// The relative_url of an operation: path?k=v&… with values percent-encoded.
std::string relativeUrl(const BatchOp& op);

// The batch=[…] JSON text for the operations (method GET).
std::string batchJson(const std::vector<BatchOp>& ops);

// Parses one batch response array into per-operation results (no logging); a null item or a body that is
// not JSON gives status 0 and no json. Pure, for unit tests.
std::vector<BatchResult> parseBatchResponse(const rapidjson::Value& items, size_t opCount);

// Runs `ops` in batch POSTs of at most 50 operations; a single operation goes out as a plain GET. Operations
// a batch left unanswered (null items), answered unreadably or failed transiently (5xx, codes 1/2,
// throttling, is_transient) are sent again on their own, with the client's retry policy. The whole call
// fails (throws like Client::get) when a batch POST itself fails or an operation still fails transiently
// after its retries; the results hold only answers about the operations themselves (200 or a lasting
// Graph error such as code 100).
std::vector<BatchResult> runBatch(Client& client, const std::vector<BatchOp>& ops);

}  // namespace igodbc::graph
