// ODBC escape sequences -> SQLite text (sql/engine/escape.cpp, sql/engine/escape_functions.cpp).
#include <algorithm>
#include <catch2/catch.hpp>

#include "sql/engine/engine.h"

using igodbc::sql::EngineError;
using igodbc::sql::translateEscapes;

namespace {

std::string stateOf(const std::string& sql) {
  try {
    translateEscapes(sql);
  } catch (const EngineError& e) {
    return e.diag.sqlstate;
  }
  return "";
}

std::string messageOf(const std::string& sql) {
  try {
    translateEscapes(sql);
  } catch (const EngineError& e) {
    return e.diag.message;
  }
  return "";
}

}  // namespace

TEST_CASE("text without escapes is returned unchanged", "[sql][escape]") {
  CHECK(translateEscapes("SELECT * FROM Media WHERE Id = '1'") == "SELECT * FROM Media WHERE Id = '1'");
  CHECK(translateEscapes("") == "");
}

TEST_CASE("date, time and timestamp literals become canonical text", "[sql][escape]") {
  CHECK(translateEscapes("SELECT {d '2024-01-31'}") == "SELECT '2024-01-31'");
  CHECK(translateEscapes("SELECT {D '2024-01-31'}") == "SELECT '2024-01-31'");
  CHECK(translateEscapes("SELECT {t '23:59:58'}") == "SELECT '23:59:58'");
  CHECK(translateEscapes("SELECT {ts '2024-01-31 10:00:00'}") == "SELECT '2024-01-31 10:00:00'");
  CHECK(translateEscapes("SELECT {ts '2024-01-31 10:00:00.000'}") == "SELECT '2024-01-31 10:00:00'");
  CHECK(translateEscapes("SELECT {ts '2024-01-31 10:00:00.250'}") == "SELECT '2024-01-31 10:00:00.25'");
  CHECK(translateEscapes("SELECT {ts '2024-01-31'}") == "SELECT '2024-01-31 00:00:00'");
  CHECK(translateEscapes("SELECT {ts '2024-01-31T10:00:00'}") == "SELECT '2024-01-31 10:00:00'");
  CHECK(translateEscapes("{d'2024-02-29'}") == "'2024-02-29'");
  CHECK(translateEscapes("{ d  '2024-02-29'  }") == "'2024-02-29'");
  CHECK(translateEscapes("WHERE Timestamp >= {d ?}") == "WHERE Timestamp >= ?");
}

TEST_CASE("invalid date and time values are 22007 naming the position", "[sql][escape]") {
  CHECK(stateOf("SELECT {d '2023-02-29'}") == "22007");
  CHECK(stateOf("SELECT {d '2024-1-01'}") == "22007");
  CHECK(stateOf("SELECT {d 2024-01-01}") == "22007");
  CHECK(stateOf("SELECT {t '24:00:00'}") == "22007");
  CHECK(stateOf("SELECT {ts '2024-01-01 10:00'}") == "22007");
  CHECK(messageOf("SELECT {d '2024-13-01'}").find("position 8") != std::string::npos);
}

