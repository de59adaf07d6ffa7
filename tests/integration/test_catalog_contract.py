"""SQLColumns/SQLTables answer exactly what the column contract declares (names, order, types,
nullability), read from tests/integration/contract_columns.json."""

import pyodbc
import pytest

import spec_tables

FOUNDATION = ["Accounts", "Pages", "Media", "MediaChildren", "sys_requests"]

ODBC_TYPES = {
    "VARCHAR": pyodbc.SQL_VARCHAR,
    "WVARCHAR": pyodbc.SQL_WVARCHAR,
    "BIGINT": pyodbc.SQL_BIGINT,
    "INTEGER": pyodbc.SQL_INTEGER,
    "DOUBLE": pyodbc.SQL_DOUBLE,
    "BIT": pyodbc.SQL_BIT,
    "TIMESTAMP": pyodbc.SQL_TYPE_TIMESTAMP,
    "DATE": pyodbc.SQL_TYPE_DATE,
}


def split_type(t):
    if "(" in t:
        name, size = t.rstrip(")").split("(")
        return name, int(size)
    return t, None


@pytest.mark.parametrize("table", FOUNDATION)
def test_columns_equal_the_contract(conn, table):
    expected = spec_tables.columns(table)
    assert expected, f"no column table found for {table} in the contract"
    got = conn.cursor().columns(table=table).fetchall()
    assert [r.column_name for r in got] == [c[0] for c in expected]
    for row, (name, typ, nullable) in zip(got, expected):
        type_name, size = split_type(typ)
        assert row.data_type == ODBC_TYPES[type_name], name
        assert row.type_name == type_name, name
        if size is not None:
            assert row.column_size == size, name
        assert bool(row.nullable) == nullable, name
        assert row.table_schem == "Instagram"
        assert row.table_cat is None


def test_tables_lists_instagram_objects_with_their_types(conn):
    rows = conn.cursor().tables(schema="Instagram").fetchall()
    kinds = {r.table_name: r.table_type for r in rows}
    for t in ["Accounts", "Pages", "Media", "MediaChildren"]:
        assert kinds[t] == "TABLE"
    assert kinds["sys_requests"] == "SYSTEM TABLE"
    assert all(r.table_cat is None for r in rows)


def test_primary_and_foreign_keys(conn):
    pk = conn.cursor().primaryKeys("MediaChildren").fetchall()
    assert [(r.column_name, r.pk_name) for r in pk] == [("Id", "PK_MediaChildren")]
    fks = conn.cursor().foreignKeys(foreignTable="MediaChildren").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {
        ("MediaId", "Media", "Id"),
        ("AccountId", "Accounts", "Id"),
    }
