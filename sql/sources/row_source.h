// What the virtual-table cursor pulls rows from: one row source per declared table (source_*.cpp, registered
// below), each fetching pages lazily and keeping only the current page in memory.
#pragma once

#include <chrono>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/client.h"
#include "schema/schema.h"
#include "sql/engine/engine.h"
#include "sql/engine/value.h"
#include "sql/fetch/insight_memory.h"
#include "sql/fetch/listed_ids.h"
#include "sql/vtab/constraints.h"
#include "sql/vtab/fields.h"
#include "sql/vtab/plan.h"

namespace igodbc::sql {

// Per-connection state shared by every Instagram table of one engine (the module's client data).
struct ModuleState {
  explicit ModuleState(Engine& e) : engine(e) {}
  Engine& engine;
  // Account scope discovered through /me/accounts or /me, kept 10 minutes.
  std::vector<std::string> scope;
  std::chrono::steady_clock::time_point scopeAt;
  bool scopeValid = false;
  // Media kinds and rejected metrics learned by the insight tables.
  InsightMemory insights;
  // The media IDs of the latest Media walk page, for lookups a join drives one media at a time.
  ListedIds listedMedia;
  // The top-level comment IDs of the latest comments page a comment stream read, for replies lookups a join
  // drives one comment at a time.
  ListedIds listedComments;
  // The reply IDs of the latest replies page a comment stream read: the same for joins whose outer rows are
  // replies (Comments, which holds both, joined to Replies).
  ListedIds listedReplies;
};

// Everything a fetch strategy needs for one scan.
struct FetchContext {
  ModuleState& state;
  const schema::Table& table;
  const Plan& plan;
  const Constraints& constraints;
  FieldOptions options;
  // Set by a scan that reads this one to the end before its first row (the wide metric tables): warnings
  // are then reported once, with their final counts, instead of with every page.
  bool warnAtEndOnly = false;

  Engine& engine() const { return state.engine; }
  const Settings& settings() const { return state.engine.settings(); }
  bool facebookLogin() const { return options.facebookLogin; }
  // The Graph client; throws EngineError when the engine has none.
  graph::Client& graph() const;
  // The page size for an edge: its maximum, lowered by the PageSize property.
  int pageSize(int edgeMax) const;
  // The first page's size: the LIMIT hint when the statement's constraints all reached the API.
  int firstPageSize(int edgeMax) const;
  // How many rows of a walk the statement can use at most: the LIMIT hint when the statement's constraints
  // all reached the API (SQLite filters nothing out), else nullopt (every row may be needed).
  std::optional<int64_t> rowsWanted() const;
  // A 01000 warning on the statement (deduplicated by the engine).
  void warn(const std::string& text) const;
  int column(const char* name) const { return schema::columnIndex(table, name); }
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Fills `row` (one value per column) and returns true, or returns false at the end. `seq` is set to the
  // RequestLog entry of the response the row came from (0 when none).
  virtual bool next(Row& row, int& seq) = 0;
  // Called once when the scan is over, whether it ran to its end or was cut short (LIMIT, a closed cursor):
  // where a source reports what it still has to say (warnings). It may allocate and throw; a destructor,
  // which is noexcept, must not do either.
  virtual void finish() {}
};

// Opens the row source registered for ctx.table (by its declared name); throws EngineError when none is.
std::unique_ptr<RowSource> openSource(FetchContext& ctx);

// ---- registration ----------------------------------------------------------------------------------------
// Each row-source file (source_*.cpp) ends, outside any namespace, with
//   IGODBC_ROW_SOURCES(source_media, {"Media", &openMedia});
// naming itself (its file name without .cpp) and, for each declared table (schema/) it reads, the function
// that opens a scan. sql/CMakeLists.txt lists the files once (IGODBC_ROW_SOURCE_FILES) and generates the
// registry from that list (row_sources.cpp.in): it refers to every file's registration by name, so the
// linker keeps each row source even out of a static library (a misspelt name fails to link), and the
// registrations are constant data, complete before any code runs.

using OpenRowSource = std::unique_ptr<RowSource> (*)(FetchContext& ctx);

struct RowSourceRegistration {
  std::string_view table;  // the declared name, exactly
  OpenRowSource open;
};

// The registrations of one file.
struct RowSourceFile {
  const RowSourceRegistration* registrations;
  size_t count;
  std::string_view file;
};

// Every file of IGODBC_ROW_SOURCE_FILES (generated).
std::vector<const RowSourceFile*> rowSourceFiles();
// The row source of `table` (exact declared name); nullptr when none is registered.
OpenRowSource findRowSource(std::string_view table);
// What breaks the one-table-one-row-source rule: a declared table with no row source or several, a
// registration for a table nobody declared. Empty when all is well (a unit test checks it).
std::vector<std::string> rowSourceProblems();

#define IGODBC_ROW_SOURCES(file, ...)                                                     \
  namespace igodbc::sql::registered {                                                     \
  extern const RowSourceFile file;                                                        \
  constexpr RowSourceRegistration file##_registrations[] = {__VA_ARGS__};                 \
  const RowSourceFile file{file##_registrations, std::size(file##_registrations), #file}; \
  }                                                                                       \
  static_assert(std::size(igodbc::sql::registered::file##_registrations) > 0, #file " registers no table")

// AuthMode=InstagramLogin (case-insensitive); anything else is Facebook Login, the default.
bool instagramLogin(const Settings& settings);

// A source with no rows (empty scope, keys outside the scope, an impossible time range).
std::unique_ptr<RowSource> emptySource();

// Graph IDs travel in request paths: anything but letters, digits and '_' cannot be an ID and must never
// reach a URL path.
bool plausibleId(const std::string& id);

}  // namespace igodbc::sql
