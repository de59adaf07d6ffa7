// SQLGetInfo values: the width of each answer is what the ODBC reference prescribes (the ODBC layer
// writes exactly that many bytes), and the identity/capability answers real clients rely on.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "driver/catalog/info.h"
#include "sql/engine/engine.h"

using igodbc::driver::InfoContext;
using igodbc::driver::infoValue;
using igodbc::driver::InfoValue;

namespace {

constexpr size_t kString = 0, kU16 = 1, kU32 = 2;

std::string text(SQLUSMALLINT type, const InfoContext& ctx = {}) {
  auto v = infoValue(type, ctx);
  REQUIRE(v);
  REQUIRE(std::holds_alternative<std::string>(*v));
  return std::get<std::string>(*v);
}

SQLUINTEGER mask(SQLUSMALLINT type) {
  auto v = infoValue(type, {});
  REQUIRE(v);
  REQUIRE(std::holds_alternative<SQLUINTEGER>(*v));
  return std::get<SQLUINTEGER>(*v);
}

SQLUSMALLINT small(SQLUSMALLINT type) {
  auto v = infoValue(type, {});
  REQUIRE(v);
  REQUIRE(std::holds_alternative<SQLUSMALLINT>(*v));
  return std::get<SQLUSMALLINT>(*v);
}

void checkWidth(std::initializer_list<SQLUSMALLINT> types, size_t index) {
  for (SQLUSMALLINT type : types) {
    INFO("info type " << type);
    auto v = infoValue(type, {});
    REQUIRE(v);
    CHECK(v->index() == index);
  }
}

}  // namespace

TEST_CASE("SQLGetInfo string answers are strings", "[info]") {
  checkWidth({SQL_ACCESSIBLE_PROCEDURES,
              SQL_ACCESSIBLE_TABLES,
              SQL_CATALOG_NAME,
              SQL_CATALOG_NAME_SEPARATOR,
              SQL_CATALOG_TERM,
              SQL_COLLATION_SEQ,
              SQL_COLUMN_ALIAS,
              SQL_DATA_SOURCE_NAME,
              SQL_DATA_SOURCE_READ_ONLY,
              SQL_DATABASE_NAME,
              SQL_DBMS_NAME,
              SQL_DBMS_VER,
              SQL_DESCRIBE_PARAMETER,
              SQL_DRIVER_NAME,
              SQL_DRIVER_ODBC_VER,
              SQL_DRIVER_VER,
              SQL_EXPRESSIONS_IN_ORDERBY,
              SQL_IDENTIFIER_QUOTE_CHAR,
              SQL_INTEGRITY,
              SQL_KEYWORDS,
              SQL_LIKE_ESCAPE_CLAUSE,
              SQL_MAX_ROW_SIZE_INCLUDES_LONG,
              SQL_MULT_RESULT_SETS,
              SQL_MULTIPLE_ACTIVE_TXN,
              SQL_NEED_LONG_DATA_LEN,
              SQL_ODBC_VER,
              SQL_ORDER_BY_COLUMNS_IN_SELECT,
              SQL_OUTER_JOINS,
              SQL_PROCEDURE_TERM,
              SQL_PROCEDURES,
              SQL_ROW_UPDATES,
              SQL_SCHEMA_TERM,
              SQL_SEARCH_PATTERN_ESCAPE,
              SQL_SERVER_NAME,
              SQL_SPECIAL_CHARACTERS,
              SQL_TABLE_TERM,
              SQL_USER_NAME,
              SQL_XOPEN_CLI_YEAR},
             kString);
}

