// SQLGetInfo answers. Each value's alternative is the C type the ODBC reference gives its info type
// (string, SQLUSMALLINT, or SQLUINTEGER for bitmasks and 32-bit values): the caller writes exactly that
// width. Capabilities describe SQLite as this driver uses it, with one forward-only read-only cursor.
#include <optional>
#include <string>

#include "driver/catalog/info.h"

namespace igodbc::driver {

namespace {

std::optional<InfoValue> str(std::string s) {
  return InfoValue(std::move(s));
}
std::optional<InfoValue> yn(bool yes) {
  return InfoValue(std::string(yes ? "Y" : "N"));
}
std::optional<InfoValue> u16(unsigned v) {
  return InfoValue(static_cast<SQLUSMALLINT>(v));
}
std::optional<InfoValue> u32(unsigned long v) {
  return InfoValue(static_cast<SQLUINTEGER>(v));
}

// SQLite keywords an application might use as a name; ODBC's own keywords (SQL_ODBC_KEYWORDS) excluded.
constexpr const char* kKeywords =
    "ABORT,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,BEFORE,CONFLICT,DATABASE,DETACH,EACH,EXCLUSIVE,EXPLAIN,FAIL,"
    "FILTER,GLOB,IF,IGNORE,INDEXED,INSTEAD,ISNULL,LIMIT,NOTNULL,OFFSET,OVER,PARTITION,PLAN,PRAGMA,QUERY,"
    "RAISE,"
    "RECURSIVE,REGEXP,REINDEX,RELEASE,RENAME,REPLACE,RETURNING,ROW,SAVEPOINT,TEMP,TRIGGER,VACUUM,"
    "VIRTUAL,WINDOW,WITHOUT";

// {fn …} functions that work: those sql/engine/escape_functions.cpp rewrites, plus math functions it passes
// through by name to SQLite's own (ACOS … TAN). driver_info_tests runs every one reported here.
constexpr unsigned long kStringFunctions =
    SQL_FN_STR_ASCII | SQL_FN_STR_BIT_LENGTH | SQL_FN_STR_CHAR | SQL_FN_STR_CHAR_LENGTH |
    SQL_FN_STR_CHARACTER_LENGTH | SQL_FN_STR_CONCAT | SQL_FN_STR_INSERT | SQL_FN_STR_LCASE | SQL_FN_STR_LEFT |
    SQL_FN_STR_LENGTH | SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2 | SQL_FN_STR_LTRIM | SQL_FN_STR_OCTET_LENGTH |
    SQL_FN_STR_REPEAT | SQL_FN_STR_REPLACE | SQL_FN_STR_RIGHT | SQL_FN_STR_RTRIM | SQL_FN_STR_SPACE |
    SQL_FN_STR_SUBSTRING | SQL_FN_STR_UCASE;
constexpr unsigned long kNumericFunctions =
    SQL_FN_NUM_ABS | SQL_FN_NUM_ACOS | SQL_FN_NUM_ASIN | SQL_FN_NUM_ATAN | SQL_FN_NUM_ATAN2 |
    SQL_FN_NUM_CEILING | SQL_FN_NUM_COS | SQL_FN_NUM_DEGREES | SQL_FN_NUM_EXP | SQL_FN_NUM_FLOOR |
    SQL_FN_NUM_LOG | SQL_FN_NUM_LOG10 | SQL_FN_NUM_MOD | SQL_FN_NUM_PI | SQL_FN_NUM_POWER |
    SQL_FN_NUM_RADIANS | SQL_FN_NUM_RAND | SQL_FN_NUM_ROUND | SQL_FN_NUM_SIGN | SQL_FN_NUM_SIN |
    SQL_FN_NUM_SQRT | SQL_FN_NUM_TAN | SQL_FN_NUM_TRUNCATE;
constexpr unsigned long kTimeDateFunctions =
    SQL_FN_TD_CURRENT_DATE | SQL_FN_TD_CURRENT_TIME | SQL_FN_TD_CURRENT_TIMESTAMP | SQL_FN_TD_CURDATE |
    SQL_FN_TD_CURTIME | SQL_FN_TD_DAYNAME | SQL_FN_TD_DAYOFMONTH | SQL_FN_TD_DAYOFWEEK | SQL_FN_TD_DAYOFYEAR |
    SQL_FN_TD_HOUR | SQL_FN_TD_MINUTE | SQL_FN_TD_MONTH | SQL_FN_TD_MONTHNAME | SQL_FN_TD_NOW |
    SQL_FN_TD_QUARTER | SQL_FN_TD_SECOND | SQL_FN_TD_TIMESTAMPADD | SQL_FN_TD_TIMESTAMPDIFF | SQL_FN_TD_WEEK |
    SQL_FN_TD_YEAR;
constexpr unsigned long kIntervals = SQL_FN_TSI_FRAC_SECOND | SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE |
                                     SQL_FN_TSI_HOUR | SQL_FN_TSI_DAY | SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH |
                                     SQL_FN_TSI_QUARTER | SQL_FN_TSI_YEAR;

std::optional<InfoValue> identity(SQLUSMALLINT type, const InfoContext& ctx) {
  switch (type) {
    case SQL_DRIVER_NAME:
      return str("libinstagramodbc.so");
    case SQL_DRIVER_VER:
      return str("00.01.0000");
    case SQL_DRIVER_ODBC_VER:
      return str("03.80");
    case SQL_ODBC_VER:
      return str("03.80.0000");  // normally answered by the Driver Manager itself
    case SQL_DBMS_NAME:
      return str("Instagram Graph API");
    case SQL_DBMS_VER:
      return str("00.01.0000");
    case SQL_DATA_SOURCE_NAME:
      return str(ctx.dsn);
    case SQL_SERVER_NAME:
      return str(ctx.serverName);
    case SQL_USER_NAME:
      return str(ctx.userName);
    case SQL_DATABASE_NAME:
      return str("Instagram");
    case SQL_DATA_SOURCE_READ_ONLY:
      return yn(ctx.readOnly);
    case SQL_XOPEN_CLI_YEAR:
      return str("1995");
    case SQL_ODBC_INTERFACE_CONFORMANCE:
      return u32(SQL_OIC_CORE);
    case SQL_SQL_CONFORMANCE:
      return u32(SQL_SC_SQL92_ENTRY);
    case SQL_STANDARD_CLI_CONFORMANCE:
      return u32(SQL_SCC_XOPEN_CLI_VERSION1 | SQL_SCC_ISO92_CLI);
    case SQL_ODBC_API_CONFORMANCE:
      return u16(SQL_OAC_LEVEL1);
    case SQL_ODBC_SQL_CONFORMANCE:
      return u16(SQL_OSC_CORE);
    case SQL_ODBC_SAG_CLI_CONFORMANCE:
      return u16(SQL_OSCC_COMPLIANT);
    case SQL_ACTIVE_ENVIRONMENTS:
      return u16(0);
    case SQL_MAX_DRIVER_CONNECTIONS:
      return u16(0);
    case SQL_MAX_CONCURRENT_ACTIVITIES:
      return u16(0);
    case SQL_ASYNC_MODE:
      return u32(SQL_AM_NONE);
    case SQL_ASYNC_DBC_FUNCTIONS:
      return u32(SQL_ASYNC_DBC_NOT_CAPABLE);
    case SQL_ASYNC_NOTIFICATION:
      return u32(SQL_ASYNC_NOTIFICATION_NOT_CAPABLE);
    case SQL_MAX_ASYNC_CONCURRENT_STATEMENTS:
      return u32(0);
    case SQL_DRIVER_AWARE_POOLING_SUPPORTED:
      return u32(SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE);
    case SQL_FILE_USAGE:
      return u16(SQL_FILE_NOT_SUPPORTED);
    case SQL_DTC_TRANSITION_COST:
      return u32(0);
    default:
      return std::nullopt;
  }
}

// Names: schema "Instagram" (and "Local" for scratch tables), no catalogs (MS Query breaks on them).
std::optional<InfoValue> naming(SQLUSMALLINT type) {
  switch (type) {
    case SQL_IDENTIFIER_QUOTE_CHAR:
      return str("\"");
    case SQL_IDENTIFIER_CASE:
      return u16(SQL_IC_MIXED);
    case SQL_QUOTED_IDENTIFIER_CASE:
      return u16(SQL_IC_MIXED);  // SQLite ignores case even when quoted
    case SQL_SPECIAL_CHARACTERS:
      return str(" !#$%&'()*+,-./:;<=>?@[\\]^`{|}~");
    case SQL_KEYWORDS:
      return str(kKeywords);
    case SQL_CATALOG_NAME:
      return yn(false);
    case SQL_CATALOG_NAME_SEPARATOR:
      return str("");
    case SQL_CATALOG_TERM:
      return str("");
    case SQL_CATALOG_USAGE:
      return u32(0);
    case SQL_CATALOG_LOCATION:
      return u16(0);
    case SQL_SCHEMA_TERM:
      return str("schema");
    case SQL_SCHEMA_USAGE:
      return u32(SQL_SU_DML_STATEMENTS | SQL_SU_TABLE_DEFINITION);
    case SQL_TABLE_TERM:
      return str("table");
    case SQL_PROCEDURE_TERM:
      return str("procedure");
    case SQL_PROCEDURES:
      return yn(true);
    case SQL_ACCESSIBLE_TABLES:
      return yn(true);
    case SQL_ACCESSIBLE_PROCEDURES:
      return yn(true);
    case SQL_SEARCH_PATTERN_ESCAPE:
      return str("\\");
    case SQL_COLLATION_SEQ:
      return str("");
    case SQL_MAX_IDENTIFIER_LEN:
      return u16(128);
    case SQL_MAX_COLUMN_NAME_LEN:
      return u16(128);
    case SQL_MAX_TABLE_NAME_LEN:
      return u16(128);
    case SQL_MAX_SCHEMA_NAME_LEN:
      return u16(128);
    case SQL_MAX_CURSOR_NAME_LEN:
      return u16(128);
    case SQL_MAX_CATALOG_NAME_LEN:
      return u16(0);
    case SQL_MAX_PROCEDURE_NAME_LEN:
      return u16(0);
    case SQL_MAX_USER_NAME_LEN:
      return u16(0);
    default:
      return std::nullopt;
  }
}

// Read-only cursors: forward-only (streaming, the default) or static (scrollable, keeps the rows it read);
// SQLSetPos positions and refreshes (from the cursor's copy); SQLGetData in any order and on any row of a
// rowset (pyodbc never binds).
std::optional<InfoValue> cursors(SQLUSMALLINT type) {
  switch (type) {
    case SQL_GETDATA_EXTENSIONS:
      return u32(SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK);
    case SQL_SCROLL_OPTIONS:
      return u32(SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
    case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1:
      return u32(SQL_CA1_NEXT | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH);
    case SQL_STATIC_CURSOR_ATTRIBUTES1:
      return u32(SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE | SQL_CA1_LOCK_NO_CHANGE |
                 SQL_CA1_POS_POSITION | SQL_CA1_POS_REFRESH);
    case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2:
    case SQL_STATIC_CURSOR_ATTRIBUTES2:
      return u32(SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_MAX_ROWS_CATALOG);
    case SQL_KEYSET_CURSOR_ATTRIBUTES1:
    case SQL_KEYSET_CURSOR_ATTRIBUTES2:
    case SQL_DYNAMIC_CURSOR_ATTRIBUTES1:
    case SQL_DYNAMIC_CURSOR_ATTRIBUTES2:
      return u32(0);
    case SQL_CURSOR_SENSITIVITY:
      return u32(SQL_UNSPECIFIED);
    case SQL_STATIC_SENSITIVITY:
      return u32(0);
    case SQL_FETCH_DIRECTION:
      return u32(SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST | SQL_FD_FETCH_PRIOR |
                 SQL_FD_FETCH_ABSOLUTE | SQL_FD_FETCH_RELATIVE);
    case SQL_SCROLL_CONCURRENCY:
      return u32(SQL_SCCO_READ_ONLY);
    case SQL_LOCK_TYPES:
      return u32(SQL_LCK_NO_CHANGE);
    case SQL_POS_OPERATIONS:
      return u32(SQL_POS_POSITION | SQL_POS_REFRESH);
    case SQL_POSITIONED_STATEMENTS:
      return u32(0);
    case SQL_BOOKMARK_PERSISTENCE:
      return u32(0);
    case SQL_ROW_UPDATES:
      return yn(false);
    // SQLite lets reads continue across COMMIT; a ROLLBACK may abort them.
    case SQL_CURSOR_COMMIT_BEHAVIOR:
      return u16(SQL_CB_PRESERVE);
    case SQL_CURSOR_ROLLBACK_BEHAVIOR:
      return u16(SQL_CB_CLOSE);
    case SQL_BATCH_SUPPORT:
      return u32(0);
    case SQL_BATCH_ROW_COUNT:
      return u32(0);
    case SQL_PARAM_ARRAY_ROW_COUNTS:
      return u32(SQL_PARC_BATCH);
    case SQL_PARAM_ARRAY_SELECTS:  // one result set per parameter set (param_results.cpp)
      return u32(SQL_PAS_NO_BATCH);
    case SQL_DESCRIBE_PARAMETER:
      return yn(true);
    case SQL_MULT_RESULT_SETS:
      return yn(false);
    case SQL_NEED_LONG_DATA_LEN:
      return yn(false);
    default:
      return std::nullopt;
  }
}

// Scratch tables live in SQLite, whose transactions cover DDL; SQLite is serializable.
std::optional<InfoValue> transactions(SQLUSMALLINT type) {
  switch (type) {
    case SQL_TXN_CAPABLE:
      return u16(SQL_TC_ALL);
    case SQL_DEFAULT_TXN_ISOLATION:
      return u32(SQL_TXN_SERIALIZABLE);
    case SQL_TXN_ISOLATION_OPTION:
      return u32(SQL_TXN_SERIALIZABLE);
    case SQL_MULTIPLE_ACTIVE_TXN:
      return yn(false);
    default:
      return std::nullopt;
  }
}

// The SQL SQLite accepts (3.40, Debian 12), kept to what every supported SQLite does.
std::optional<InfoValue> grammar(SQLUSMALLINT type) {
  switch (type) {
    case SQL_LIKE_ESCAPE_CLAUSE:
      return yn(true);
    case SQL_NULL_COLLATION:
      return u16(SQL_NC_LOW);
    case SQL_CONCAT_NULL_BEHAVIOR:
      return u16(SQL_CB_NULL);
    case SQL_COLUMN_ALIAS:
      return yn(true);
    case SQL_CORRELATION_NAME:
      return u16(SQL_CN_ANY);
    case SQL_GROUP_BY:
      return u16(SQL_GB_NO_RELATION);  // bare columns beside aggregates are allowed
    case SQL_ORDER_BY_COLUMNS_IN_SELECT:
      return yn(false);
    case SQL_EXPRESSIONS_IN_ORDERBY:
      return yn(true);
    case SQL_OUTER_JOINS:
      return yn(true);
    case SQL_OJ_CAPABILITIES:
      return u32(SQL_OJ_LEFT | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED | SQL_OJ_ALL_COMPARISON_OPS | SQL_OJ_INNER);
    case SQL_SUBQUERIES:
      return u32(SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS | SQL_SQ_IN);
    case SQL_UNION:
      return u32(SQL_U_UNION | SQL_U_UNION_ALL);
    case SQL_AGGREGATE_FUNCTIONS:
      return u32(SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT | SQL_AF_MAX | SQL_AF_MIN |
                 SQL_AF_SUM);
    case SQL_NON_NULLABLE_COLUMNS:
      return u16(SQL_NNC_NON_NULL);
    case SQL_INTEGRITY:
      return yn(false);
    case SQL_DATETIME_LITERALS:
      return u32(0);  // only the ODBC escapes {d …} {ts …}
    case SQL_SQL92_DATETIME_FUNCTIONS:
      return u32(SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME | SQL_SDF_CURRENT_TIMESTAMP);
    case SQL_SQL92_PREDICATES:
      return u32(SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS | SQL_SP_IN | SQL_SP_ISNOTNULL |
                 SQL_SP_ISNULL | SQL_SP_LIKE);
    case SQL_SQL92_RELATIONAL_JOIN_OPERATORS:
      return u32(SQL_SRJO_CROSS_JOIN | SQL_SRJO_EXCEPT_JOIN | SQL_SRJO_INNER_JOIN | SQL_SRJO_INTERSECT_JOIN |
                 SQL_SRJO_LEFT_OUTER_JOIN | SQL_SRJO_NATURAL_JOIN);
    case SQL_SQL92_ROW_VALUE_CONSTRUCTOR:
      return u32(SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL | SQL_SRVC_ROW_SUBQUERY);
    case SQL_SQL92_STRING_FUNCTIONS:
      return u32(SQL_SSF_LOWER | SQL_SSF_UPPER);
    case SQL_SQL92_VALUE_EXPRESSIONS:
      return u32(SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF);
    case SQL_SQL92_NUMERIC_VALUE_FUNCTIONS:
    case SQL_SQL92_FOREIGN_KEY_DELETE_RULE:
    case SQL_SQL92_FOREIGN_KEY_UPDATE_RULE:
    case SQL_SQL92_GRANT:
    case SQL_SQL92_REVOKE:
      return u32(0);
    default:
      return std::nullopt;
  }
}

// DDL and DML on scratch tables (Instagram tables take only the writes schema/writes.h declares).
std::optional<InfoValue> statements(SQLUSMALLINT type) {
  switch (type) {
    case SQL_CREATE_TABLE:
      return u32(SQL_CT_CREATE_TABLE | SQL_CT_TABLE_CONSTRAINT | SQL_CT_CONSTRAINT_NAME_DEFINITION |
                 SQL_CT_COLUMN_CONSTRAINT | SQL_CT_COLUMN_DEFAULT | SQL_CT_COLUMN_COLLATION);
    case SQL_CREATE_VIEW:
      return u32(SQL_CV_CREATE_VIEW);
    case SQL_DROP_TABLE:
      return u32(SQL_DT_DROP_TABLE);
    case SQL_DROP_VIEW:
      return u32(SQL_DV_DROP_VIEW);
    case SQL_ALTER_TABLE:
      return u32(SQL_AT_ADD_COLUMN | SQL_AT_ADD_COLUMN_SINGLE | SQL_AT_ADD_COLUMN_DEFAULT);
    case SQL_DDL_INDEX:
      return u32(SQL_DI_CREATE_INDEX | SQL_DI_DROP_INDEX);
    case SQL_INDEX_KEYWORDS:
      return u32(SQL_IK_ALL);
    case SQL_INSERT_STATEMENT:
      return u32(SQL_IS_INSERT_LITERALS | SQL_IS_INSERT_SEARCHED);
    case SQL_ALTER_DOMAIN:
    case SQL_CREATE_ASSERTION:
    case SQL_CREATE_CHARACTER_SET:
    case SQL_CREATE_COLLATION:
    case SQL_CREATE_DOMAIN:
    case SQL_CREATE_SCHEMA:
    case SQL_CREATE_TRANSLATION:
    case SQL_DROP_ASSERTION:
    case SQL_DROP_CHARACTER_SET:
    case SQL_DROP_COLLATION:
    case SQL_DROP_DOMAIN:
    case SQL_DROP_SCHEMA:
    case SQL_DROP_TRANSLATION:
    case SQL_INFO_SCHEMA_VIEWS:
      return u32(0);
    default:
      return std::nullopt;
  }
}

std::optional<InfoValue> functions(SQLUSMALLINT type) {
  switch (type) {
    case SQL_STRING_FUNCTIONS:
      return u32(kStringFunctions);
    case SQL_NUMERIC_FUNCTIONS:
      return u32(kNumericFunctions);
    case SQL_TIMEDATE_FUNCTIONS:
      return u32(kTimeDateFunctions);
    case SQL_SYSTEM_FUNCTIONS:
      return u32(SQL_FN_SYS_IFNULL);
    case SQL_TIMEDATE_ADD_INTERVALS:
    case SQL_TIMEDATE_DIFF_INTERVALS:
      return u32(kIntervals);
    // No conversions reported yet, although escape translation now handles {fn CONVERT}: the CONVERT
    // matrix needs its own tests before tools are told to push casts down.
    case SQL_CONVERT_FUNCTIONS:
    case SQL_CONVERT_BIGINT:
    case SQL_CONVERT_BINARY:
    case SQL_CONVERT_BIT:
    case SQL_CONVERT_CHAR:
    case SQL_CONVERT_DATE:
    case SQL_CONVERT_DECIMAL:
    case SQL_CONVERT_DOUBLE:
    case SQL_CONVERT_FLOAT:
    case SQL_CONVERT_GUID:
    case SQL_CONVERT_INTEGER:
    case SQL_CONVERT_INTERVAL_DAY_TIME:
    case SQL_CONVERT_INTERVAL_YEAR_MONTH:
    case SQL_CONVERT_LONGVARBINARY:
    case SQL_CONVERT_LONGVARCHAR:
    case SQL_CONVERT_NUMERIC:
    case SQL_CONVERT_REAL:
    case SQL_CONVERT_SMALLINT:
    case SQL_CONVERT_TIME:
    case SQL_CONVERT_TIMESTAMP:
    case SQL_CONVERT_TINYINT:
    case SQL_CONVERT_VARBINARY:
    case SQL_CONVERT_VARCHAR:
    case SQL_CONVERT_WCHAR:
    case SQL_CONVERT_WLONGVARCHAR:
    case SQL_CONVERT_WVARCHAR:
      return u32(0);
    default:
      return std::nullopt;
  }
}

// Limits are SQLite's compile-time defaults (SQLITE_MAX_COLUMN 2000, 64 tables in a join); 0 = none.
std::optional<InfoValue> limits(SQLUSMALLINT type) {
  switch (type) {
    case SQL_MAX_COLUMNS_IN_SELECT:
    case SQL_MAX_COLUMNS_IN_TABLE:
    case SQL_MAX_COLUMNS_IN_GROUP_BY:
    case SQL_MAX_COLUMNS_IN_ORDER_BY:
    case SQL_MAX_COLUMNS_IN_INDEX:
      return u16(2000);
    case SQL_MAX_TABLES_IN_SELECT:
      return u16(64);
    case SQL_MAX_ROW_SIZE:
    case SQL_MAX_STATEMENT_LEN:
    case SQL_MAX_CHAR_LITERAL_LEN:
    case SQL_MAX_BINARY_LITERAL_LEN:
    case SQL_MAX_INDEX_SIZE:
      return u32(0);
    case SQL_MAX_ROW_SIZE_INCLUDES_LONG:
      return yn(false);
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<InfoValue> infoValue(SQLUSMALLINT infoType, const InfoContext& ctx) {
  for (auto group : {naming, cursors, transactions, grammar, statements, functions, limits})
    if (auto v = group(infoType)) return v;
  return identity(infoType, ctx);
}

}  // namespace igodbc::driver
