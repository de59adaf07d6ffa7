// One row source per declared table (sql/sources/row_source.h, "registration"): every table of schema/ has
// exactly one, and nothing registers a table schema/ does not declare.
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/sources/row_source.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

TEST_CASE("every declared table has exactly one row source", "[sql][registry]") {
  for (const std::string& problem : rowSourceProblems()) FAIL_CHECK(problem);
  for (const schema::Table& t : schema::allTables()) {
    INFO(t.name);
    CHECK(findRowSource(t.name) != nullptr);
  }
}

TEST_CASE("the registry names each row-source file once", "[sql][registry]") {
  std::vector<std::string_view> files;
  size_t registrations = 0;
  for (const RowSourceFile* f : rowSourceFiles()) {
    REQUIRE(f);
    CHECK(f->count > 0);
    CHECK(std::find(files.begin(), files.end(), f->file) == files.end());
    files.push_back(f->file);
    registrations += f->count;
  }
  CHECK(registrations == schema::allTables().size());
  CHECK(findRowSource("NoSuchTable") == nullptr);
  CHECK(findRowSource("MentionedMedia") == findRowSource("MentionedComments"));  // one scan, two tables
}
