// Batch POSTs over Client::post, with one request-log row per operation.
#include "graph/batch.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/error_parse.h"
#include "graph/retry_policy.h"
#include "net/json_body.h"
#include "net/redact.h"
#include "net/url.h"

namespace igodbc::graph {

namespace {

std::optional<int> nonZero(int v) {
  return v != 0 ? std::optional<int>(v) : std::nullopt;
}

// A transient failure (5xx, codes 1/2, throttling, is_transient) says nothing about the operation itself.
bool transient(const BatchResult& r) {
  return r.status == 0 ||
         (r.error && isTransientGraphCode(r.error->code, r.error->httpStatus, r.error->transient));
}

// A single operation as a plain GET (with the client's retry policy), with the batch result shape. A
// transient failure left after the retries fails the call: handing it back as the operation's answer would
// let a caller take a blip for "no data".
BatchResult single(Client& client, const BatchOp& op) {
  BatchResult r;
  try {
    Response res = client.get(op.path, op.params);
    r.status = 200;
    r.json = res.json;
    r.seq = res.seq;
  } catch (const GraphError& e) {
    if (isTransientGraphCode(e.code, e.httpStatus, e.transient)) throw;
    r.status = e.httpStatus;
    r.error = e;
    std::vector<RequestRecord> log = client.log().snapshot();
    r.seq = log.empty() ? 0 : log.back().seq;
  }
  return r;
}

}  // namespace

std::string relativeUrl(const BatchOp& op) {
  checkRelativePath(op.path);
  std::string url = op.path;
  if (!op.params.empty()) url += "?" + encodeParams(op.params);
  return url;
}

std::string batchJson(const std::vector<BatchOp>& ops) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const BatchOp& op : ops) {
    std::string url = relativeUrl(op);
    w.StartObject();
    w.Key("method");
    w.String("GET");
    w.Key("relative_url");
    w.String(url.c_str(), static_cast<rapidjson::SizeType>(url.size()));
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::vector<BatchResult> parseBatchResponse(const rapidjson::Value& items, size_t opCount) {
  std::vector<BatchResult> out(opCount);
  if (!items.IsArray()) return out;
  for (rapidjson::SizeType i = 0; i < items.Size() && i < opCount; ++i) {
    const rapidjson::Value& item = items[i];
    if (!item.IsObject()) continue;  // null: the batch timed out before this operation finished
    BatchResult& r = out[i];
    auto code = item.FindMember("code");
    r.status = code != item.MemberEnd() && code->value.IsInt() ? code->value.GetInt() : 0;
    auto body = item.FindMember("body");
    if (body == item.MemberEnd() || !body->value.IsString()) {
      if (r.status >= 200 && r.status < 300) r.status = 0;
      continue;
    }
    std::string_view text(body->value.GetString(), body->value.GetStringLength());
    if (r.status < 200 || r.status > 299) {
      r.error = graphErrorFromResponse(r.status, text, {});
      continue;
    }
    std::string parseError;
    std::shared_ptr<rapidjson::Document> doc = parseJsonBody(text, parseError);
    if (!doc) {
      r.status = 0;
      continue;
    }
    if (auto e = graphErrorFromJson(r.status, *doc, {})) {
      r.error = std::move(*e);
      continue;
    }
    r.json = std::move(doc);
  }
  return out;
}

std::vector<BatchResult> runBatch(Client& client, const std::vector<BatchOp>& ops) {
  std::vector<BatchResult> results;
  results.reserve(ops.size());
  for (size_t start = 0; start < ops.size(); start += kMaxBatchOps) {
    std::vector<BatchOp> chunk(
        ops.begin() + static_cast<std::ptrdiff_t>(start),
        ops.begin() + static_cast<std::ptrdiff_t>(std::min(ops.size(), start + kMaxBatchOps)));
    if (chunk.size() == 1) {
      results.push_back(single(client, chunk[0]));
      continue;
    }
    // A JSON body: 50 operations form-encoded can exceed the body caps of some HTTP servers.
    Response res = client.postReadJson("", {{"batch", batchJson(chunk)}, {"include_headers", "false"}});
    std::vector<BatchResult> parsed = parseBatchResponse(*res.json, chunk.size());
    for (size_t i = 0; i < chunk.size(); ++i) {
      BatchResult& r = parsed[i];
      if (r.status != 0) {  // an answer, even a failed one, is logged as its own row
        r.seq = client.log().start("GET", redactUrl(relativeUrl(chunk[i])), 1, res.seq);
        std::optional<int> code, subcode;
        if (r.error) code = nonZero(r.error->code), subcode = nonZero(r.error->subcode);
        client.log().finish(r.seq, r.status, code, subcode, std::nullopt, std::nullopt, "");
      }
      if (transient(r)) {  // unanswered, unreadable or a transient failure: ask again on its own
        results.push_back(single(client, chunk[i]));
        continue;
      }
      results.push_back(std::move(r));
    }
  }
  return results;
}

}  // namespace igodbc::graph
