#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "sql/engine/sql_guard.h"

using namespace igodbc::sql;

namespace {
SqlGuard guard() {
  return SqlGuard({"Accounts", "Media", "IGMedia", "IGMedia_delete", "proc_GetOAuthAccessToken"});
}
}  // namespace

TEST_CASE("firstKeyword skips blanks and comments", "[guard]") {
  CHECK(firstKeyword("  -- note\n /* x */ vacuum INTO 'a'") == "VACUUM");
  CHECK(firstKeyword("select 1") == "SELECT");
  CHECK(firstKeyword("   ") == "");
  CHECK(firstKeyword("/* never closed") == "");
}

TEST_CASE("skipBlanksAndComments stops at the first significant character", "[guard]") {
  CHECK(skipBlanksAndComments(" -- a\n/* b */ x", 0, false) == 14);
  CHECK(skipBlanksAndComments(" ; ;", 0, true) == 4);
  CHECK(skipBlanksAndComments(" ; ;", 0, false) == 1);
  CHECK(skipBlanksAndComments("/* open", 0, false) == 7);
  CHECK(skipBlanksAndComments("-- to the end", 0, false) == 13);
  CHECK(skipBlanksAndComments("\v", 0, false) == 0);  // not a blank for SQLite
  CHECK(skipBlanksAndComments("ab", 5, false) == 5);
}

TEST_CASE("renameTarget finds the new name of ALTER TABLE RENAME TO", "[guard]") {
  CHECK(renameTarget("ALTER TABLE t RENAME TO Accounts") == "Accounts");
  CHECK(renameTarget("alter table main.\"t\" rename to [Media] -- x") == "Media");
  CHECK(renameTarget("ALTER TABLE `a``b` RENAME TO 'x''y'") == "x'y");
  CHECK_FALSE(renameTarget("ALTER TABLE t RENAME COLUMN a TO Accounts"));
  CHECK_FALSE(renameTarget("ALTER TABLE t RENAME a TO Accounts"));
  CHECK_FALSE(renameTarget("ALTER TABLE t ADD COLUMN Accounts"));
  CHECK_FALSE(renameTarget("SELECT 1"));
  CHECK_FALSE(renameTarget("ALTER TABLE"));
  CHECK_FALSE(renameTarget("ALTER TABLE x.y RENAME TO"));
}

TEST_CASE("statement text rules", "[guard]") {
  SqlGuard g = guard();
  auto vac = g.checkText("VACUUM INTO '/tmp/x.db'");
  REQUIRE(vac);
  CHECK(vac->sqlstate == "42000");
  auto ren = g.checkText("ALTER TABLE t RENAME TO accounts");
  REQUIRE(ren);
  CHECK(ren->sqlstate == "42S01");
  CHECK_FALSE(g.checkText("ALTER TABLE t RENAME TO t2"));
  CHECK_FALSE(g.checkText("SELECT * FROM Accounts"));
}

