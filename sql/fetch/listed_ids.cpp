#include "sql/fetch/listed_ids.h"

#include <algorithm>

namespace igodbc::sql {

void ListedIds::setPage(const void* owner, std::vector<std::string> ids) {
  owner_ = owner;
  ids_ = std::move(ids);
  position_.clear();
  refused_.clear();
  for (size_t i = 0; i < ids_.size(); ++i) position_.emplace(ids_[i], i);
}

void ListedIds::release(const void* owner) {
  if (owner != owner_ || owner == nullptr) return;
  setPage(nullptr, {});
}

std::vector<std::string> ListedIds::sliceOf(const std::string& id, size_t size) const {
  auto it = position_.find(id);
  if (it == position_.end() || size == 0) return {};
  const size_t first = it->second / size * size;
  if (refused_.count(first)) return {};
  const size_t end = std::min(ids_.size(), first + size);
  return std::vector<std::string>(ids_.begin() + static_cast<std::ptrdiff_t>(first),
                                  ids_.begin() + static_cast<std::ptrdiff_t>(end));
}

void ListedIds::refuse(const std::string& id, size_t size) {
  auto it = position_.find(id);
  if (it != position_.end() && size > 0) refused_.insert(it->second / size * size);
}

}  // namespace igodbc::sql
