"""SQL from an untrusted sender, tried as an attacker would: it reaches the connection's Instagram data and its
own scratch tables, never local files, other connections, the host process or the token. Every refusal is a
clean ODBC error with an SQLSTATE and a message that says what is not allowed; the connection keeps working
after it."""
import os
import sqlite3
import subprocess
import sys
import textwrap

import pyodbc
import pytest

from conftest import connection_string, dsn_string, graph_writes


def refused(conn, sql, state="42000", words=()):
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute(sql).fetchall()
    assert e.value.args[0] == state, (sql, e.value.args)
    message = str(e.value.args[1])
    assert "[instagram-odbc]" in message, message
    for w in words:
        assert w.lower() in message.lower(), (w, message)
    # The connection is still usable after the refusal.
    assert conn.cursor().execute("SELECT 1").fetchone()[0] == 1
    return message


def test_fts3_tokenizer_cannot_install_or_leak_a_pointer(conn):
    refused(conn, "SELECT fts3_tokenizer('simple', x'4141414141414141')", words=["fts3_tokenizer"])
    refused(conn, "SELECT hex(fts3_tokenizer('simple'))", words=["fts3_tokenizer"])


def test_the_crash_reproducer_runs_in_a_child_without_crashing():
    # The whole sequence that used to jump to an address of the caller's choosing: run in a child process, so
    # a regression shows as a signal here instead of taking the test runner down.
    script = textwrap.dedent(f"""
        import pyodbc
        c = pyodbc.connect({connection_string()!r}, autocommit=True)
        for sql in ["SELECT fts3_tokenizer('simple', x'4141414141414141')",
                    "CREATE VIRTUAL TABLE t USING fts3(x, tokenize=simple)",
                    "INSERT INTO t VALUES ('hello')", "SELECT * FROM t"]:
            try:
                c.cursor().execute(sql).fetchall() if sql.startswith("SELECT") else c.cursor().execute(sql)
            except pyodbc.Error as e:
                print(e.args[0])
        print(c.cursor().execute("SELECT count(*) FROM Accounts").fetchone()[0] > 0)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert out.stdout.split()[0] == "42000" and out.stdout.split()[-1] == "True", out.stdout


@pytest.mark.parametrize("sql", [
    "ATTACH 'shell.php' AS x",
    "ATTACH DATABASE 'file:other.db?mode=ro' AS x",
    "ATTACH 'file:leak?mode=memory&cache=shared' AS leak",
    "ATTACH ':memory:' AS y",
])
def test_attach_is_refused_and_creates_no_file(conn, tmp_path, sql):
    before = set(os.listdir(tmp_path))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        refused(conn, sql, words=["ATTACH is not allowed"])
    finally:
        os.chdir(cwd)
    assert set(os.listdir(tmp_path)) == before


def test_vacuum_into_writes_no_file(conn, tmp_path):
    target = tmp_path / "x.db"
    refused(conn, f"VACUUM INTO '{target}'", words=["VACUUM"])
    refused(conn, f"/* hidden */ vacuum  main INTO '{target}'", words=["VACUUM"])
    assert not target.exists()


def test_detach_of_the_instagram_schema_is_refused(conn):
    refused(conn, "DETACH Instagram", words=["DETACH"])
    assert conn.cursor().execute("SELECT count(*) FROM Accounts").fetchone()[0] > 0


@pytest.mark.parametrize("sql", [
    "PRAGMA writable_schema = ON",
    "PRAGMA Instagram.writable_schema = 1",
    "PRAGMA journal_mode = OFF",
    "PRAGMA temp_store_directory = '/tmp'",
    "PRAGMA main.max_page_count = 999999999",
    "PRAGMA trusted_schema = ON",
    "PRAGMA cell_size_check = OFF",
])
def test_pragmas_outside_the_allow_list_are_refused(conn, sql):
    refused(conn, sql, words=["PRAGMA", "not allowed"])


def test_read_only_pragmas_that_tools_use_work(conn):
    conn.autocommit = True  # foreign_keys cannot change inside a transaction
    c = conn.cursor()
    c.execute("CREATE TABLE pragma_probe (a INTEGER PRIMARY KEY, b TEXT)")
    assert [r[1] for r in c.execute("PRAGMA table_info(pragma_probe)").fetchall()] == ["a", "b"]
    assert [r[1] for r in c.execute("SELECT * FROM pragma_table_info('pragma_probe')").fetchall()] == ["a", "b"]
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] in (0, 1)
    c.execute("PRAGMA foreign_keys = ON")
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    c.execute("DROP TABLE pragma_probe")


def test_the_schema_table_cannot_be_rewritten(conn):
    refused(conn, "PRAGMA writable_schema = ON")
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute("UPDATE Instagram.sqlite_schema SET sql = replace(sql, 'Media', 'Comments')")
    assert e.value.args[0] in ("42000", "HY000", "25000")
    # Media still answers as Media.
    cols = [d[0] for d in conn.cursor().execute("SELECT * FROM Media LIMIT 1").description]
    assert "MediaType" in cols or "Caption" in cols


@pytest.mark.parametrize("sql", [
    "ALTER TABLE Instagram.Media RENAME TO Media2",
    "ALTER TABLE Media RENAME TO Media2",
    "ALTER TABLE Instagram.Media ADD COLUMN x",
    "ALTER TABLE Instagram.Media RENAME COLUMN Id TO x",
    "DROP VIEW IF EXISTS Instagram.nothing",
    "CREATE TABLE Instagram.x (a)",
    "CREATE VIEW Instagram.v AS SELECT 1",
])
def test_the_instagram_schema_cannot_be_changed(conn, sql):
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute(sql)
    assert e.value.args[0] == "42000", (sql, e.value.args)
    assert conn.cursor().execute("SELECT count(*) FROM Media WHERE Id IS NOT NULL LIMIT 1").fetchone()[0] >= 0


@pytest.mark.parametrize("sql", [
    "CREATE TABLE Accounts (Id TEXT)",
    "CREATE TABLE accounts (Id TEXT)",
    "CREATE TEMP TABLE Media (Id TEXT)",
    "CREATE TEMP VIEW Accounts AS SELECT '1' AS Id",
    "CREATE VIEW \"Comments\" AS SELECT 1",
    "CREATE TABLE Local.Replies (x)",
    "CREATE INDEX Media ON scratch_for_names (a)",
    "CREATE VIRTUAL TABLE Stories USING fts4(x)",
])
def test_scratch_objects_cannot_take_an_instagram_name(conn, sql):
    conn.cursor().execute("CREATE TABLE IF NOT EXISTS scratch_for_names (a)")
    refused(conn, sql, state="42S01", words=["name of an Instagram object"])


def test_a_scratch_table_cannot_be_renamed_to_an_instagram_name(conn):
    c = conn.cursor()
    c.execute("CREATE TABLE rename_me (Id TEXT)")
    refused(conn, "ALTER TABLE rename_me RENAME TO Accounts", state="42S01", words=["Accounts"])
    refused(conn, "ALTER TABLE main.\"rename_me\" RENAME TO [Media] -- trailing", state="42S01")
    c.execute("ALTER TABLE rename_me RENAME TO renamed_ok")
    c.execute("DROP TABLE renamed_ok")


def test_unqualified_names_always_mean_instagram(conn):
    n = conn.cursor().execute("SELECT count(*) FROM Accounts").fetchone()[0]
    assert n > 0
    with pytest.raises(pyodbc.Error):
        conn.cursor().execute("CREATE TEMP VIEW Accounts AS SELECT 'planted' AS Id")
    assert conn.cursor().execute("SELECT count(*) FROM Accounts").fetchone()[0] == n
    assert conn.cursor().execute("SELECT count(*) FROM Accounts WHERE Id = 'planted'").fetchone()[0] == 0


def test_the_instagram_module_is_only_the_drivers(conn):
    refused(conn, "CREATE VIRTUAL TABLE my_media USING instagram(Media)", words=["instagram module"])


def test_procedures_cannot_be_reached_from_a_view(conn):
    conn.cursor().execute("CREATE TEMP VIEW token_view AS SELECT * FROM igodbc_proc_GetOAuthAccessToken")
    refused(conn, "SELECT * FROM token_view", words=["runs only as {call GetOAuthAccessToken"])


def test_a_trigger_cannot_write_instagram_data(private_conn, private_requests_log):
    c = private_conn.cursor()
    c.execute("CREATE TABLE trig_src (x TEXT)")
    media = c.execute("SELECT Id FROM Media WHERE CommentsCount > 0 LIMIT 1").fetchone()[0]
    comment_id = c.execute("SELECT Id FROM Comments WHERE MediaId = ? LIMIT 1", media).fetchone()[0]
    c.execute(f"CREATE TEMP TRIGGER evil AFTER INSERT ON trig_src BEGIN "
              f"DELETE FROM Comments WHERE Id = '{comment_id}'; END")
    message = refused(private_conn, "INSERT INTO trig_src VALUES ('a')", words=["Trigger evil", "Comments"])
    assert "scratch tables only" in message
    assert graph_writes(private_requests_log.since()) == []
    assert c.execute("SELECT count(*) FROM Comments WHERE Id = ?", comment_id).fetchone()[0] == 1
    # A trigger that keeps to scratch tables works.
    c.execute("CREATE TABLE trig_log (x TEXT)")
    c.execute("CREATE TEMP TRIGGER fine AFTER INSERT ON trig_log BEGIN INSERT INTO trig_src VALUES (new.x); END")
    c.execute("DROP TRIGGER evil")
    c.execute("INSERT INTO trig_log VALUES ('b')")
    assert c.execute("SELECT x FROM trig_src").fetchall()[0][0] == "b"


def test_a_trigger_cannot_read_instagram_data_into_scratch(conn):
    c = conn.cursor()
    c.execute("CREATE TABLE trig_a (x TEXT)")
    c.execute("CREATE TABLE trig_b (x TEXT)")
    c.execute("CREATE TEMP TRIGGER copier AFTER INSERT ON trig_a BEGIN "
              "INSERT INTO trig_b SELECT Id FROM Accounts; END")
    refused(conn, "INSERT INTO trig_a VALUES ('a')", words=["Trigger copier"])


def test_a_trigger_on_an_instagram_view_is_refused():
    c = pyodbc.connect(connection_string(CDataCompat="true"))
    try:
        # IGMedia is a view of the Instagram schema (CData compatibility): SQLite would allow the trigger.
        refused(c, "CREATE TEMP TRIGGER t INSTEAD OF DELETE ON IGMedia BEGIN SELECT 1; END",
                words=["Triggers on Instagram objects are not allowed", "IGMedia"])
    finally:
        c.close()


def test_a_view_over_instagram_tables_works(conn):
    c = conn.cursor()
    c.execute("CREATE TEMP VIEW my_accounts AS SELECT Id FROM Accounts")
    assert c.execute("SELECT count(*) FROM my_accounts").fetchone()[0] == \
        c.execute("SELECT count(*) FROM Accounts").fetchone()[0]


def test_values_are_bounded_not_fatal(conn):
    message = refused(conn, "SELECT length(zeroblob(500000000) || zeroblob(499999999))", state="54000",
                      words=["MaxValueBytes"])
    assert "DSN" in message
    refused(conn, "SELECT length(randomblob(200000000))", state="54000")
    refused(conn, "SELECT length(replace(hex(zeroblob(30000000)), '0', 'ab'))", state="54000")


def test_an_overlong_statement_is_refused_before_it_is_copied(conn):
    sql = "SELECT '" + "x" * (5 << 20) + "'"
    refused(conn, sql, state="54000", words=["MaxStatementBytes"])


def test_the_scratch_database_is_bounded():
    # A full database rolls the transaction back, CREATE TABLE included: autocommit keeps the table.
    conn = pyodbc.connect(connection_string(MaxScratchMB=8), autocommit=True)
    try:
        c = conn.cursor()
        c.execute("CREATE TABLE big (b BLOB)")
        inserted = 0
        with pytest.raises(pyodbc.Error) as e:
            for _ in range(40):  # 1 MB blobs until the 8 MiB ceiling is met
                c.execute("INSERT INTO big VALUES (zeroblob(1000000))")
                inserted += 1
        assert e.value.args[0] == "HY000" and "MaxScratchMB is 8" in str(e.value.args[1])
        assert 4 <= inserted <= 8, inserted
        c.execute("DROP TABLE big")
        c.execute("CREATE TABLE small (b BLOB)")  # room again once the table is gone
        c.execute("INSERT INTO small VALUES (zeroblob(1000000))")
    finally:
        conn.close()


def test_a_connection_string_cannot_raise_the_ceilings():
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string(MaxScratchMB=1048576))
    assert e.value.args[0] == "08001" and "may only lower" in e.value.args[1]


def test_limits_are_connection_properties():
    c = pyodbc.connect(connection_string(MaxValueBytes=1000, MaxStatementBytes=2000))
    try:
        refused(c, "SELECT length(zeroblob(2000))", state="54000")
        assert c.cursor().execute("SELECT length(zeroblob(900))").fetchone()[0] == 900
        refused(c, "SELECT '" + "y" * 3000 + "'", state="54000", words=["2000"])
    finally:
        c.close()


def scratch_file(tmp_path, *statements):
    """A scratch database file as another process could leave it."""
    path = tmp_path / "shared.db"
    db = sqlite3.connect(path)
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()
    return path


def test_a_scratch_file_that_plants_an_instagram_name_is_refused(tmp_path):
    path = scratch_file(tmp_path, "CREATE TABLE Accounts (Id TEXT)", "INSERT INTO Accounts VALUES ('planted')")
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string({"GraphURL": os.environ["EMULATOR_URL"], "OAuthAccessToken": "demo-token",
                                   "ScratchDatabase": str(path)}))
    assert e.value.args[0] == "08001"
    assert "'Accounts', the name of an Instagram object" in e.value.args[1]


def test_a_trigger_planted_in_a_scratch_file_cannot_reach_instagram(tmp_path, requests_log):
    path = scratch_file(tmp_path, "CREATE TABLE notes (x TEXT)",
                        "CREATE TRIGGER planted AFTER INSERT ON notes BEGIN DELETE FROM Comments; END")
    c = pyodbc.connect(dsn_string({"GraphURL": os.environ["EMULATOR_URL"], "OAuthAccessToken": "demo-token",
                                   "ScratchDatabase": str(path)}))
    try:
        with pytest.raises(pyodbc.Error) as e:
            c.cursor().execute("INSERT INTO notes VALUES ('x')")
        # SQLite confines a stored trigger to its own database (42S02 here), and the guard refuses the rest.
        assert e.value.args[0] in ("42000", "42S02"), e.value.args
        # The file's own tables are there, and nothing reached Instagram.
        assert c.cursor().execute("SELECT count(*) FROM notes").fetchone()[0] == 0
        assert graph_writes(requests_log.since()) == []
    finally:
        c.close()


def test_a_view_in_a_scratch_file_reads_scratch_tables(tmp_path):
    path = scratch_file(tmp_path, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('kept')",
                        "CREATE VIEW note_view AS SELECT x FROM notes")
    c = pyodbc.connect(dsn_string({"GraphURL": os.environ["EMULATOR_URL"], "OAuthAccessToken": "demo-token",
                                   "ScratchDatabase": str(path)}))
    try:
        assert c.cursor().execute("SELECT x FROM note_view").fetchall()[0][0] == "kept"
    finally:
        c.close()


@pytest.mark.parametrize("name", ["file:leak?mode=memory&cache=shared", "FILE:x.db?vfs=unix-none"])
def test_a_scratch_database_uri_is_refused(name):
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string({"GraphURL": os.environ["EMULATOR_URL"], "OAuthAccessToken": "demo-token",
                                   "ScratchDatabase": name}))
    assert e.value.args[0] == "08001" and "not a file: URI" in e.value.args[1]


def test_a_symlinked_scratch_database_is_refused(tmp_path):
    target = scratch_file(tmp_path, "CREATE TABLE notes (x TEXT)")
    link = tmp_path / "link.db"
    link.symlink_to(target)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string({"GraphURL": os.environ["EMULATOR_URL"], "OAuthAccessToken": "demo-token",
                                   "ScratchDatabase": str(link)}))
    assert e.value.args[0] == "08001" and "ScratchDatabase" in e.value.args[1]
