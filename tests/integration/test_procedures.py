"""Publishing procedures through unixODBC: the three calling forms, SQLProcedures /
SQLProcedureColumns, validation before any Graph call, and the emulator's state read back after a write.
Every procedure runs against this module's private emulator, so what it publishes never reaches the shared
one; the tests here read back only what they created themselves, so they can share it."""
import pyodbc
import pytest

PUBLISHING = ["CreateCarouselContainer", "CreateMediaContainer", "GetContainerStatus", "PostMedia",
              "PublishMedia", "ReplyToMention"]


@pytest.fixture
def acct(ds):
    return min(ds.accounts(), key=lambda a: len(ds.media_of(a["id"])))["id"]


@pytest.fixture
def pconn(private_emulator, acct):
    c = private_emulator.connect(BusinessAccountId=acct)
    yield c
    c.close()


def graph_calls(requests_log):
    return [(r["method"], r["path"].split("/", 2)[-1]) for r in requests_log.since()]


def error_of(excinfo):
    return excinfo.value.args[0], excinfo.value.args[1]


def test_sqlprocedures_lists_publishing_procedures(conn):
    rows = conn.cursor().procedures(schema="Instagram").fetchall()
    names = [r.procedure_name for r in rows]
    for p in PUBLISHING:
        assert p in names
    for r in rows:
        assert r.procedure_schem == "Instagram"
        assert r.procedure_cat is None
        assert r.procedure_type == pyodbc.SQL_PT_PROCEDURE if hasattr(pyodbc, "SQL_PT_PROCEDURE") else 1


def test_sqlprocedurecolumns_reports_parameters_then_result_columns(conn):
    rows = conn.cursor().procedureColumns(procedure="PublishMedia").fetchall()
    got = [(r.column_name, r.column_type, r.type_name) for r in rows]
    assert got == [("AccountId", 1, "VARCHAR"), ("ContainerId", 1, "VARCHAR"), ("WaitSeconds", 1, "INTEGER"),
                   ("MediaId", 3, "VARCHAR"), ("ContainerId", 3, "VARCHAR"), ("Permalink", 3, "VARCHAR")]


def test_create_status_publish_and_read_back(pconn, acct, private_requests_log):
    cur = pconn.cursor()
    cur.execute("{call CreateMediaContainer(?, 'IMAGE', 'https://example.com/cat.jpg', NULL, 0, ?)}",
                acct, "A cat")
    container, account = cur.fetchone()
    assert account == acct
    assert [c[0] for c in cur.description] == ["ContainerId", "AccountId"]
    cur.execute("CALL GetContainerStatus(?)", container)
    row = cur.fetchone()
    assert row.ContainerId == container and row.StatusCode == "FINISHED" and row.ErrorSubcode is None
    cur.execute("EXEC PublishMedia @ContainerId = ?, @WaitSeconds = 0", container)
    media, cont, permalink = cur.fetchone()
    assert cont == container and permalink.startswith("http")
    calls = graph_calls(private_requests_log)
    assert ("POST", f"{acct}/media") in calls
    assert ("POST", f"{acct}/media_publish") in calls
    cur.execute("SELECT Caption FROM Media WHERE Id = ?", media)
    assert cur.fetchone()[0] == "A cat"


def test_post_media_one_step(pconn, acct):
    cur = pconn.cursor()
    cur.execute("EXEC PostMedia @MediaType = 'IMAGE', @ImageUrl = 'https://example.com/a.jpg', "
                "@Caption = 'one step', @WaitSeconds = 0")
    media, container, _ = cur.fetchone()
    cur.execute("SELECT Caption, AccountId FROM Media WHERE Id = ?", media)
    assert tuple(cur.fetchone()) == ("one step", acct)


def test_carousel(pconn):
    cur = pconn.cursor()
    kids = []
    for n in range(2):
        cur.execute("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl=?, @IsCarouselItem=1",
                    f"https://example.com/{n}.jpg")
        kids.append(cur.fetchone()[0])
    cur.execute("{call CreateCarouselContainer(NULL, ?, 'album')}", ",".join(kids))
    album = cur.fetchone()[0]
    cur.execute("{call PublishMedia(NULL, ?)}", album)
    media = cur.fetchone()[0]
    cur.execute("SELECT MediaType FROM Media WHERE Id = ?", media)
    assert cur.fetchone()[0] == "CAROUSEL_ALBUM"


