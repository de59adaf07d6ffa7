#include "sql/paged_walk.h"

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
  nextUrl_.clear();
  if (page_->IsObject()) {
    auto paging = page_->FindMember("paging");
    if (paging != page_->MemberEnd() && paging->value.IsObject()) {
      auto next = paging->value.FindMember("next");
      if (next != paging->value.MemberEnd() && next->value.IsString())
        nextUrl_.assign(next->value.GetString(), next->value.GetStringLength());
    }
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
