// The writes of one statement. xUpdate validates each row and queues its Graph call; when
// SQLite has finished the statement, every row has been validated and the calls are sent in order, one per
// row, stopping at the first failure. Also what the prepare-time authorizer learns about the write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sql/engine/diagnostic.h"
#include "sql/writes/write_rules.h"

namespace igodbc::graph {
class Client;
}

namespace igodbc::sql {

// What the statement being prepared writes, from SQLite's authorizer: xBestIndex marks the scans of the
// target table (they remember their rows for xUpdate and fetch only what the statement reads).
struct WriteIntent {
  WriteKind kind = WriteKind::None;
  std::string table;                                       // as declared
  std::vector<std::pair<std::string, std::string>> reads;  // (table, column) the statement reads
  void clear() { *this = WriteIntent(); }
};

struct WriteOutcome {
  int64_t rows = 0;                                          // rows written (or unchanged UPDATE rows)
  std::vector<std::pair<std::string, std::string>> created;  // (table, new Id), in order
  bool inserted = false;                                     // the statement was an INSERT
  std::optional<Diagnostic> error;                           // the failure that stopped the statement
};

class WriteQueue {
 public:
  void add(WriteCall call) { calls_.push_back(std::move(call)); }
  bool empty() const { return calls_.empty(); }
  void clear() { calls_.clear(); }
  // Sends the queued calls in order and empties the queue. Writes are never repeated blindly: the client's
  // retry policy repeats a write only when it provably never reached the server.
  WriteOutcome run(graph::Client* graph);

 private:
  std::vector<WriteCall> calls_;
};

// "2 of 5 rows were written before the failure" appended to a failure's message when several rows were due.
std::string partialFailureNote(int64_t written, int64_t total);

}  // namespace igodbc::sql