TEST_CASE("SQLGetInfo SQLUSMALLINT answers are 2 bytes wide", "[info]") {
  checkWidth({SQL_ACTIVE_ENVIRONMENTS,
              SQL_CATALOG_LOCATION,
              SQL_CONCAT_NULL_BEHAVIOR,
              SQL_CORRELATION_NAME,
              SQL_CURSOR_COMMIT_BEHAVIOR,
              SQL_CURSOR_ROLLBACK_BEHAVIOR,
              SQL_FILE_USAGE,
              SQL_GROUP_BY,
              SQL_IDENTIFIER_CASE,
              SQL_MAX_CATALOG_NAME_LEN,
              SQL_MAX_COLUMN_NAME_LEN,
              SQL_MAX_COLUMNS_IN_GROUP_BY,
              SQL_MAX_COLUMNS_IN_INDEX,
              SQL_MAX_COLUMNS_IN_ORDER_BY,
              SQL_MAX_COLUMNS_IN_SELECT,
              SQL_MAX_COLUMNS_IN_TABLE,
              SQL_MAX_CONCURRENT_ACTIVITIES,
              SQL_MAX_CURSOR_NAME_LEN,
              SQL_MAX_DRIVER_CONNECTIONS,
              SQL_MAX_IDENTIFIER_LEN,
              SQL_MAX_PROCEDURE_NAME_LEN,
              SQL_MAX_SCHEMA_NAME_LEN,
              SQL_MAX_TABLE_NAME_LEN,
              SQL_MAX_TABLES_IN_SELECT,
              SQL_MAX_USER_NAME_LEN,
              SQL_NON_NULLABLE_COLUMNS,
              SQL_NULL_COLLATION,
              SQL_QUOTED_IDENTIFIER_CASE,
              SQL_TXN_CAPABLE,
              SQL_ODBC_API_CONFORMANCE,
              SQL_ODBC_SQL_CONFORMANCE,
              SQL_ODBC_SAG_CLI_CONFORMANCE},
             kU16);
}

TEST_CASE("SQLGetInfo SQLUINTEGER answers and bitmasks are 4 bytes wide", "[info]") {
  checkWidth(
      {SQL_AGGREGATE_FUNCTIONS, SQL_ALTER_DOMAIN, SQL_ALTER_TABLE, SQL_ASYNC_MODE, SQL_ASYNC_DBC_FUNCTIONS,
       SQL_BATCH_ROW_COUNT, SQL_BATCH_SUPPORT, SQL_BOOKMARK_PERSISTENCE, SQL_CATALOG_USAGE,
       SQL_CONVERT_BIGINT, SQL_CONVERT_VARCHAR, SQL_CONVERT_WVARCHAR, SQL_CONVERT_FUNCTIONS, SQL_CREATE_TABLE,
       SQL_CREATE_VIEW, SQL_CURSOR_SENSITIVITY, SQL_DATETIME_LITERALS, SQL_DDL_INDEX,
       SQL_DEFAULT_TXN_ISOLATION, SQL_DROP_TABLE, SQL_DROP_VIEW, SQL_DYNAMIC_CURSOR_ATTRIBUTES1,
       SQL_DYNAMIC_CURSOR_ATTRIBUTES2, SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1,
       SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, SQL_GETDATA_EXTENSIONS, SQL_INDEX_KEYWORDS, SQL_INFO_SCHEMA_VIEWS,
       SQL_INSERT_STATEMENT, SQL_KEYSET_CURSOR_ATTRIBUTES1, SQL_KEYSET_CURSOR_ATTRIBUTES2,
       SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, SQL_MAX_BINARY_LITERAL_LEN, SQL_MAX_CHAR_LITERAL_LEN,
       SQL_MAX_INDEX_SIZE, SQL_MAX_ROW_SIZE, SQL_MAX_STATEMENT_LEN, SQL_NUMERIC_FUNCTIONS,
       SQL_ODBC_INTERFACE_CONFORMANCE, SQL_OJ_CAPABILITIES, SQL_PARAM_ARRAY_ROW_COUNTS,
       SQL_PARAM_ARRAY_SELECTS, SQL_SCHEMA_USAGE, SQL_SCROLL_OPTIONS, SQL_SQL_CONFORMANCE,
       SQL_SQL92_DATETIME_FUNCTIONS, SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SQL92_GRANT, SQL_SQL92_PREDICATES,
       SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SQL92_STRING_FUNCTIONS,
       SQL_SQL92_VALUE_EXPRESSIONS, SQL_STANDARD_CLI_CONFORMANCE, SQL_STATIC_CURSOR_ATTRIBUTES1,
       SQL_STATIC_CURSOR_ATTRIBUTES2, SQL_STRING_FUNCTIONS, SQL_SUBQUERIES, SQL_SYSTEM_FUNCTIONS,
       SQL_TIMEDATE_ADD_INTERVALS, SQL_TIMEDATE_DIFF_INTERVALS, SQL_TIMEDATE_FUNCTIONS,
       SQL_TXN_ISOLATION_OPTION, SQL_UNION,
       // ODBC 2 types, 32-bit in the ODBC 2 reference
       SQL_FETCH_DIRECTION, SQL_LOCK_TYPES, SQL_POS_OPERATIONS, SQL_POSITIONED_STATEMENTS,
       SQL_SCROLL_CONCURRENCY, SQL_STATIC_SENSITIVITY},
      kU32);
}

