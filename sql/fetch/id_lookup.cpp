#include "sql/fetch/id_lookup.h"

#include <algorithm>

#include "graph/error_codes.h"
#include "sql/engine/error_mapping.h"

namespace igodbc::sql {

namespace {
const rapidjson::Value* member(const rapidjson::Value& object, const std::string& name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(rapidjson::StringRef(name.data(), name.size()));
  return it == object.MemberEnd() ? nullptr : &it->value;
}
}  // namespace

IdLookup::IdLookup(FetchContext& ctx, std::vector<std::string> ids, std::string fields, ListedIds* listed,
                   ListedIds* alsoListed)
    : ctx_(ctx), fields_(std::move(fields)), listed_(listed), alsoListed_(alsoListed) {
  for (std::string& id : ids)
    if (plausibleId(id)) ids_.push_back(std::move(id));
}

bool IdLookup::fetchOne(const std::string& id) {
  try {
    graph::Response r = ctx_.graph().get(id, {{"fields", fields_}});
    page_ = r.json;
    seq_ = r.seq;
    keyed_ = false;
    return true;
  } catch (const graph::GraphError& e) {
    if (!isUnknownKey(e)) throw;
    ctx_.warn("No object with ID " + id + " can be read: " + quoteGraph(e));
    return false;
  }
}

bool IdLookup::fetchWithNeighbours(const std::string& id) {
  ListedIds* listed = listed_;
  std::vector<std::string> slice = listed ? listed->sliceOf(id, kMaxIds) : std::vector<std::string>{};
  if (slice.empty() && alsoListed_) slice = (listed = alsoListed_)->sliceOf(id, kMaxIds);
  if (slice.size() < 2) return fetchOne(id);
  std::string list;
  for (const std::string& s : slice)
    if (plausibleId(s)) list += (list.empty() ? "" : ",") + s;
  try {
    graph::Response r = ctx_.graph().get("", {{"ids", list}, {"fields", fields_}});
    page_ = r.json;
    seq_ = r.seq;
    keyed_ = true;
    return true;
  } catch (const graph::GraphError& e) {
    // 100: an ID of the slice is unknown; 1: the slice's answer is too large ("Please reduce the
    // amount of data"), likely with nested edges. Either way the ID alone still answers.
    if (!isUnknownKey(e) && e.code != graph::codes::kInvalidParameter && e.code != graph::codes::kUnknown)
      throw;
    listed->refuse(id, kMaxIds);  // the slice's other IDs are read alone too
    return fetchOne(id);
  }
}

bool IdLookup::fetchMany() {
  size_t end = std::min(ids_.size(), nextId_ + kMaxIds);
  std::string list;
  for (size_t k = nextId_; k < end; ++k) list += (list.empty() ? "" : ",") + ids_[k];
  try {
    graph::Response r = ctx_.graph().get("", {{"ids", list}, {"fields", fields_}});
    page_ = r.json;
    seq_ = r.seq;
    keyed_ = true;
  } catch (const graph::GraphError& e) {
    // One unknown ID fails a whole ids= call: ask for each ID alone so the others still answer.
    if (!isUnknownKey(e) && e.code != graph::codes::kInvalidParameter) throw;
    singlesLeft_ = end - nextId_;
    return false;
  }
  chunk_.assign(ids_.begin() + static_cast<std::ptrdiff_t>(nextId_),
                ids_.begin() + static_cast<std::ptrdiff_t>(end));
  nextId_ = end;
  return true;
}

const rapidjson::Value* IdLookup::next(std::string& id) {
  for (;;) {
    if (page_ && chunkIndex_ < chunk_.size()) {
      const std::string& cid = chunk_[chunkIndex_++];
      const rapidjson::Value* obj = page_.get();
      if (keyed_) obj = member(*page_, cid);
      if (obj && obj->IsObject()) {
        id = cid;
        return obj;
      }
      continue;
    }
    page_.reset();
    chunk_.clear();
    chunkIndex_ = 0;
    if (nextId_ >= ids_.size()) return nullptr;
    if (singlesLeft_ > 0 || ids_.size() - nextId_ == 1) {
      if (singlesLeft_ > 0) --singlesLeft_;
      const std::string& cid = ids_[nextId_++];
      if (ids_.size() == 1 ? fetchWithNeighbours(cid) : fetchOne(cid)) chunk_.push_back(cid);
      continue;
    }
    fetchMany();
  }
}

}  // namespace igodbc::sql
