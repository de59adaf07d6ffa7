"""INSERT/UPDATE/DELETE on Comments, Replies and Media through pyodbc, the DM and the driver, and the IDs
they create in sys_identity. Every test that writes gets its own emulator, so state never leaks
between tests; outcomes are read back through SELECT and the emulator's request log."""
import time

import pyodbc
import pytest

from fault_emulator import FaultEmulator


class Emu:
    """A fresh emulator (no faults unless asked) with a connection and request-log helpers."""

    def __init__(self, faults="latency:0:0", extra_args=(), **props):
        self.emu = FaultEmulator(faults, extra_args=extra_args)
        self.conn = pyodbc.connect(self.emu.connection_string(**props), autocommit=True)
        self.cur = self.conn.cursor()
        self.mark = 0

    def set_mark(self):
        self.mark = len(self.emu.requests())

    def calls(self):
        return [(r["method"], r["path"].split("/", 2)[-1], r["query"]) for r in self.emu.requests()[self.mark:]]

    def writes(self):
        return [(m, p) for m, p, _ in self.calls() if m != "GET"]

    def close(self):
        self.conn.close()
        self.emu.stop()


@pytest.fixture
def emu():
    e = Emu()
    yield e
    e.close()


@pytest.fixture(scope="module")
def module_emu():
    """For tests that must not write: one private emulator for all of them."""
    e = Emu()
    yield e
    e.close()


def feed_media(cur, n=1, enabled=True):
    rows = cur.execute("SELECT Id, CommentsCount FROM Media WHERE MediaProductType = 'FEED' AND IsCommentEnabled = ? "
                       "LIMIT ?", 1 if enabled else 0, n).fetchall()
    assert len(rows) == n
    return [(r[0], r[1]) for r in rows]


def top_comment(cur, media_id):
    row = cur.execute("SELECT Id FROM Comments WHERE MediaId = ? AND ParentId IS NULL AND Hidden = 0 LIMIT 1",
                      media_id).fetchone()
    assert row, "the media needs a visible comment"
    return row[0]


def media_with_comments(cur):
    for mid, count in feed_media(cur, 20):
        if count and count > 0:
            return mid
    pytest.fail("no media with comments")


def error_of(excinfo):
    state, text = excinfo.value.args[0], excinfo.value.args[1]
    return state, text


# ---- INSERT ------------------------------------------------------------------------------------------------

def test_insert_comment_posts_once_and_reads_back(emu):
    cur = emu.cur
    (media_id, before), = feed_media(cur)
    emu.set_mark()
    cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'Thank you!')", media_id)
    assert cur.rowcount == 1
    assert emu.writes() == [("POST", f"{media_id}/comments")]
    # Write bodies are form-encoded in the POST body, never in the query string.
    assert "message" not in emu.calls()[-1][2]
    ids = cur.execute("SELECT Seq, TableName, Id FROM sys_identity").fetchall()
    assert len(ids) == 1 and ids[0][0] == 1 and ids[0][1] == "Comments"
    new_id = ids[0][2]
    assert cur.execute("SELECT last_insert_rowid()").fetchone()[0] == int(new_id)
    row = cur.execute("SELECT Id, MediaId, ParentId, Text FROM Comments WHERE Id = ?", new_id).fetchone()
    assert tuple(row) == (new_id, media_id, None, "Thank you!")
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before + 1


def test_insert_reply_through_comments_and_replies(emu):
    cur = emu.cur
    media_id = media_with_comments(cur)
    parent = top_comment(cur, media_id)
    emu.set_mark()
    cur.execute("INSERT INTO Comments (ParentId, MediaId, Text) VALUES (?, ?, 'Agreed')", parent, media_id)
    cur.execute("INSERT INTO Replies (CommentId, Text) VALUES (?, 'Thanks!')", parent)
    assert emu.writes() == [("POST", f"{parent}/replies"), ("POST", f"{parent}/replies")]
    (seq, table, reply_id), = cur.execute("SELECT Seq, TableName, Id FROM sys_identity").fetchall()
    assert table == "Replies"  # only the last INSERT statement's IDs
    row = cur.execute("SELECT CommentId, MediaId, Text FROM Replies WHERE Id = ?", reply_id).fetchone()
    assert tuple(row) == (parent, media_id, "Thanks!")
    texts = {r[0] for r in cur.execute("SELECT Text FROM Comments WHERE ParentId = ?", parent).fetchall()}
    assert {"Agreed", "Thanks!"} <= texts


