// The IDs a walk has just listed (its current page), kept so that a lookup a join drives one parent at a time
// (SQLite runs the inner table once per outer row: Media → MediaChildren) can read the parent together with
// its page neighbours in one ids= call (at most 50 IDs). The batches are fixed slices of
// the page, so every parent of a slice makes the identical GET and the response cache answers all but the
// first. Pure logic.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace igodbc::sql {

class ListedIds {
 public:
  // The walk `owner` fetched a page: its IDs in page order (replacing whatever page was listed).
  void setPage(const void* owner, std::vector<std::string> ids);
  // The walk `owner` ends: its page is forgotten (unless another walk listed a page since).
  void release(const void* owner);
  // Whether the page listed now is `owner`'s (another walk may have listed one since, or released it).
  bool listedBy(const void* owner) const { return owner != nullptr && owner_ == owner; }
  // The slice of at most `size` IDs holding `id`, in page order; empty when `id` is not on the page, or when
  // an ids= call for its slice was refused.
  std::vector<std::string> sliceOf(const std::string& id, size_t size) const;
  // An ids= call for the slice holding `id` failed (an ID Graph no longer knows): its IDs are read alone.
  void refuse(const std::string& id, size_t size);

 private:
  const void* owner_ = nullptr;
  std::vector<std::string> ids_;
  std::unordered_map<std::string, size_t> position_;
  std::set<size_t> refused_;  // first positions of refused slices
};

}  // namespace igodbc::sql
