"""Schema probes: what BI tools send to learn a table's shape (WHERE 1=0, LIMIT 0) succeeds on every table,
with the table's columns and no Graph call, even on tables that need a filter before they can be read; reading
such a table without its filter still fails with 42000."""
import pyodbc
import pytest

from conftest import connection_string


def instagram_tables(conn):
    return [r.table_name for r in conn.cursor().tables(schema="Instagram")]


@pytest.mark.parametrize("probe", ["SELECT * FROM \"{t}\" WHERE 1=0", "SELECT * FROM \"{t}\" LIMIT 0",
                                   "SELECT * FROM (SELECT * FROM \"{t}\") AS q WHERE 1 = 0"])
def test_a_probe_returns_the_columns_and_no_rows_without_a_call(conn, requests_log, probe):
    tables = instagram_tables(conn)
    assert {"Hashtags", "HashtagMedia", "BusinessDiscovery", "MentionedMedia"} <= set(tables)
    requests_log.mark()
    for t in tables:
        cur = conn.cursor()
        cur.execute(probe.format(t=t))
        assert cur.fetchall() == [], t
        columns = [c.column_name for c in conn.cursor().columns(table=t, schema="Instagram")]
        assert [d[0] for d in cur.description] == columns, t
    assert requests_log.since() == []


def test_a_table_that_needs_a_filter_still_refuses_a_read_without_it(conn, requests_log):
    for sql in ["SELECT * FROM Hashtags", "SELECT * FROM BusinessDiscovery LIMIT 5",
                "SELECT count(*) FROM HashtagMedia WHERE Kind = 'top'"]:
        with pytest.raises(pyodbc.Error) as e:
            conn.cursor().execute(sql).fetchall()
        assert e.value.args[0] == "42000" and "needs a filter on" in e.value.args[1], sql
    assert requests_log.since() == []


def test_a_join_that_supplies_the_filter_is_still_chosen(ds):
    c = pyodbc.connect(connection_string(BusinessAccountId=ds.big_account()["id"]))
    cur = c.cursor()
    cur.execute("CREATE TEMP TABLE probe_names(n TEXT)")
    cur.execute("INSERT INTO probe_names VALUES ('coffee')")
    rows = cur.execute("SELECT h.Name FROM probe_names p JOIN Hashtags h ON h.Name = p.n").fetchall()
    assert [r.Name for r in rows] == ["coffee"]
