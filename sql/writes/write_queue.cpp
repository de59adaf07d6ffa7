// Sends the queued writes of one statement: one Graph call per row, in order, stopping at the first failure.
#include "sql/writes/write_queue.h"

#include <chrono>

#include "graph/client.h"
#include "sql/engine/error_mapping.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

constexpr int kLookupPages = 2;  // bounded: the lookup must not turn one lost answer into many calls
constexpr int kLookupPageSize = 50;
constexpr int64_t kClockSlack = 600;  // seconds this machine's clock may be ahead of Instagram's

int64_t unixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string member(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

// "Comments (MediaId = '1789…')": where the user looks for the row.
std::string table(const WriteCall& call) {
  const std::string parent = call.path.substr(0, call.path.find('/'));
  const bool reply = call.path.size() > 8 && call.path.compare(call.path.size() - 8, 8, "/replies") == 0;
  if (call.table == "Replies") return "Replies (CommentId = '" + parent + "')";
  return call.table + " (" + (reply ? "ParentId" : "MediaId") + " = '" + parent + "')";
}

// After a lost answer to a comment or reply POST: reads the newest entries of the same edge back and says
// whether one has the posted text and a timestamp from after the send. Someone else may have posted the same
// words meanwhile, so a match is named as the likely result, to check, never as proof. Empty for any other
// write.
std::string lookUpLostComment(graph::Client& graph, const WriteCall& call, int64_t sentAt) {
  const size_t slash = call.path.find('/');
  const std::string parent = call.path.substr(0, slash);
  const std::string edge = slash == std::string::npos ? "" : call.path.substr(slash + 1);
  if (call.method != WriteCall::Method::Post || (edge != "comments" && edge != "replies") ||
      call.form.empty() || call.form.front().first != "message")
    return "";
  const std::string& text = call.form.front().second;
  const std::string noun = edge == "comments" ? "comment" : "reply";
  int read = 0;
  try {
    graph::Response r = graph.getFresh(
        call.path, {{"fields", "id,text,timestamp"}, {"limit", std::to_string(kLookupPageSize)}});
    for (int page = 1;; ++page) {
      const rapidjson::Document& d = *r.json;
      if (!d.IsObject() || !d.HasMember("data") || !d["data"].IsArray()) break;
      for (const rapidjson::Value& c : d["data"].GetArray()) {
        if (!c.IsObject()) continue;
        ++read;
        std::optional<int64_t> at = parseGraphTimestamp(member(c, "timestamp"));
        if (member(c, "text") == text && at && *at >= sentAt - kClockSlack && !member(c, "id").empty())
          return "reading back " + parent + "'s " + edge + " found " + noun + " " + member(c, "id") +
                 " with the same text, posted " + member(c, "timestamp") +
                 ": most likely this INSERT's; check it before repeating the INSERT, or it will be posted "
                 "twice";
      }
      auto paging = d.FindMember("paging");
      if (page >= kLookupPages || paging == d.MemberEnd() || !paging->value.IsObject()) break;
      const std::string next = member(paging->value, "next");
      if (next.empty()) break;
      r = graph.getUrl(next);
    }
  } catch (const std::exception& e) {
    return "the " + noun + " may have been created, and reading back " + parent + "'s " + edge +
           " failed too (" + e.what() + "); check " + table(call) +
           " before retrying, or it may be posted twice";
  }
  return "the " + noun + " may have been created, but it was not found among the " + std::to_string(read) +
         " newest " + edge + " of " + parent + " read back just now; check " + table(call) +
         " again before retrying, or it may be posted twice";
}

}  // namespace

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
    const int64_t sentAt = unixNow();
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
    } catch (const graph::OutcomeUnknownError& e) {
      Diagnostic d = diagnoseOutcomeUnknown(e, graph ? lookUpLostComment(*graph, call, sentAt) : "");
      if (total > 1) d.message += " (" + partialFailureNote(out.rows, total) + ")";
      out.error = std::move(d);
      break;
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
