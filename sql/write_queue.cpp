// Sends the queued writes of one statement: one Graph call per row, in order, stopping at the first failure.
#include "sql/write_queue.h"

#include "graph/client.h"
#include "sql/error_mapping.h"

namespace igodbc::sql {

std::string partialFailureNote(int64_t written, int64_t total) {
  return std::to_string(written) + " of " + std::to_string(total) + " rows were written before the failure";
}

WriteOutcome WriteQueue::run(graph::Client* graph) {
  std::vector<WriteCall> calls;
  calls.swap(calls_);
  WriteOutcome out;
  const auto total = static_cast<int64_t>(calls.size());
  for (const WriteCall& call : calls) {
    out.inserted = out.inserted || call.createsId;
    try {
      if (call.method != WriteCall::Method::None && !graph)
        throw EngineError({"08003", 0, prefixed("No Graph connection: the write cannot be sent")});
      if (call.method == WriteCall::Method::Post) {
        graph::Response r = graph->post(call.path, call.form);
        if (call.createsId) {
          const rapidjson::Document& d = *r.json;
          if (!d.IsObject() || !d.HasMember("id") || !d["id"].IsString())
            throw EngineError({"HY000", 0,
                               prefixed("Instagram accepted the write to " + call.table +
                                        " but answered without the new id; read the table to find the row")});
          out.created.emplace_back(call.table, d["id"].GetString());
        }
      } else if (call.method == WriteCall::Method::Delete) {
        graph->del(call.path);
      }
      ++out.rows;
    } catch (...) {
      Diagnostic d = diagnoseCurrentException();
      if (total > 1) d.message += " (" + partialFailureNote(out.rows, total) + ")";
      out.error = std::move(d);
      break;
    }
  }
  return out;
}

}  // namespace igodbc::sql