TEST_CASE("scalar functions map to SQLite", "[sql][escape]") {
  CHECK(translateEscapes("{fn UCASE(Name)}") == "upper((Name))");
  CHECK(translateEscapes("{fn lcase(Name)}") == "lower((Name))");
  CHECK(translateEscapes("{fn LENGTH(Caption)}") == "length(rtrim((Caption), ' '))");
  CHECK(translateEscapes("{fn SUBSTRING(Caption, 1, 5)}") == "substr((Caption), (1), (5))");
  CHECK(translateEscapes("{fn CONCAT(a, 'x,y')}") == "((a) || ('x,y'))");
  CHECK(translateEscapes("{fn LOCATE('o', Username)}") == "instr((Username), ('o'))");
  CHECK(translateEscapes("{fn LTRIM(a)}") == "ltrim((a), ' ')");
  CHECK(translateEscapes("{fn ABS(-2)}") == "abs((-2))");
  CHECK(translateEscapes("{fn ROUND(x, 2)}") == "round((x), (2))");
  CHECK(translateEscapes("{fn NOW()}") == "datetime('now')");
  CHECK(translateEscapes("{fn CURDATE()}") == "date('now')");
  CHECK(translateEscapes("{fn CURTIME()}") == "time('now')");
  CHECK(translateEscapes("{fn CURRENT_DATE}") == "date('now')");
  CHECK(translateEscapes("{fn IFNULL(LikeCount, 0)}") == "ifnull((LikeCount), (0))");
  CHECK(translateEscapes("{fn YEAR(Timestamp)}") == "CAST(strftime('%Y', Timestamp) AS INTEGER)");
  CHECK(translateEscapes("{fn CONVERT(LikeCount, SQL_VARCHAR)}") == "CAST(LikeCount AS TEXT)");
  CHECK(translateEscapes("{fn POSITION('a' IN Name)}") == "instr(Name, 'a')");
  CHECK(translateEscapes("{fn TIMESTAMPADD(SQL_TSI_DAY, 3, Timestamp)}") ==
        "datetime((Timestamp), (3) || ' days')");
  CHECK(translateEscapes("{fn TIMESTAMPADD(SQL_TSI_WEEK, 1, Timestamp)}") ==
        "datetime((Timestamp), ((1) * 7) || ' days')");
  CHECK(translateEscapes("{fn TIMESTAMPDIFF(SQL_TSI_DAY, a, b)}") ==
        "CAST((julianday((b)) - julianday((a))) AS INTEGER)");
}

TEST_CASE("unknown functions and arities pass through by name", "[sql][escape]") {
  CHECK(translateEscapes("{fn SIN(x)}") == "SIN(x)");
  CHECK(translateEscapes("{fn UCASE(a, b)}") == "UCASE(a, b)");
  CHECK(translateEscapes("{fn MYFUNC()}") == "MYFUNC()");
}

TEST_CASE("arguments used twice are bound once unless simple", "[sql][escape]") {
  CHECK(translateEscapes("{fn RIGHT(Name, 3)}") == "substr((Name), -((3)), (3))");
  std::string sql = translateEscapes("{fn RIGHT(Name, ?)}");
  CHECK(sql == "(SELECT substr(odbc_1, -(odbc_2), odbc_2) FROM (SELECT (Name) AS odbc_1, (?) AS odbc_2))");
  CHECK(std::count(sql.begin(), sql.end(), '?') == 1);
}

TEST_CASE("nested escapes are translated innermost first", "[sql][escape]") {
  CHECK(translateEscapes("{fn UCASE({fn LTRIM(Name)})}") == "upper((ltrim((Name), ' ')))");
  CHECK(translateEscapes("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = {fn UCASE(b.y)}}") ==
        "SELECT * FROM a LEFT OUTER JOIN b ON a.x = upper((b.y))");
}

TEST_CASE("quoted text and comments are left alone", "[sql][escape]") {
  CHECK(translateEscapes("SELECT '{d ''x''}', {d '2024-01-01'}") == "SELECT '{d ''x''}', '2024-01-01'");
  CHECK(translateEscapes("SELECT \"a{b}\" FROM t") == "SELECT \"a{b}\" FROM t");
  CHECK(translateEscapes("SELECT 1 -- {fn x}\n, {d '2024-01-01'}") == "SELECT 1 -- {fn x}\n, '2024-01-01'");
  CHECK(translateEscapes("SELECT /* { */ 1") == "SELECT /* { */ 1");
  CHECK(translateEscapes("SELECT 'it''s', {fn UCASE('it''s')}") == "SELECT 'it''s', upper(('it''s'))");
}

