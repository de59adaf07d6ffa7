// Reads objects by ID: GET /{id}?fields=… for one ID, GET /?ids=a,b,…&fields=… for more
// (at most 50 per call), one call at a time and only when the caller needs it. IDs Graph does not know
// yield no object and a 01000 warning (a key that matches nothing). A lookup of one ID that `listed`
// holds (a join feeding IDs one at a time) reads the ID's slice of that page with ?ids= instead, so the
// slice's other IDs are answered by the response cache (sql/fetch/listed_ids.h). `alsoListed`, when given, is
// asked when `listed` does not hold the ID.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

#include "sql/fetch/listed_ids.h"
#include "sql/sources/row_source.h"

namespace igodbc::sql {

class IdLookup {
 public:
  IdLookup(FetchContext& ctx, std::vector<std::string> ids, std::string fields, ListedIds* listed = nullptr,
           ListedIds* alsoListed = nullptr);

  // The next object found, in ID order, with its ID; nullptr at the end.
  const rapidjson::Value* next(std::string& id);
  int seq() const { return seq_; }

  static constexpr size_t kMaxIds = 50;

 private:
  bool fetchOne(const std::string& id);
  bool fetchMany();
  bool fetchWithNeighbours(const std::string& id);

  FetchContext& ctx_;
  std::vector<std::string> ids_;
  std::string fields_;
  size_t nextId_ = 0;               // first ID not yet requested
  std::vector<std::string> chunk_;  // IDs of the current response
  size_t chunkIndex_ = 0;
  std::shared_ptr<const rapidjson::Document> page_;
  bool keyed_ = false;      // page_ is {"id": {...}, ...} rather than the object itself
  size_t singlesLeft_ = 0;  // IDs to ask one by one after an ids= call failed
  int seq_ = 0;
  ListedIds* listed_ = nullptr;
  ListedIds* alsoListed_ = nullptr;
};

}  // namespace igodbc::sql