def test_multi_row_insert_validates_every_row_before_any_call(emu):
    cur = emu.cur
    (media_id, before), = feed_media(cur)
    emu.set_mark()
    with pytest.raises(pyodbc.Error) as e:
        cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'fine'), (?, '#a #b #c #d #e')", media_id, media_id)
    assert error_of(e) [0] == "22023"
    assert "Comments.Text: 5 hashtags; Instagram accepts at most 4 per comment" in error_of(e)[1]
    assert emu.writes() == []
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before


@pytest.mark.parametrize("sql,state,text", [
    ("INSERT INTO Comments (MediaId) VALUES ('{m}')", "23000", "Column Comments.Text is required for INSERT"),
    ("INSERT INTO Comments (MediaId, Text) VALUES ('{m}', '   ')", "23000",
     "Column Comments.Text is required for INSERT"),
    ("INSERT INTO Comments (Text) VALUES ('hi')", "23000",
     "Column Comments.MediaId is required for INSERT (or ParentId, to reply)"),
    ("INSERT INTO Comments (Id, MediaId, Text) VALUES ('1', '{m}', 'hi')", "23000",
     "Column Comments.Id is assigned by Instagram; leave it out of the INSERT"),
    ("INSERT INTO Comments (MediaId, Text, Hidden) VALUES ('{m}', 'hi', 1)", "42000",
     "Column Comments.Hidden cannot be set by INSERT"),
    ("INSERT INTO Comments (MediaId, Text, Username) VALUES ('{m}', 'hi', 'me')", "42000",
     "Column Comments.Username cannot be set by INSERT"),
    ("INSERT INTO Comments (MediaId, Text) VALUES ('{m}', '{long}')", "22001",
     "Comments.Text is 301 characters long; Instagram accepts at most 300"),
    ("INSERT INTO Replies (Text) VALUES ('hi')", "23000", "Column Replies.CommentId is required for INSERT"),
    ("INSERT INTO Media (Caption) VALUES ('x')", "42000",
     "Instagram.Media is read-only — publish with {call PostMedia(...)} or CreateMediaContainer + PublishMedia"),
    ("INSERT INTO Accounts (Id) VALUES ('1')", "42000", "Instagram.Accounts is read-only"),
    ("UPDATE Comments SET Text = 'x' WHERE Id = '1'", "42000",
     "Column Comments.Text cannot be changed; updatable columns: Hidden"),
    ("UPDATE Media SET Caption = 'x' WHERE Id = '{m}'", "42000",
     "Column Media.Caption cannot be changed; updatable columns: IsCommentEnabled"),
    ("UPDATE Media SET IsCommentEnabled = NULL WHERE Id = '{m}'", "23000",
     "Column Media.IsCommentEnabled is required for UPDATE"),
    ("DELETE FROM Comments WHERE Text LIKE '%spam%'", "42000",
     "DELETE on Instagram.Comments needs WHERE Id, MediaId or ParentId = … or IN (…); deleting on Instagram is "
     "permanent"),
    ("DELETE FROM Media", "42000",
     "DELETE on Instagram.Media needs WHERE Id = … or IN (…); deleting on Instagram is permanent"),
    ("DELETE FROM Replies WHERE Hidden = 1", "42000",
     "DELETE on Instagram.Replies needs WHERE Id, CommentId or MediaId = … or IN (…)"),
])
def test_write_refused_before_any_call(module_emu, sql, state, text):
    emu = module_emu
    (media_id, _), = feed_media(emu.cur)
    emu.set_mark()
    with pytest.raises(pyodbc.Error) as e:
        emu.cur.execute(sql.format(m=media_id, long="é" * 301))
    assert error_of(e)[0] == state
    assert "[instagram-odbc] " + text in error_of(e)[1]
    assert emu.writes() == []


def test_partial_failure_reports_rows_written(emu):
    cur = emu.cur
    (open_media, before), = feed_media(cur)
    (closed_media, _), = feed_media(cur, enabled=False)
    emu.set_mark()
    with pytest.raises(pyodbc.Error) as e:
        cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'one'), (?, 'two'), (?, 'three')",
                    open_media, closed_media, open_media)
    state, text = error_of(e)
    assert state == "HY000"
    assert "1 of 3 rows were written before the failure" in text
    # Rows are written in order and the first failure stops the statement.
    assert emu.writes() == [("POST", f"{open_media}/comments"), ("POST", f"{closed_media}/comments")]
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", open_media).fetchone()[0] == before + 1
    assert len(cur.execute("SELECT Id FROM sys_identity").fetchall()) == 1