TEST_CASE("SQLGetInfo identity follows the connection", "[info]") {
  InfoContext ctx;
  ctx.dsn = "Instagram";
  ctx.serverName = "graph.facebook.com";
  ctx.userName = "someone";
  CHECK(text(SQL_DRIVER_NAME) == "libinstagramodbc.so");
  CHECK(text(SQL_DRIVER_VER) == "00.01.0000");
  CHECK(text(SQL_DRIVER_ODBC_VER) == "03.80");
  CHECK(text(SQL_DBMS_NAME) == "Instagram Graph API");
  CHECK(text(SQL_DATABASE_NAME) == "Instagram");
  CHECK(text(SQL_DATA_SOURCE_NAME, ctx) == "Instagram");
  CHECK(text(SQL_DATA_SOURCE_NAME) == "");
  CHECK(text(SQL_SERVER_NAME, ctx) == "graph.facebook.com");
  CHECK(text(SQL_USER_NAME, ctx) == "someone");
  CHECK(text(SQL_DATA_SOURCE_READ_ONLY) == "N");
  ctx.readOnly = true;
  CHECK(text(SQL_DATA_SOURCE_READ_ONLY, ctx) == "Y");
}

TEST_CASE("SQLGetInfo reports no catalogs and one quoting style", "[info]") {
  CHECK(text(SQL_CATALOG_NAME) == "N");  // MS Query breaks when catalogs are reported
  CHECK(text(SQL_CATALOG_NAME_SEPARATOR) == "");
  CHECK(text(SQL_CATALOG_TERM) == "");
  CHECK(mask(SQL_CATALOG_USAGE) == 0);
  CHECK(small(SQL_CATALOG_LOCATION) == 0);
  CHECK(text(SQL_SCHEMA_TERM) == "schema");
  CHECK(text(SQL_IDENTIFIER_QUOTE_CHAR) == "\"");
  CHECK(text(SQL_SEARCH_PATTERN_ESCAPE) == "\\");
  CHECK(small(SQL_IDENTIFIER_CASE) == SQL_IC_MIXED);
  CHECK(small(SQL_MAX_IDENTIFIER_LEN) == 128);
  CHECK(small(SQL_MAX_COLUMNS_IN_SELECT) == 2000);
}