TEST_CASE("authorizer rules", "[guard]") {
  SqlGuard g = guard();
  CHECK(g.check(SQLITE_ATTACH, "x.db", nullptr, nullptr, nullptr)->sqlstate == "42000");
  CHECK(g.check(SQLITE_DETACH, "Instagram", nullptr, nullptr, nullptr));
  // PRAGMAs: read-only ones with any argument, a few settable, the rest refused.
  CHECK_FALSE(g.check(SQLITE_PRAGMA, "table_info", "t", nullptr, nullptr));
  CHECK_FALSE(g.check(SQLITE_PRAGMA, "FOREIGN_KEYS", "on", nullptr, nullptr));
  CHECK_FALSE(g.check(SQLITE_PRAGMA, "page_size", nullptr, nullptr, nullptr));
  CHECK(g.check(SQLITE_PRAGMA, "page_size", "512", nullptr, nullptr));
  CHECK(g.check(SQLITE_PRAGMA, "writable_schema", "1", nullptr, nullptr));
  CHECK(g.check(SQLITE_PRAGMA, nullptr, nullptr, nullptr, nullptr));
  // Functions that reach process memory.
  CHECK(g.check(SQLITE_FUNCTION, nullptr, "FTS3_TOKENIZER", nullptr, nullptr));
  CHECK_FALSE(g.check(SQLITE_FUNCTION, nullptr, "upper", nullptr, nullptr));
  // Names: any case, any kind of object; the Instagram schema itself is closed.
  CHECK(g.check(SQLITE_CREATE_TABLE, "accounts", nullptr, "Local", nullptr)->sqlstate == "42S01");
  CHECK(g.check(SQLITE_CREATE_TEMP_VIEW, "MEDIA", nullptr, "temp", nullptr)->sqlstate == "42S01");
  CHECK(g.check(SQLITE_CREATE_TRIGGER, "IGMedia_delete", "t", "Local", nullptr)->sqlstate == "42S01");
  CHECK(g.check(SQLITE_CREATE_TABLE, "x", nullptr, "instagram", nullptr)->sqlstate == "42000");
  CHECK(g.check(SQLITE_CREATE_TEMP_TRIGGER, "t1", "IGMedia", "temp", nullptr)->sqlstate == "42000");
  CHECK(g.check(SQLITE_CREATE_VTABLE, "mine", "INSTAGRAM", "Local", nullptr)->sqlstate == "42000");
  CHECK_FALSE(g.check(SQLITE_CREATE_VTABLE, "words", "fts5", "Local", nullptr));
  CHECK(g.check(SQLITE_DROP_VIEW, "IGMedia", nullptr, "Instagram", nullptr));
  CHECK_FALSE(g.check(SQLITE_DROP_TABLE, "mine", nullptr, "Local", nullptr));
  CHECK(g.check(SQLITE_ALTER_TABLE, "Instagram", "Media", nullptr, nullptr));
  CHECK(g.check(SQLITE_ALTER_TABLE, "Local", "media", nullptr, nullptr));
  CHECK_FALSE(g.check(SQLITE_ALTER_TABLE, "Local", "mine", nullptr, nullptr));
}

TEST_CASE("triggers may not reach Instagram tables; the driver's own objects may", "[guard]") {
  SqlGuard g = guard();
  REQUIRE_FALSE(g.check(SQLITE_CREATE_TEMP_TRIGGER, "evil", "scratch", "temp", nullptr));
  auto del = g.check(SQLITE_DELETE, "Comments", nullptr, "Instagram", "evil");
  REQUIRE(del);
  CHECK(del->message.find("Trigger evil") != std::string::npos);
  CHECK(g.check(SQLITE_READ, "Accounts", "Id", "Instagram", "EVIL"));
  CHECK_FALSE(g.check(SQLITE_INSERT, "scratch2", nullptr, "Local", "evil"));
  // The compatibility view's trigger and views in general read Instagram tables.
  CHECK_FALSE(g.check(SQLITE_DELETE, "Media", nullptr, "Instagram", "IGMedia_delete"));
  REQUIRE_FALSE(g.check(SQLITE_CREATE_TEMP_VIEW, "my_view", nullptr, "temp", nullptr));
  CHECK_FALSE(g.check(SQLITE_READ, "Media", "Id", "Instagram", "My_View"));
  // Anything else is taken for a trigger: one another process put in a shared scratch file, say.
  CHECK(g.check(SQLITE_UPDATE, "Comments", "Hidden", "Instagram", "planted"));
  g.noteView("from_file");
  CHECK_FALSE(g.check(SQLITE_READ, "Media", "Id", "Instagram", "FROM_FILE"));
  // A view and a trigger may not share a name, or the trigger would pass for the view.
  CHECK(g.check(SQLITE_CREATE_TRIGGER, "my_view", "t", "Local", nullptr)->sqlstate == "42S01");
  CHECK(g.check(SQLITE_CREATE_VIEW, "evil", nullptr, "Local", nullptr)->sqlstate == "42S01");
  REQUIRE_FALSE(g.check(SQLITE_DROP_TEMP_VIEW, "my_view", nullptr, "temp", nullptr));
  CHECK(g.check(SQLITE_READ, "Media", "Id", "Instagram", "my_view"));
}

TEST_CASE("lockDown applies the limits and closes attach", "[guard]") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  SqlLimits limits;
  limits.maxValueBytes = 5000;
  limits.maxStatementBytes = 3000;
  REQUIRE(lockDown(db, limits).empty());
  CHECK(sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1) == 5000);
  CHECK(sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1) == 3000);
  CHECK(sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, -1) == 1000);
  CHECK(sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, -1) == 1);
  int on = -1;
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
  CHECK(on == 1);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &on);
  CHECK(on == 0);
  CHECK(sqlite3_exec(db, "ATTACH ':memory:' AS a; ATTACH ':memory:' AS b", nullptr, nullptr, nullptr) ==
        SQLITE_ERROR);
  sqlite3_close(db);
}
