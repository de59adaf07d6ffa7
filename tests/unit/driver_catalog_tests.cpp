// Catalog functions: the pure argument helpers, then every catalog query run on a real Engine (no
// network: the catalog reads schema/ declarations and scratch tables only).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "driver/catalog/catalog.h"
#include "driver/catalog/catalog_patterns.h"
#include "driver/catalog/sql_type_info.h"
#include "schema/schema.h"
#include "sql/engine/engine.h"

using namespace igodbc::driver;
using igodbc::sql::Engine;
using igodbc::sql::Settings;
using igodbc::sql::ValueType;

namespace {

constexpr const char* kNull = "<null>";

struct Result {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> rows;

  // One column as text, by name.
  std::vector<std::string> column(const std::string& name) const {
    size_t i = 0;
    while (i < names.size() && names[i] != name) ++i;
    REQUIRE(i < names.size());
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r[i]);
    return out;
  }
};

Result run(Engine& engine, const std::string& sql) {
  INFO(sql);
  ensureCatalogTables(engine);
  auto st = engine.prepare(sql);
  Result r;
  for (int i = 0; i < st->columnCount(); ++i) {
    r.names.push_back(st->column(i).label);
    INFO("column " << st->column(i).label);
    CHECK_FALSE(st->column(i).declType.empty());  // the ODBC layer describes columns from it
  }
  while (st->step()) {
    std::vector<std::string> row;
    for (int i = 0; i < st->columnCount(); ++i)
      row.push_back(st->type(i) == ValueType::Null ? kNull : std::string(st->getText(i)));
    r.rows.push_back(row);
  }
  return r;
}

void exec(Engine& engine, const std::string& sql) {
  auto st = engine.prepare(sql);
  while (st->step()) {
  }
}

using Strings = std::vector<std::string>;
const CatalogOptions kOdbc3{};
const CatalogOptions kOdbc2{true, false};
const CatalogArg none = std::nullopt;

}  // namespace

TEST_CASE("literals are quoted safely", "[catalog]") {
  CHECK(sqlLiteral("Media") == "'Media'");
  CHECK(sqlLiteral("O'Brien") == "'O''Brien'");
  CHECK(sqlLiteral("'; DROP TABLE x; --") == "'''; DROP TABLE x; --'");
  CHECK(sqlLiteral(std::string("ab\0cd", 5)) == "'ab'");
}

TEST_CASE("catalog arguments become filters", "[catalog]") {
  CHECK(argFilter("T", none, ArgKind::Pattern, false) == "");
  CHECK(argFilter("T", std::string(), ArgKind::Pattern, false) == "");
  CHECK(argFilter("T", std::string("%"), ArgKind::Pattern, false) == "");
  CHECK(argFilter("T", std::string("Med%"), ArgKind::Pattern, false) == " AND T LIKE 'Med%' ESCAPE '\\'");
  CHECK(argFilter("T", std::string("a\\_b"), ArgKind::Pattern, false) == " AND T LIKE 'a\\_b' ESCAPE '\\'");
  CHECK(argFilter("T", std::string("Me%"), ArgKind::Ordinary, false) == " AND T = 'Me%' COLLATE NOCASE");
  CHECK(argFilter("T", std::string(" \"Me\"\"dia\" "), ArgKind::Pattern, true) ==
        " AND T = 'Me\"dia' COLLATE NOCASE");
  CHECK(identifierArg(" Media ") == "Media");
  CHECK(identifierArg("\"Media\"") == "Media");
  CHECK(identifierArg("\"\"") == "");
}

TEST_CASE("table type lists are parsed quoted or not", "[catalog]") {
  CHECK(parseTableTypes("TABLE,VIEW") == Strings{"TABLE", "VIEW"});
  CHECK(parseTableTypes("'TABLE', 'VIEW'") == Strings{"TABLE", "VIEW"});
  CHECK(parseTableTypes(" 'SYSTEM TABLE' , table,TABLE") == Strings{"SYSTEM TABLE", "TABLE"});
  CHECK(parseTableTypes("").empty());
  CHECK(parseTableTypes(" , ''").empty());
  CHECK(parseTableTypes("TABLE,%").empty());
  CHECK(parseTableTypes("'%'").empty());
  CHECK(inList("C", {"TABLE", "O'X"}) == " AND C IN ('TABLE','O''X')");
  CHECK(inList("C", {}) == "");
}