TEST_CASE("SQLGetInfo capabilities match the engine and escape translation", "[info]") {
  CHECK(mask(SQL_GETDATA_EXTENSIONS) == (SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK));
  CHECK(mask(SQL_SCROLL_OPTIONS) == (SQL_SO_FORWARD_ONLY | SQL_SO_STATIC));
  // SQL_CA1_ABSOLUTE on static cursors is what keeps unixODBC from loading its cursor library.
  CHECK(mask(SQL_STATIC_CURSOR_ATTRIBUTES1) ==
        (SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION |
         SQL_CA1_POS_REFRESH));
  CHECK(mask(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1) ==
        (SQL_CA1_NEXT | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH));
  CHECK((mask(SQL_FETCH_DIRECTION) & SQL_FD_FETCH_PRIOR) != 0);
  CHECK(mask(SQL_POS_OPERATIONS) == (SQL_POS_POSITION | SQL_POS_REFRESH));
  CHECK(small(SQL_TXN_CAPABLE) == SQL_TC_ALL);
  CHECK(mask(SQL_DEFAULT_TXN_ISOLATION) == SQL_TXN_SERIALIZABLE);
  CHECK(small(SQL_NULL_COLLATION) == SQL_NC_LOW);
  CHECK(mask(SQL_ASYNC_MODE) == SQL_AM_NONE);
  CHECK(mask(SQL_PARAM_ARRAY_SELECTS) == SQL_PAS_NO_BATCH);
  const SQLUINTEGER strings = mask(SQL_STRING_FUNCTIONS);
  for (SQLUINTEGER f : {SQL_FN_STR_UCASE, SQL_FN_STR_LCASE, SQL_FN_STR_LENGTH, SQL_FN_STR_SUBSTRING,
                        SQL_FN_STR_CONCAT, SQL_FN_STR_LOCATE, SQL_FN_STR_LTRIM, SQL_FN_STR_RTRIM})
    CHECK((strings & f) != 0);
  CHECK((strings & SQL_FN_STR_SOUNDEX) == 0);
  CHECK(mask(SQL_SYSTEM_FUNCTIONS) == SQL_FN_SYS_IFNULL);
  CHECK(mask(SQL_CONVERT_FUNCTIONS) == 0);
  CHECK(mask(SQL_CONVERT_INTEGER) == 0);
}

namespace {

struct Sample {
  SQLUINTEGER bit;
  const char* call;  // inside {fn …}
};

// Every function an info type reports must have a sample here, and each sample must run on the engine.
void checkFunctions(SQLUSMALLINT infoType, const std::vector<Sample>& samples) {
  const SQLUINTEGER reported = mask(infoType);
  SQLUINTEGER covered = 0;
  igodbc::sql::Engine engine(igodbc::sql::Settings{}, nullptr);
  for (const Sample& s : samples) {
    covered |= s.bit;
    if (!(reported & s.bit)) continue;
    INFO(s.call);
    try {
      auto st = engine.prepare(igodbc::sql::translateEscapes(std::string("SELECT {fn ") + s.call + "}"));
      REQUIRE(st->step());
      CHECK(st->type(0) != igodbc::sql::ValueType::Null);
    } catch (const std::exception& e) {
      FAIL_CHECK(e.what());
    }
  }
  CHECK((reported & ~covered) == 0);
}

}  // namespace

