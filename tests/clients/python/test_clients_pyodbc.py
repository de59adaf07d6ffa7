"""pyodbc as applications use it: DSN and DRIVER= connections, catalog calls, parameters, Unicode, NULLs,
10,000 rows, pandas.read_sql, errors with their SQLSTATE, and a 100,000-row stream in flat memory with
autocommit off."""
import os
import resource

import pyodbc
import pytest

EMOJI_ID = "17530498280938772"
EMOJI_CAPTION = "Good morning ☕😀 #coffee #morning"
BIG = (
    "CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
    "SELECT i, 'row ' || i AS label, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n"
)


def driver_string():
    return f"DRIVER={{Instagram ODBC Driver}};GraphURL={os.environ['EMULATOR_URL']};OAuthAccessToken=demo-token"


@pytest.fixture(params=["dsn", "driver"])
def cx(request):
    c = pyodbc.connect("DSN=InstagramTest" if request.param == "dsn" else driver_string())
    yield c
    c.close()


def test_tables_and_columns(cx):
    tables = {row.table_name for row in cx.cursor().tables(schema="Instagram")}
    assert "Media" in tables
    columns = [row.column_name for row in cx.cursor().columns(table="Media", schema="Instagram")]
    assert "Caption" in columns


def test_parameterised_unicode(cx):
    row = cx.cursor().execute("SELECT Id, Caption FROM Media WHERE Id = ?", EMOJI_ID).fetchone()
    assert row.Caption == EMOJI_CAPTION


def test_scratch_rows_and_nulls(cx):
    cur = cx.cursor()
    cur.execute(BIG)
    rows = cur.execute('SELECT i, label, odd FROM "Local"."big" ORDER BY i').fetchall()
    assert len(rows) == 10000
    assert sum(r.i for r in rows) == 10000 * 10001 // 2
    assert rows[1].odd is None and rows[0].odd == 1 and rows[9999].label == "row 10000"


@pytest.mark.filterwarnings("ignore:pandas only supports SQLAlchemy")
def test_pandas_read_sql(cx):
    pd = pytest.importorskip("pandas")
    frame = pd.read_sql("SELECT Id, Caption FROM Media WHERE Id = ?", cx, params=[EMOJI_ID])
    assert list(frame.columns) == ["Id", "Caption"]
    assert frame.Caption[0] == EMOJI_CAPTION


def test_error_sqlstate(cx):
    with pytest.raises(pyodbc.ProgrammingError) as e:
        cx.cursor().execute("SELECT * FROM NoSuchTable")
    assert e.value.args[0] == "42S02"
    assert "NoSuchTable" in e.value.args[1]


def test_transactions_on_scratch_tables():
    c = pyodbc.connect(driver_string(), autocommit=False)
    cur = c.cursor()
    cur.execute("CREATE TABLE t (x INTEGER)")
    c.commit()
    cur.execute("INSERT INTO t VALUES (1)")
    c.rollback()
    assert cur.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    cur.execute("INSERT INTO t VALUES (2)")
    c.commit()
    assert cur.execute('SELECT x FROM "Local".t').fetchall()[0][0] == 2
    c.close()


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@pytest.mark.skipif(os.environ.get("IGODBC_SANITIZED") == "1", reason="memory is not flat under ASan")
def test_stream_100k_rows_flat_memory():
    c = pyodbc.connect(driver_string(), autocommit=False)
    cur = c.cursor()
    cur.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
        "SELECT i, printf('%0200d', i) AS pad FROM n"
    )
    count = 0
    rss_at = {}
    for row in cur:
        count += 1
        if count in (10000, 100000):
            rss_at[count] = rss_kib()
    assert count == 100000
    # 100,000 rows of ~200 bytes would be ~20 MiB if buffered; a stream grows by far less.
    assert rss_at[100000] - rss_at[10000] < 4096, rss_at
    c.close()
