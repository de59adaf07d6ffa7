#include "sql/fetch/paged_walk.h"

namespace igodbc::sql {

const rapidjson::Value* dataArray(const rapidjson::Value& response) {
  if (!response.IsObject()) return nullptr;
  auto it = response.FindMember("data");
  return it != response.MemberEnd() && it->value.IsArray() ? &it->value : nullptr;
}

void PagedWalk::fetch() {
  graph::Response r = pages_ == 0 ? client_.get(path_, params_) : client_.getUrl(nextUrl_);
  page_ = r.json;
  seq_ = r.seq;
  ++pages_;
  index_ = 0;
  data_ = dataArray(*page_);
  checkNoRepeats();
  nextUrl_.clear();
  if (page_->IsObject()) {
    auto paging = page_->FindMember("paging");
    if (paging != page_->MemberEnd() && paging->value.IsObject()) {
      auto next = paging->value.FindMember("next");
      if (next != paging->value.MemberEnd() && next->value.IsString())
        nextUrl_.assign(next->value.GetString(), next->value.GetStringLength());
    }
  }
  if (data_ != nullptr) received_ += data_->Size();
  if (readAhead_ && !more_ && !nextUrl_.empty() && (!wanted_ || received_ < *wanted_))
    client_.prefetchUrl(nextUrl_);
}

void PagedWalk::checkNoRepeats() {
  if (data_ == nullptr) return;
  if (recentIds_.size() == kRecentPages) recentIds_.pop_front();
  recentIds_.emplace_back();
  for (const rapidjson::Value& item : data_->GetArray()) {
    if (!item.IsObject()) continue;
    auto id = item.FindMember("id");
    if (id == item.MemberEnd() || !id->value.IsString()) continue;
    std::string key(id->value.GetString(), id->value.GetStringLength());
    bool seen = false;  // on one of the last pages, or earlier on this one
    for (const auto& page : recentIds_) seen = seen || page.count(key) != 0;
    if (!seen) recentIds_.back().insert(std::move(key));
    if (seen)
      throw graph::GraphError(
          "The Graph API repeated item " + std::string(id->value.GetString(), id->value.GetStringLength()) +
              " on page " + std::to_string(pages_) +
              " (a repeated paging cursor); the statement stops rather than return it twice. Run it again",
          200, 0, 0, "", "", "", true);
  }
}

const rapidjson::Value* PagedWalk::next() {
  while (!done_) {
    if (data_ && index_ < data_->Size()) {
      ++items_;
      return &(*data_)[index_++];
    }
    if (pages_ > 0 && (nextUrl_.empty() || (more_ && !more_()))) break;
    fetch();
  }
  done_ = true;
  page_.reset();  // release the last page as soon as the walk ends
  data_ = nullptr;
  return nullptr;
}

}  // namespace igodbc::sql