TEST_CASE("every scalar function SQLGetInfo reports runs through escape translation", "[info]") {
  checkFunctions(SQL_STRING_FUNCTIONS, {{SQL_FN_STR_ASCII, "ASCII('a')"},
                                        {SQL_FN_STR_BIT_LENGTH, "BIT_LENGTH('ab')"},
                                        {SQL_FN_STR_CHAR, "CHAR(65)"},
                                        {SQL_FN_STR_CHAR_LENGTH, "CHAR_LENGTH('ab')"},
                                        {SQL_FN_STR_CHARACTER_LENGTH, "CHARACTER_LENGTH('ab')"},
                                        {SQL_FN_STR_CONCAT, "CONCAT('a', 'b')"},
                                        {SQL_FN_STR_INSERT, "INSERT('abc', 2, 1, 'x')"},
                                        {SQL_FN_STR_LCASE, "LCASE('A')"},
                                        {SQL_FN_STR_LEFT, "LEFT('abc', 2)"},
                                        {SQL_FN_STR_LENGTH, "LENGTH('ab ')"},
                                        {SQL_FN_STR_LOCATE, "LOCATE('b', 'abcb', 3)"},
                                        {SQL_FN_STR_LOCATE_2, "LOCATE('b', 'abc')"},
                                        {SQL_FN_STR_LTRIM, "LTRIM(' a')"},
                                        {SQL_FN_STR_OCTET_LENGTH, "OCTET_LENGTH('ab')"},
                                        {SQL_FN_STR_REPEAT, "REPEAT('ab', 3)"},
                                        {SQL_FN_STR_REPLACE, "REPLACE('abc', 'b', 'x')"},
                                        {SQL_FN_STR_RIGHT, "RIGHT('abc', 2)"},
                                        {SQL_FN_STR_RTRIM, "RTRIM('a ')"},
                                        {SQL_FN_STR_SPACE, "SPACE(2)"},
                                        {SQL_FN_STR_SUBSTRING, "SUBSTRING('abc', 2, 1)"},
                                        {SQL_FN_STR_UCASE, "UCASE('a')"}});
  checkFunctions(SQL_NUMERIC_FUNCTIONS, {{SQL_FN_NUM_ABS, "ABS(-1)"},
                                         {SQL_FN_NUM_ACOS, "ACOS(1)"},
                                         {SQL_FN_NUM_ASIN, "ASIN(0)"},
                                         {SQL_FN_NUM_ATAN, "ATAN(0)"},
                                         {SQL_FN_NUM_ATAN2, "ATAN2(1, 1)"},
                                         {SQL_FN_NUM_CEILING, "CEILING(1.5)"},
                                         {SQL_FN_NUM_COS, "COS(0)"},
                                         {SQL_FN_NUM_DEGREES, "DEGREES(1)"},
                                         {SQL_FN_NUM_EXP, "EXP(1)"},
                                         {SQL_FN_NUM_FLOOR, "FLOOR(1.5)"},
                                         {SQL_FN_NUM_LOG, "LOG(2)"},
                                         {SQL_FN_NUM_LOG10, "LOG10(100)"},
                                         {SQL_FN_NUM_MOD, "MOD(5, 2)"},
                                         {SQL_FN_NUM_PI, "PI()"},
                                         {SQL_FN_NUM_POWER, "POWER(2, 3)"},
                                         {SQL_FN_NUM_RADIANS, "RADIANS(180)"},
                                         {SQL_FN_NUM_RAND, "RAND()"},
                                         {SQL_FN_NUM_ROUND, "ROUND(1.55, 1)"},
                                         {SQL_FN_NUM_SIGN, "SIGN(-2)"},
                                         {SQL_FN_NUM_SIN, "SIN(0)"},
                                         {SQL_FN_NUM_SQRT, "SQRT(4)"},
                                         {SQL_FN_NUM_TAN, "TAN(0)"},
                                         {SQL_FN_NUM_TRUNCATE, "TRUNCATE(1.55, 1)"}});
  const char* ts = "'2024-05-06 07:08:09'";
  const std::string d = std::string("(") + ts + ")";
  checkFunctions(SQL_TIMEDATE_FUNCTIONS,
                 {{SQL_FN_TD_CURRENT_DATE, "CURRENT_DATE()"},
                  {SQL_FN_TD_CURRENT_TIME, "CURRENT_TIME()"},
                  {SQL_FN_TD_CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP()"},
                  {SQL_FN_TD_CURDATE, "CURDATE()"},
                  {SQL_FN_TD_CURTIME, "CURTIME()"},
                  {SQL_FN_TD_NOW, "NOW()"},
                  {SQL_FN_TD_DAYNAME, ("DAYNAME" + d).c_str()},
                  {SQL_FN_TD_DAYOFMONTH, ("DAYOFMONTH" + d).c_str()},
                  {SQL_FN_TD_DAYOFWEEK, ("DAYOFWEEK" + d).c_str()},
                  {SQL_FN_TD_DAYOFYEAR, ("DAYOFYEAR" + d).c_str()},
                  {SQL_FN_TD_HOUR, ("HOUR" + d).c_str()},
                  {SQL_FN_TD_MINUTE, ("MINUTE" + d).c_str()},
                  {SQL_FN_TD_MONTH, ("MONTH" + d).c_str()},
                  {SQL_FN_TD_MONTHNAME, ("MONTHNAME" + d).c_str()},
                  {SQL_FN_TD_QUARTER, ("QUARTER" + d).c_str()},
                  {SQL_FN_TD_SECOND, ("SECOND" + d).c_str()},
                  {SQL_FN_TD_WEEK, ("WEEK" + d).c_str()},
                  {SQL_FN_TD_YEAR, ("YEAR" + d).c_str()},
                  {SQL_FN_TD_TIMESTAMPADD, "TIMESTAMPADD(SQL_TSI_DAY, 1, '2024-01-01 00:00:00')"},
                  {SQL_FN_TD_TIMESTAMPDIFF, "TIMESTAMPDIFF(SQL_TSI_DAY, '2024-01-01', '2024-01-03')"}});
  checkFunctions(SQL_SYSTEM_FUNCTIONS, {{SQL_FN_SYS_IFNULL, "IFNULL(NULL, 1)"}});
  const std::pair<SQLUINTEGER, const char*> intervals[] = {{SQL_FN_TSI_FRAC_SECOND, "FRAC_SECOND"},
                                                           {SQL_FN_TSI_SECOND, "SECOND"},
                                                           {SQL_FN_TSI_MINUTE, "MINUTE"},
                                                           {SQL_FN_TSI_HOUR, "HOUR"},
                                                           {SQL_FN_TSI_DAY, "DAY"},
                                                           {SQL_FN_TSI_WEEK, "WEEK"},
                                                           {SQL_FN_TSI_MONTH, "MONTH"},
                                                           {SQL_FN_TSI_QUARTER, "QUARTER"},
                                                           {SQL_FN_TSI_YEAR, "YEAR"}};
  std::vector<std::string> adds, diffs;
  for (const auto& [bit, name] : intervals) {
    adds.push_back(std::string("TIMESTAMPADD(SQL_TSI_") + name + ", 2, '2024-01-01 00:00:00')");
    diffs.push_back(std::string("TIMESTAMPDIFF(SQL_TSI_") + name + ", '2024-01-01 00:00:00', " + ts + ")");
  }
  std::vector<Sample> addSamples, diffSamples;
  for (size_t i = 0; i < adds.size(); ++i) {
    addSamples.push_back({intervals[i].first, adds[i].c_str()});
    diffSamples.push_back({intervals[i].first, diffs[i].c_str()});
  }
  checkFunctions(SQL_TIMEDATE_ADD_INTERVALS, addSamples);
  checkFunctions(SQL_TIMEDATE_DIFF_INTERVALS, diffSamples);
}

TEST_CASE("SQL_KEYWORDS lists no ODBC keyword", "[info]") {
  const std::string odbc = std::string(",") + SQL_ODBC_KEYWORDS + ",";
  std::istringstream ours(text(SQL_KEYWORDS));
  std::string word;
  while (std::getline(ours, word, ',')) {
    INFO(word);
    CHECK(odbc.find("," + word + ",") == std::string::npos);
  }
}

TEST_CASE("SQLGetInfo leaves unknown and Driver Manager types unanswered", "[info]") {
  CHECK_FALSE(infoValue(9999, {}));
  CHECK_FALSE(infoValue(SQL_DM_VER, {}));
  CHECK_FALSE(infoValue(SQL_DRIVER_HDBC, {}));
  CHECK_FALSE(infoValue(SQL_DRIVER_HSTMT, {}));
}