@pytest.mark.parametrize("sql,state,text", [
    ("EXEC CreateMediaContainer @MediaType='VIDEO', @VideoUrl='https://example.com/v.mp4'", "22023",
     "CreateMediaContainer.MediaType: VIDEO is for album items only; single feed videos are published as REELS"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='https://x/a.jpg', @VideoUrl='https://x/b.mp4'",
     "22023", "give exactly one of ImageUrl and VideoUrl"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='ftp://x/a.jpg'", "22023",
     "CreateMediaContainer.ImageUrl: must be a public http(s) URL"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='https://x/a.jpg', @Caption='" + "a" * 2201 + "'",
     "22001", "CreateMediaContainer.Caption is 2201 characters long; Instagram accepts at most 2200"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='https://x/a.jpg', @Collaborators='a,b,c,d'",
     "22023", "CreateMediaContainer.Collaborators: at most 3 collaborators are allowed"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='https://x/a.jpg', @UserTags='[{\"username\":\"j\"}]'",
     "22023", "CreateMediaContainer.UserTags:"),
    ("EXEC CreateMediaContainer @MediaType='IMAGE', @ImageUrl='https://x/a.jpg', @Bogus=1", "42000",
     "Procedure CreateMediaContainer has no parameter @Bogus"),
    ("EXEC CreateMediaContainer @ImageUrl='https://x/a.jpg'", "42000",
     "Procedure CreateMediaContainer needs parameter @MediaType"),
    ("{call GetContainerStatus()}", "42000", "Procedure GetContainerStatus needs parameter @ContainerId"),
    ("{call CreateCarouselContainer(NULL, '1')}", "22023", "CreateCarouselContainer.Children: an album has 2 to 10"),
    ("EXEC ReplyToMention @MediaId='1', @Message='" + "#a " * 5 + "'", "22023",
     "ReplyToMention.Message: 5 hashtags; Instagram accepts at most 4 per comment"),
    ("{?= call GetContainerStatus('1')}", "42000", "returns a result set, not a return value"),
    ("CALL NoSuchProcedure(1)", "42000", "Procedure NoSuchProcedure does not exist"),
])
def test_validation_before_any_call(pconn, private_requests_log, sql, state, text):
    with pytest.raises(pyodbc.Error) as e:
        pconn.cursor().execute(sql).fetchall()
    got_state, message = error_of(e)
    assert got_state == state, message
    assert text in message
    assert "[instagram-odbc]" in message
    writes = [c for c in graph_calls(private_requests_log) if c[0] != "GET"]
    assert writes == []


def test_procedure_table_refused_inside_another_statement(pconn):
    with pytest.raises(pyodbc.Error) as e:
        pconn.cursor().execute("SELECT * FROM igodbc_proc_GetContainerStatus('1')").fetchall()
    state, message = error_of(e)
    assert state == "42000"
    assert "runs only as {call GetContainerStatus" in message


def test_container_with_unreachable_video_reports_error_subcode(pconn):
    cur = pconn.cursor()
    cur.execute("EXEC CreateMediaContainer @MediaType='REELS', @VideoUrl='https://host.invalid/v.mp4'")
    container = cur.fetchone()[0]
    cur.execute("CALL GetContainerStatus(?)", container)
    row = cur.fetchone()
    assert row.StatusCode == "ERROR" and row.ErrorSubcode == 2207052
    with pytest.raises(pyodbc.Error) as e:
        cur.execute("EXEC PublishMedia @ContainerId=?, @WaitSeconds=1", container).fetchall()
    state, message = error_of(e)
    assert state == "HY000"
    assert f"Container {container} failed" in message and "create a new container" in message


def test_multi_account_scope_needs_account_id(private_emulator, ds):
    ids = ",".join(a["id"] for a in ds.accounts()[:2])
    if len(ds.accounts()) < 2:
        pytest.skip("the emulator dataset has a single account")
    c = private_emulator.connect(BusinessAccountId=ids)
    try:
        with pytest.raises(pyodbc.Error) as e:
            c.cursor().execute("EXEC PostMedia @MediaType='IMAGE', @ImageUrl='https://x/a.jpg'").fetchall()
        state, message = error_of(e)
        assert state == "42000" and "Procedure PostMedia needs parameter @AccountId" in message
    finally:
        c.close()
