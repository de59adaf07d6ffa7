// One cursor-paged Graph edge: the first request, then paging.next followed verbatim,
// ending only when `next` is absent. Holds only the current page. With read-ahead on, the next page is
// requested on a background lane as soon as the current one arrives (graph::Client::prefetchUrl), so it is
// in flight while the caller works through this one; the items and their order are the same either way.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "graph/client.h"

namespace igodbc::sql {

class PagedWalk {
 public:
  PagedWalk(graph::Client& client, std::string path, graph::Params params)
      : client_(client), path_(std::move(path)), params_(std::move(params)) {}

  // Consulted before each page after the first; returning false ends the walk without that request.
  void setContinue(std::function<bool()> more) { more_ = std::move(more); }
  // Turns read-ahead on. `wanted`: the most items the caller can use (a pushed LIMIT); no page is read
  // ahead once that many have arrived, so `LIMIT 10` stays one call. Not with setContinue, whose answer
  // depends on items not yet read.
  void readAhead(std::optional<int64_t> wanted) {
    readAhead_ = true;
    wanted_ = wanted;
  }

  // The next item of `data`, or nullptr at the end. Empty pages with a `next` are skipped over.
  const rapidjson::Value* next();

  int seq() const { return seq_; }           // RequestLog entry of the current page
  int pageNumber() const { return pages_; }  // 1-based page of the last item returned
  int64_t items() const { return items_; }   // items returned so far
  // `data` of the current page, or nullptr.
  const rapidjson::Value* pageItems() const { return data_; }
  // Every item of the current page has been returned (the next call to next() may fetch).
  bool pageDone() const { return !data_ || index_ >= data_->Size(); }

 private:
  void fetch();
  void checkNoRepeats();  // throws GraphError when the new page repeats an item of an earlier one

  graph::Client& client_;
  std::string path_;
  graph::Params params_;
  std::function<bool()> more_;
  bool readAhead_ = false;
  std::optional<int64_t> wanted_;
  int64_t received_ = 0;  // items on the pages fetched so far
  std::shared_ptr<const rapidjson::Document> page_;
  const rapidjson::Value* data_ = nullptr;
  rapidjson::SizeType index_ = 0;
  std::string nextUrl_;
  // The item IDs of the last kRecentPages pages: a page repeating one means a repeated cursor. Bounded, so a
  // long walk's memory does not grow with its items; a cursor that loops back further is still caught by
  // Instagram's own bound on a walk (10,000 items on /media).
  static constexpr size_t kRecentPages = 4;
  std::deque<std::unordered_set<std::string>> recentIds_;
  int seq_ = 0;
  int pages_ = 0;
  int64_t items_ = 0;
  bool done_ = false;
};

// The items of a response's "data" array, or nullptr when it has none.
const rapidjson::Value* dataArray(const rapidjson::Value& response);

}  // namespace igodbc::sql