TEST_CASE("LIKE escape, outer joins and calls", "[sql][escape]") {
  CHECK(translateEscapes("WHERE a LIKE 'x\\_%' {escape '\\'}") == "WHERE a LIKE 'x\\_%' ESCAPE '\\'");
  CHECK(translateEscapes("{call PublishMedia(?, ?)}") == "CALL PublishMedia(?, ?)");
  CHECK(translateEscapes("{CALL GetTokenInfo}") == "CALL GetTokenInfo");
  CHECK(stateOf("{?= call PublishMedia(?)}") == "42000");
  CHECK(messageOf("{? = call PublishMedia(?)}").find("Procedure PublishMedia returns a result set") !=
        std::string::npos);
}

TEST_CASE("unbalanced or unknown escapes are 42000 naming the position", "[sql][escape]") {
  CHECK(stateOf("SELECT {fn UCASE(x)") == "42000");
  CHECK(messageOf("SELECT {fn UCASE(x)").find("position 8 is not closed") != std::string::npos);
  CHECK(stateOf("SELECT 1}") == "42000");
  CHECK(messageOf("SELECT 1}").find("position 9") != std::string::npos);
  CHECK(stateOf("SELECT {d '2024-01-01'") == "42000");
  CHECK(stateOf("SELECT {d '2024-01-01}") == "42000");  // the quote swallows the brace
  CHECK(stateOf("SELECT {zz 1}") == "42000");
  CHECK(messageOf("SELECT {zz 1}").rfind("[instagram-odbc] ", 0) == 0);
}

TEST_CASE("translated functions give ODBC's answers in SQLite", "[sql][escape]") {
  igodbc::sql::Engine engine(igodbc::sql::Settings{}, nullptr);
  auto eval = [&](const std::string& expr) {
    auto stmt = engine.prepare(translateEscapes("SELECT " + expr));
    REQUIRE(stmt->step());
    return std::string(stmt->getText(0));
  };
  CHECK(eval("{fn LOCATE('b', 'abcb', 3)}") == "4");
  CHECK(eval("{fn LOCATE('b', 'abcb')}") == "2");
  CHECK(eval("{fn INSERT('abcd', 2, 2, 'XY')}") == "aXYd");
  CHECK(eval("{fn REPEAT('ab', 3)}") == "ababab");
  CHECK(eval("{fn SPACE(2)} || '|'") == "  |");
  CHECK(eval("{fn LEFT('abcdef', 2)}") == "ab");
  CHECK(eval("{fn RIGHT('abcdef', 2)}") == "ef");
  CHECK(eval("{fn LENGTH('ab  ')}") == "2");
  CHECK(eval("{fn DAYNAME('2024-05-01')}") == "Wednesday");
  CHECK(eval("{fn MONTHNAME('2024-05-01')}") == "May");
  CHECK(eval("{fn QUARTER('2024-05-01')}") == "2");
  CHECK(eval("{fn DAYOFWEEK('2024-05-05')}") == "1");
  CHECK(eval("{fn TIMESTAMPDIFF(SQL_TSI_MONTH, '2024-01-31', '2024-03-01')}") == "2");
  CHECK(eval("{fn TIMESTAMPDIFF(SQL_TSI_HOUR, {ts '2024-01-01 00:00:00'}, {ts '2024-01-02 06:00:00'})}") ==
        "30");
  CHECK(eval("{fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {d '2024-01-15'})}") == "2024-02-15 00:00:00");
  CHECK(eval("{fn MOD(7, 3)}") == "1");
  CHECK(eval("{fn CONCAT('a', {fn UCASE('b')})}") == "aB");
  CHECK(eval("{fn CONVERT('12', SQL_INTEGER)} + 1") == "13");
  CHECK(eval("{fn POSITION('c' IN 'abc')}") == "3");
  auto stmt = engine.prepare(translateEscapes("SELECT {fn RIGHT(?, ?)}"));
  CHECK(stmt->parameterCount() == 2);
  stmt->bindText(1, "abcdef");
  stmt->bindInt64(2, 3);
  REQUIRE(stmt->step());
  CHECK(stmt->getText(0) == "def");
}