def test_parameter_array_posts_one_comment_per_set(emu):
    cur = emu.cur
    (media_id, before), = feed_media(cur)
    emu.set_mark()
    cur.fast_executemany = True  # SQL_ATTR_PARAMSET_SIZE = 3 with one SQLExecute
    cur.executemany("INSERT INTO Comments (MediaId, Text) VALUES (?, ?)",
                    [(media_id, "first"), (media_id, "second"), (media_id, "third")])
    assert emu.writes() == [("POST", f"{media_id}/comments")] * 3
    ids = [r[0] for r in cur.execute("SELECT Id FROM sys_identity ORDER BY Seq").fetchall()]
    assert len(ids) == 3 and len(set(ids)) == 3
    texts = [cur.execute("SELECT Text FROM Comments WHERE Id = ?", i).fetchone()[0] for i in ids]
    assert texts == ["first", "second", "third"]
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before + 3


# ---- UPDATE ------------------------------------------------------------------------------------------------

def test_update_media_comment_enabled_and_same_value_makes_no_call(emu):
    cur = emu.cur
    (media_id, _), = feed_media(cur)
    emu.set_mark()
    cur.execute("UPDATE Media SET IsCommentEnabled = 0 WHERE Id = ?", media_id)
    assert cur.rowcount == 1
    calls = emu.calls()
    assert [(m, p) for m, p, _ in calls] == [("GET", media_id), ("POST", media_id)]
    # Only the changed column and what the planner needs are fetched.
    assert calls[0][2]["fields"] == "id,is_comment_enabled,owner,media_product_type"
    assert cur.execute("SELECT IsCommentEnabled FROM Media WHERE Id = ?", media_id).fetchone()[0] is False
    emu.set_mark()
    cur.execute("UPDATE Media SET IsCommentEnabled = 0 WHERE Id = ?", media_id)
    assert cur.rowcount == 1  # an affected row without a Graph call
    assert emu.writes() == []
    cur.execute("UPDATE Media SET IsCommentEnabled = 1 WHERE Id = ?", media_id)
    assert cur.execute("SELECT IsCommentEnabled FROM Media WHERE Id = ?", media_id).fetchone()[0] is True


def test_update_key_that_matches_nothing_affects_no_row(module_emu):
    emu = module_emu
    emu.set_mark()
    emu.cur.execute("UPDATE Comments SET Hidden = 1 WHERE Id = '17999999999999999'")
    assert emu.cur.rowcount == 0
    assert emu.writes() == []


def test_hide_and_unhide_comment(emu):
    cur = emu.cur
    media_id = media_with_comments(cur)
    cid = top_comment(cur, media_id)
    emu.set_mark()
    cur.execute("UPDATE Comments SET Hidden = 1 WHERE Id = ?", cid)
    assert cur.rowcount == 1
    assert emu.writes() == [("POST", cid)]
    assert cur.execute("SELECT Hidden FROM Comments WHERE Id = ?", cid).fetchone()[0] is True
    cur.execute("UPDATE Replies SET Hidden = 0 WHERE CommentId = ? AND Hidden = 1", cid)  # replies are visible
    cur.execute("UPDATE Comments SET Hidden = 0 WHERE Id = ?", cid)
    assert cur.execute("SELECT Hidden FROM Comments WHERE Id = ?", cid).fetchone()[0] is False


# ---- DELETE ------------------------------------------------------------------------------------------------

def test_delete_comments_matching_text_on_one_media(emu):
    cur = emu.cur
    (media_id, before), = feed_media(cur)
    cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'buy spam now'), (?, 'lovely'), (?, 'more spam')",
                media_id, media_id, media_id)
    emu.set_mark()
    cur.execute("DELETE FROM Comments WHERE MediaId = ? AND Text LIKE '%spam%'", media_id)
    assert cur.rowcount == 2
    assert [m for m, _ in emu.writes()] == ["DELETE", "DELETE"]
    left = [r[0] for r in cur.execute("SELECT Text FROM Comments WHERE MediaId = ?", media_id).fetchall()]
    assert "lovely" in left and not any("spam" in t for t in left)
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before + 1


