// CALL/EXEC -> the SELECT over a procedure's table-valued function (sql/procedures/procedures.cpp), and the
// value rules of sql/writes/text_rules.cpp.
#include <catch2/catch.hpp>

#include "sql/engine/engine.h"
#include "sql/procedures/procedures.h"
#include "sql/writes/text_rules.h"

using igodbc::sql::EngineError;
using igodbc::sql::rewriteProcedureCall;

namespace {

std::string failure(const std::string& sql) {
  try {
    rewriteProcedureCall(sql);
  } catch (const EngineError& e) {
    return e.diag.sqlstate + " " + e.diag.message;
  }
  return "ok";
}

}  // namespace

TEST_CASE("statements that are not calls are left alone", "[procedures]") {
  CHECK_FALSE(rewriteProcedureCall("SELECT 1"));
  CHECK_FALSE(rewriteProcedureCall("  select * from Media"));
  CHECK_FALSE(rewriteProcedureCall("CALLS"));
}

TEST_CASE("CALL passes positional arguments in declared order and fills the rest with NULL", "[procedures]") {
  CHECK(*rewriteProcedureCall("CALL GetContainerStatus('17889455560051444')") ==
        "SELECT * FROM main.\"igodbc_proc_GetContainerStatus\"('17889455560051444')");
  CHECK(*rewriteProcedureCall("call publishmedia(?, ?);") ==
        "SELECT * FROM main.\"igodbc_proc_PublishMedia\"(?, ?, NULL)");
  CHECK(*rewriteProcedureCall("CALL Instagram.PublishMedia(NULL, 'x', 5)") ==
        "SELECT * FROM main.\"igodbc_proc_PublishMedia\"(NULL, 'x', 5)");
}

TEST_CASE("EXEC takes named arguments in any order, case-insensitively", "[procedures]") {
  CHECK(*rewriteProcedureCall("EXEC PublishMedia @waitseconds = 120, @ContainerId = '1'") ==
        "SELECT * FROM main.\"igodbc_proc_PublishMedia\"(NULL, '1', 120)");
  CHECK(*rewriteProcedureCall("EXECUTE PublishMedia NULL, '1'") ==
        "SELECT * FROM main.\"igodbc_proc_PublishMedia\"(NULL, '1', NULL)");
  CHECK(*rewriteProcedureCall("EXEC ReplyToMention @MediaId='1', @Message='it''s ok'") ==
        "SELECT * FROM main.\"igodbc_proc_ReplyToMention\"(NULL, '1', NULL, 'it''s ok')");
}

TEST_CASE("call errors carry the documented texts", "[procedures]") {
  CHECK(failure("EXEC PublishMedia @Nope = 1, @ContainerId='1'") ==
        "42000 [instagram-odbc] Procedure PublishMedia has no parameter @Nope");
  CHECK(failure("EXEC PublishMedia @WaitSeconds = 1") ==
        "42000 [instagram-odbc] Procedure PublishMedia needs parameter @ContainerId");
  CHECK(failure("CALL GetContainerStatus('1', '2')").rfind("42000", 0) == 0);
  CHECK(failure("CALL Nope()").find("Procedure Nope does not exist") != std::string::npos);
  CHECK(failure("CALL GetContainerStatus((SELECT 1))").rfind("42000", 0) == 0);
  CHECK(failure("CALL GetContainerStatus('1'").rfind("42000", 0) == 0);
  CHECK(failure("EXEC PublishMedia @ContainerId='1', @ContainerId='2'").rfind("42000", 0) == 0);
}

TEST_CASE("every procedure has a handler and unique parameter names", "[procedures]") {
  for (const auto& p : igodbc::sql::allProcedures()) {
    CHECK(p.handler);
    CHECK_FALSE(p.columns.empty());
    CHECK(igodbc::sql::procedureOfTable(igodbc::sql::procedureTableName(p.name)) == &p);
  }
}

TEST_CASE("text rules count code points, hashtags and list items", "[text]") {
  using namespace igodbc::sql;
  CHECK(codePoints("héllo") == 5);
  CHECK(countTags("#a #b # c #_d x#e", '#') == 4);
  CHECK(countTags("@jane @ bob", '@') == 1);
  CHECK(splitList(" a, b,,c ") == std::vector<std::string>{"a", "b", "c"});
  CHECK(jsonEscape("a\"b\\c\n") == "a\\\"b\\\\c\\u000a");
  CHECK_THROWS_AS(checkLength("Comments", "Text", std::string(301, 'x'), 300), EngineError);
  try {
    checkCommentText("Comments", "Text", "#a #b #c #d #e");
    FAIL("no error");
  } catch (const EngineError& e) {
    CHECK(e.diag.sqlstate == "22023");
    CHECK(e.diag.message ==
          "[instagram-odbc] Comments.Text: 5 hashtags; Instagram accepts at most 4 per comment");
  }
}