TEST_CASE("select lists keep plain column references", "[catalog]") {
  const std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"}, {"X2", "X"}};
  CHECK(selectList(cols, false) == "TABLE_CAT, X2 AS \"X\"");
  CHECK(selectList(cols, true) == "TABLE_CAT AS \"TABLE_QUALIFIER\", X2 AS \"X\"");
}

namespace {
// The declared objects of one kind (all when empty), in SQLTables order (type, then binary name order).
Strings declaredNames(const std::string& kind = "") {
  std::vector<std::pair<std::string, std::string>> all;
  for (const auto& t : igodbc::schema::allTables())
    if (kind.empty() || igodbc::schema::tableKindName(t.kind) == kind)
      all.emplace_back(std::string(igodbc::schema::tableKindName(t.kind)), std::string(t.name));
  std::sort(all.begin(), all.end());
  Strings out;
  for (const auto& [k, n] : all) out.push_back(n);
  return out;
}
}  // namespace

TEST_CASE("SQLTables lists Instagram objects and hides the catalog tables", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  Result r = run(engine, tablesQuery(none, none, none, none, kOdbc3));
  CHECK(r.names == Strings{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"});
  REQUIRE(r.rows.size() == igodbc::schema::allTables().size());
  // Ordered by TABLE_TYPE, then name: SYSTEM TABLE sorts before TABLE.
  CHECK(r.rows.front()[3] == "SYSTEM TABLE");
  CHECK(r.column("TABLE_NAME") == declaredNames());
  for (const auto& cat : r.column("TABLE_CAT")) CHECK(cat == kNull);

  Result odbc2 = run(engine, tablesQuery(none, none, none, none, kOdbc2));
  CHECK(odbc2.names == Strings{"TABLE_QUALIFIER", "TABLE_OWNER", "TABLE_NAME", "TABLE_TYPE", "REMARKS"});
  CHECK(odbc2.rows == r.rows);
}

TEST_CASE("SQLTables filters by pattern, identifier and type list", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  auto names = [&](CatalogArg schema, CatalogArg table, CatalogArg types, CatalogOptions opts = {}) {
    return run(engine, tablesQuery(none, schema, table, types, opts)).column("TABLE_NAME");
  };
  Strings med;
  for (const auto& n : declaredNames())
    if (n.rfind("Med", 0) == 0) med.push_back(n);
  CHECK(names(none, std::string("Med%"), none) == med);
  CHECK(names(none, std::string("medi_"), none) == Strings{"Media"});
  CHECK(names(none, std::string("sys\\_%"), none) == declaredNames("SYSTEM TABLE"));
  CHECK(names(none, std::string("sys\\%"), none).empty());
  CHECK(names(std::string("Insta%"), std::string("Accounts"), none) == Strings{"Accounts"});
  CHECK(names(std::string("Local"), none, none).empty());
  CHECK(names(none, std::string("x' OR '1'='1"), none).empty());
  CHECK(names(none, none, std::string("'SYSTEM TABLE'")) == declaredNames("SYSTEM TABLE"));
  CHECK(names(none, none, std::string("VIEW")) == declaredNames("VIEW"));
  CHECK(names(none, none, std::string("TABLE, 'VIEW'")).size() ==
        declaredNames("TABLE").size() + declaredNames("VIEW").size());
  // SQL_ATTR_METADATA_ID: identifiers, not patterns.
  const CatalogOptions ids{false, true};
  CHECK(names(none, std::string("\"media\""), none, ids) == Strings{"Media"});
  CHECK(names(none, std::string("Med%"), none, ids).empty());
}

TEST_CASE("SQLTables special enumerations", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  const std::string empty;
  Result catalogs = run(engine, tablesQuery(std::string("%"), empty, empty, none, kOdbc3));
  CHECK(catalogs.names.size() == 5);
  CHECK(catalogs.rows.empty());
  Result schemas = run(engine, tablesQuery(empty, std::string("%"), empty, empty, kOdbc3));
  CHECK(schemas.rows == std::vector<Strings>{{kNull, "Instagram", kNull, kNull, kNull},
                                             {kNull, "Local", kNull, kNull, kNull}});
  Result types = run(engine, tablesQuery(empty, empty, empty, std::string("%"), kOdbc2));
  CHECK(types.names[0] == "TABLE_QUALIFIER");
  CHECK(types.column("TABLE_TYPE") == Strings{"SYSTEM TABLE", "TABLE", "VIEW"});
  // Excel: catalog "%", empty names, types "TABLE,VIEW" means "list the tables".
  Result excel = run(engine, tablesQuery(std::string("%"), empty, empty, std::string("TABLE,VIEW"), kOdbc3));
  Strings tablesAndViews = declaredNames("TABLE");
  for (const auto& n : declaredNames("VIEW")) tablesAndViews.push_back(n);
  CHECK(excel.column("TABLE_NAME") == tablesAndViews);
  // Null arguments are not the special cases: "%" types with nulls lists everything.
  CHECK(run(engine, tablesQuery(none, none, none, std::string("%"), kOdbc3)).rows.size() ==
        igodbc::schema::allTables().size());
}

TEST_CASE("SQLColumns describes columns as SQLDescribeCol does", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  Result r = run(engine, columnsQuery(none, std::string("Instagram"), std::string("Media"), none, kOdbc3));
  CHECK(r.names == Strings{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                           "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE",
                           "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
                           "ORDINAL_POSITION", "IS_NULLABLE"});
  const igodbc::schema::Table& media = *igodbc::schema::findTable("Media");
  REQUIRE(r.rows.size() == media.columns.size());
  for (size_t i = 0; i < media.columns.size(); ++i) {
    const auto& c = media.columns[i];
    const SqlTypeInfo t = sqlTypeInfo(igodbc::schema::declaredType(c));
    INFO(c.name);
    CHECK(r.rows[i][3] == std::string(c.name));
    CHECK(r.rows[i][4] == std::to_string(t.sqlType));
    CHECK(r.rows[i][5] == t.typeName);
    CHECK(r.rows[i][6] == std::to_string(t.columnSize));
    CHECK(r.rows[i][16] == std::to_string(i + 1));
    CHECK(r.rows[i][17] == (c.nullable ? "YES" : "NO"));
  }
  CHECK(r.rows[0] == Strings{kNull, "Instagram", "Media", "Id", std::to_string(SQL_VARCHAR), "VARCHAR", "32",
                             "32", kNull, kNull, std::to_string(SQL_NO_NULLS), kNull, kNull,
                             std::to_string(SQL_VARCHAR), kNull, "32", "1", "NO"});
  CHECK(r.rows[2] == Strings{kNull, "Instagram", "Media", "Caption", std::to_string(SQL_WVARCHAR), "WVARCHAR",
                             "4000", "8000", kNull, kNull, std::to_string(SQL_NULLABLE), kNull, kNull,
                             std::to_string(SQL_WVARCHAR), kNull, "8000", "3", "YES"});
  CHECK(r.rows[9] == Strings{kNull, "Instagram", "Media", "Timestamp", std::to_string(SQL_TYPE_TIMESTAMP),
                             "TIMESTAMP", "19", "16", "0", kNull, std::to_string(SQL_NULLABLE), kNull, kNull,
                             std::to_string(SQL_DATETIME), std::to_string(SQL_CODE_TIMESTAMP), kNull, "10",
                             "YES"});
  CHECK(r.rows[11][11] == "NULL when hidden");  // LikeCount's notes
  CHECK(r.rows[11][8] == "0");
  CHECK(r.rows[11][9] == "10");

  Result odbc2 = run(engine, columnsQuery(none, none, std::string("Media"), std::string("Time%"), kOdbc2));
  CHECK(odbc2.names == Strings{"TABLE_QUALIFIER", "TABLE_OWNER", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
                               "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS",
                               "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
                               "ORDINAL_POSITION", "IS_NULLABLE"});
  REQUIRE(odbc2.rows.size() == 1);
  CHECK(odbc2.rows[0][4] == std::to_string(SQL_TIMESTAMP));

  Result accounts = run(engine, columnsQuery(none, none, std::string("accounts"), none, kOdbc3));
  CHECK(accounts.column("COLUMN_NAME").front() == "Id");
  CHECK(accounts.rows.size() == igodbc::schema::findTable("Accounts")->columns.size());
  // Rows are ordered by TABLE_NAME: the first is the smallest declared name (AccountDailyMetrics today).
  std::string first = std::string(igodbc::schema::allTables().front().name);
  for (const auto& t : igodbc::schema::allTables())
    if (std::string(t.name) < first) first = std::string(t.name);
  CHECK(run(engine, columnsQuery(none, none, none, none, kOdbc3)).column("TABLE_NAME").front() == first);
}

TEST_CASE("keys, statistics and row identifiers come from the schema", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  Result pk = run(engine, primaryKeysQuery(none, none, std::string("media"), kOdbc3));
  CHECK(pk.names == Strings{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"});
  CHECK(pk.rows == std::vector<Strings>{{kNull, "Instagram", "Media", "Id", "1", "PK_Media"}});
  CHECK(run(engine, primaryKeysQuery(none, none, std::string("Med%"), kOdbc3)).rows.empty());
  CHECK(run(engine, primaryKeysQuery(none, none, std::string("Media"), kOdbc2)).names[0] ==
        "TABLE_QUALIFIER");

  Result fk =
      run(engine, foreignKeysQuery(none, none, none, none, none, std::string("MediaChildren"), kOdbc3));
  CHECK(fk.names == Strings{"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
                            "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
                            "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"});
  const std::string noAction = std::to_string(SQL_NO_ACTION),
                    notDeferrable = std::to_string(SQL_NOT_DEFERRABLE);
  CHECK(fk.rows ==
        std::vector<Strings>{
            {kNull, "Instagram", "Accounts", "Id", kNull, "Instagram", "MediaChildren", "AccountId", "1",
             noAction, noAction, "FK_MediaChildren_AccountId", "PK_Accounts", notDeferrable},
            {kNull, "Instagram", "Media", "Id", kNull, "Instagram", "MediaChildren", "MediaId", "1", noAction,
             noAction, "FK_MediaChildren_MediaId", "PK_Media", notDeferrable}});
  Result refs = run(engine, foreignKeysQuery(none, none, std::string("Accounts"), none, none, none, kOdbc3));
  Strings referencing;  // every declared table with an FK to Accounts, by name
  for (const auto& n : declaredNames()) {
    const auto* t = igodbc::schema::findTable(n);
    for (const auto& f : t->foreignKeys)
      if (f.refTable == "Accounts") {
        referencing.push_back(n);
        break;
      }
  }
  std::sort(referencing.begin(), referencing.end());
  CHECK(refs.column("FKTABLE_NAME") == referencing);
  CHECK(
      run(engine, foreignKeysQuery(none, none, std::string("Accounts"), none, none, none, kOdbc2)).names[4] ==
      "FKTABLE_QUALIFIER");
  // Power BI asks for every table, including ones no key references.
  CHECK(run(engine, foreignKeysQuery(none, none, none, none, none, std::string("sys_requests"), kOdbc3))
            .rows.empty());

  Result stats =
      run(engine, statisticsQuery(none, none, std::string("MediaChildren"), SQL_INDEX_ALL, kOdbc3));
  CHECK(stats.names == Strings{"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER",
                               "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC",
                               "CARDINALITY", "PAGES", "FILTER_CONDITION"});
  CHECK(stats.column("INDEX_NAME") == Strings{kNull, "PK_MediaChildren", "UQ_MediaChildren_MediaId_Position",
                                              "UQ_MediaChildren_MediaId_Position"});
  CHECK(stats.column("TYPE") == Strings{std::to_string(SQL_TABLE_STAT), std::to_string(SQL_INDEX_OTHER),
                                        std::to_string(SQL_INDEX_OTHER), std::to_string(SQL_INDEX_OTHER)});
  CHECK(stats.column("COLUMN_NAME") == Strings{kNull, "Id", "MediaId", "Position"});
  Result odbc2 = run(engine, statisticsQuery(none, none, std::string("Media"), SQL_INDEX_UNIQUE, kOdbc2));
  CHECK(odbc2.names[7] == "SEQ_IN_INDEX");
  CHECK(odbc2.names[9] == "COLLATION");
  CHECK(odbc2.rows.size() == 2);

  Result rowid = run(engine, specialColumnsQuery(SQL_BEST_ROWID, none, none, std::string("Media"), kOdbc3));
  CHECK(rowid.names == Strings{"SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
                               "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN"});
  CHECK(rowid.rows ==
        std::vector<Strings>{{std::to_string(SQL_SCOPE_SESSION), "Id", std::to_string(SQL_VARCHAR), "VARCHAR",
                              "32", "32", kNull, std::to_string(SQL_PC_NOT_PSEUDO)}});
  CHECK(run(engine, specialColumnsQuery(SQL_ROWVER, none, none, std::string("Media"), kOdbc3)).rows.empty());
  CHECK(run(engine, specialColumnsQuery(SQL_BEST_ROWID, none, none, std::string("Media"), kOdbc2)).names[4] ==
        "PRECISION");
}

TEST_CASE("SQLGetTypeInfo lists our types in DATA_TYPE order", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  Result all = run(engine, typeInfoQuery(SQL_ALL_TYPES, kOdbc3));
  CHECK(all.names == Strings{"TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                             "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE",
                             "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME",
                             "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB",
                             "NUM_PREC_RADIX", "INTERVAL_PRECISION"});
  CHECK(all.column("TYPE_NAME") ==
        Strings{"WVARCHAR", "BIT", "BIGINT", "INTEGER", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP"});
  Result varchar = run(engine, typeInfoQuery(SQL_VARCHAR, kOdbc3));
  REQUIRE(varchar.rows.size() == 1);
  CHECK(varchar.rows[0][5] == "max length");
  CHECK(varchar.rows[0][3] == "'");
  Result ts = run(engine, typeInfoQuery(SQL_TYPE_TIMESTAMP, kOdbc3));
  REQUIRE(ts.rows.size() == 1);
  CHECK(ts.rows[0][1] == std::to_string(SQL_TYPE_TIMESTAMP));
  CHECK(ts.rows[0][15] == std::to_string(SQL_DATETIME));
  CHECK(ts.rows[0][16] == std::to_string(SQL_CODE_TIMESTAMP));

  Result odbc2 = run(engine, typeInfoQuery(SQL_TIMESTAMP, kOdbc2));
  CHECK(odbc2.names[2] == "PRECISION");
  CHECK(odbc2.names[10] == "MONEY");
  CHECK(odbc2.names[11] == "AUTO_INCREMENT");
  REQUIRE(odbc2.rows.size() == 1);
  CHECK(odbc2.rows[0][1] == std::to_string(SQL_TIMESTAMP));
  CHECK(run(engine, typeInfoQuery(SQL_ALL_TYPES, kOdbc2)).column("TYPE_NAME").back() == "VARCHAR");
  CHECK(run(engine, typeInfoQuery(SQL_LONGVARBINARY, kOdbc3)).rows.empty());
}

TEST_CASE("scratch tables appear in schema Local and follow schema changes", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  ensureCatalogTables(engine);
  exec(engine,
       "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT 'x', n REAL, \"it's\")");
  exec(engine, "CREATE VIEW recent AS SELECT id, upper(body) AS shout FROM notes");
  Result local = run(engine, tablesQuery(none, std::string("Local"), none, none, kOdbc3));
  CHECK(local.rows == std::vector<Strings>{{kNull, "Local", "notes", "TABLE", kNull},
                                           {kNull, "Local", "recent", "VIEW", kNull}});
  Result cols = run(engine, columnsQuery(none, std::string("Local"), std::string("notes"), none, kOdbc3));
  CHECK(cols.column("COLUMN_NAME") == Strings{"id", "body", "n", "it's"});
  CHECK(cols.column("TYPE_NAME") == Strings{sqlTypeInfo("INTEGER").typeName, sqlTypeInfo("TEXT").typeName,
                                            sqlTypeInfo("REAL").typeName, sqlTypeInfo("").typeName});
  CHECK(cols.column("IS_NULLABLE") == Strings{"YES", "NO", "YES", "YES"});
  CHECK(cols.column("COLUMN_DEF") == Strings{kNull, "'x'", kNull, kNull});
  CHECK(run(engine, columnsQuery(none, none, std::string("recent"), none, kOdbc3)).column("COLUMN_NAME") ==
        Strings{"id", "shout"});
  CHECK(run(engine, primaryKeysQuery(none, std::string("Local"), std::string("notes"), kOdbc3)).rows ==
        std::vector<Strings>{{kNull, "Local", "notes", "id", "1", "PK_notes"}});
  CHECK(run(engine, specialColumnsQuery(SQL_BEST_ROWID, none, none, std::string("notes"), kOdbc3))
            .column("COLUMN_NAME") == Strings{"id"});

  // A view whose table is gone is still listed, without columns.
  exec(engine, "DROP TABLE notes");
  CHECK(run(engine, tablesQuery(none, std::string("Local"), none, none, kOdbc3)).column("TABLE_NAME") ==
        Strings{"recent"});
  CHECK(run(engine, columnsQuery(none, none, std::string("recent"), none, kOdbc3)).rows.empty());
  // Instagram rows are untouched by the reload.
  CHECK(run(engine, tablesQuery(none, none, none, none, kOdbc3)).rows.size() ==
        igodbc::schema::allTables().size() + 1);
}

TEST_CASE("catalog tables survive a user's transaction and its rollback", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  engine.setAutocommit(false);
  exec(engine, "CREATE TABLE draft(a INTEGER)");
  CHECK(run(engine, tablesQuery(none, std::string("Local"), none, none, kOdbc3)).column("TABLE_NAME") ==
        Strings{"draft"});
  engine.rollback();
  // The rollback undid the table and the catalog rows created inside the transaction alike.
  CHECK(run(engine, tablesQuery(none, std::string("Local"), none, none, kOdbc3)).rows.empty());
  CHECK(run(engine, tablesQuery(none, none, std::string("Media"), none, kOdbc3)).rows.size() == 1);
  exec(engine, "CREATE TABLE kept(a INTEGER)");
  engine.commit();
  CHECK(run(engine, tablesQuery(none, std::string("Local"), none, none, kOdbc3)).column("TABLE_NAME") ==
        Strings{"kept"});
}

TEST_CASE("catalog tables are rebuilt when one goes missing", "[catalog]") {
  Engine engine(Settings{}, nullptr);
  ensureCatalogTables(engine);
  exec(engine, "CREATE TABLE t(a INTEGER)");
  exec(engine, "DROP TABLE temp.igodbc_columns");
  CHECK(run(engine, columnsQuery(none, none, std::string("t"), none, kOdbc3)).column("COLUMN_NAME") ==
        Strings{"a"});
  CHECK(run(engine, columnsQuery(none, none, std::string("Accounts"), none, kOdbc3)).rows.size() ==
        igodbc::schema::findTable("Accounts")->columns.size());
}
