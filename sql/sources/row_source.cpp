#include "sql/sources/row_source.h"

#include <strings.h>

#include <algorithm>

namespace igodbc::sql {

namespace {
class EmptySource : public RowSource {
 public:
  bool next(Row&, int&) override { return false; }
};
}  // namespace

graph::Client& FetchContext::graph() const {
  graph::Client* c = state.engine.graph();
  if (!c) throw EngineError({"HY000", 0, prefixed("This connection has no Graph API client")});
  return *c;
}

int FetchContext::pageSize(int edgeMax) const {
  return std::clamp(settings().pageSize, 1, edgeMax);
}

int FetchContext::firstPageSize(int edgeMax) const {
  int size = pageSize(edgeMax);
  std::optional<int64_t> hint = constraints.limitHint();
  if (hint && constraints.allNarrow()) size = static_cast<int>(std::clamp<int64_t>(*hint, 1, size));
  return size;
}

std::optional<int64_t> FetchContext::rowsWanted() const {
  std::optional<int64_t> hint = constraints.limitHint();
  return hint && constraints.allNarrow() ? hint : std::nullopt;
}

void FetchContext::warn(const std::string& text) const {
  state.engine.addWarning({"01000", 0, prefixed(text)});
}

bool instagramLogin(const Settings& settings) {
  return strcasecmp(settings.authMode.c_str(), "InstagramLogin") == 0;
}

std::unique_ptr<RowSource> emptySource() {
  return std::make_unique<EmptySource>();
}

bool plausibleId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  });
}

namespace {

struct Registered {
  std::string_view table;
  OpenRowSource open;
  std::string_view file;
};

const std::vector<Registered>& registrations() {
  static const std::vector<Registered> all = [] {
    std::vector<Registered> out;
    for (const RowSourceFile* f : rowSourceFiles())
      for (size_t i = 0; i < f->count; ++i)
        out.push_back({f->registrations[i].table, f->registrations[i].open, f->file});
    return out;
  }();
  return all;
}

}  // namespace

OpenRowSource findRowSource(std::string_view table) {
  for (const Registered& r : registrations())
    if (r.table == table) return r.open;
  return nullptr;
}

std::vector<std::string> rowSourceProblems() {
  std::vector<std::string> problems;
  for (const schema::Table& t : schema::allTables()) {
    std::string files;
    int count = 0;
    for (const Registered& r : registrations())
      if (r.table == t.name) files += (count++ ? ", " : "") + std::string(r.file);
    if (count == 0) problems.push_back("Table " + std::string(t.name) + " has no row source");
    if (count > 1)
      problems.push_back("Table " + std::string(t.name) + " has " + std::to_string(count) +
                         " row sources: " + files);
  }
  for (const Registered& r : registrations()) {
    const schema::Table* t = schema::findTable(r.table);
    if (!t || t->name != r.table)
      problems.push_back(std::string(r.file) + " registers a row source for " + std::string(r.table) +
                         ", which is not a declared table");
    if (!r.open)
      problems.push_back(std::string(r.file) + " registers no function for " + std::string(r.table));
  }
  return problems;
}

std::unique_ptr<RowSource> openSource(FetchContext& ctx) {
  OpenRowSource open = findRowSource(ctx.table.name);
  if (!open)
    throw EngineError(
        {"HY000", 0, prefixed("Table Instagram." + std::string(ctx.table.name) + " has no row source")});
  return open(ctx);
}

}  // namespace igodbc::sql