def test_delete_media_by_id(emu):
    cur = emu.cur
    (media_id, _), = feed_media(cur)
    emu.set_mark()
    cur.execute("DELETE FROM Media WHERE Id = ?", media_id)
    assert cur.rowcount == 1
    calls = emu.calls()
    assert [(m, p) for m, p, _ in calls] == [("GET", media_id), ("DELETE", media_id)]
    assert calls[0][2]["fields"] == "id,owner,media_product_type"
    assert cur.execute("SELECT Id FROM Media WHERE Id = ?", media_id).fetchall() == []


def test_delete_what_the_last_insert_created(emu):
    cur = emu.cur
    (media_id, before), = feed_media(cur)
    cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'oops'), (?, 'oops again')", media_id, media_id)
    emu.set_mark()
    cur.execute("DELETE FROM Comments WHERE Id IN (SELECT Id FROM sys_identity)")
    assert cur.rowcount == 2
    assert [m for m, _ in emu.writes()] == ["DELETE", "DELETE"]
    assert cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before


def test_delete_story_by_id(emu):
    cur = emu.cur
    row = cur.execute("SELECT Id FROM Stories LIMIT 1").fetchone()
    if row is None:
        pytest.skip("the emulator serves no live story")
    emu.set_mark()
    cur.execute("DELETE FROM Stories WHERE Id = ?", row[0])
    assert cur.rowcount == 1
    assert emu.writes() == [("DELETE", row[0])]
    assert cur.execute("SELECT Id FROM Stories WHERE Id = ?", row[0]).fetchall() == []


# ---- no transactions ---------------------------------------------------------------------------------------

def test_manual_commit_writes_at_once_and_rollback_says_so(emu):
    (media_id, before), = feed_media(emu.cur)
    conn = pyodbc.connect(emu.emu.connection_string(), autocommit=False)
    try:
        cur = conn.cursor()
        cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'immediate')", media_id)
        assert any("Instagram writes are immediate" in m[1] for m in cur.messages), cur.messages
        conn.rollback()
        # The write already happened: another connection sees it.
        assert emu.cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0] == before + 1
    finally:
        conn.close()


# ---- writes under faults -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fault", ["reset:1@POST /", "5xx:1@POST /"])
def test_write_under_fault_is_sent_once(fault):
    e = Emu(fault, MaxRetries=5, RetryMaxSeconds=5)
    try:
        (media_id, before), = feed_media(e.cur)
        e.set_mark()
        with pytest.raises(pyodbc.Error) as err:
            e.cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'exactly once')", media_id)
        # A reset after the request went out leaves the outcome open (08007); a 5xx is Instagram's answer.
        assert error_of(err)[0] == ("08007" if fault.startswith("reset") else "HY000")
        # Never repeated: the request reached the server, so the comment may exist; it must not exist twice.
        assert e.writes() == [("POST", f"{media_id}/comments")]
        texts = [r[0] for r in e.cur.execute("SELECT Text FROM Comments WHERE MediaId = ?", media_id).fetchall()]
        assert texts.count("exactly once") <= 1
        after = e.cur.execute("SELECT CommentsCount FROM Media WHERE Id = ?", media_id).fetchone()[0]
        assert after - before == texts.count("exactly once")
    finally:
        e.close()


@pytest.mark.parametrize("fault", ["reset:1@POST /", "truncated:1@POST /"])
def test_lost_answer_to_an_insert_is_08007_naming_the_created_comment(fault):
    # The emulator's clock is this machine's, so the comment's timestamp is recent enough to be matched.
    e = Emu(fault, extra_args=("--now", str(int(time.time()))), MaxRetries=5, RetryMaxSeconds=5)
    try:
        (media_id, _), = feed_media(e.cur)
        e.set_mark()
        with pytest.raises(pyodbc.Error) as err:
            e.cur.execute("INSERT INTO Comments (MediaId, Text) VALUES (?, 'answer lost')", media_id)
        state, text = error_of(err)
        # One POST, then one read-back of the media's comments (its first page holds the comment); nothing else.
        assert [(m, p) for m, p, _ in e.calls()] == [("POST", f"{media_id}/comments"),
                                                     ("GET", f"{media_id}/comments")]
        assert state == "08007", text
        assert "was sent but its answer was lost" in text and "Cannot reach" not in text, text
        created = [r[0] for r in e.cur.execute("SELECT Id FROM Comments WHERE MediaId = ? AND Text = 'answer lost'",
                                               media_id).fetchall()]
        assert len(created) == 1
        assert f"found comment {created[0]} with the same text" in text and "most likely this INSERT's" in text, text
        assert e.writes() == [("POST", f"{media_id}/comments")]
    finally:
        e.close()
