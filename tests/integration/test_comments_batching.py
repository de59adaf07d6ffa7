"""Comments and Replies driven by a join one parent at a time: the lookup reads
the parent together with its neighbours on the outer walk's page in one ids= call, so a join over the 1,200-media
account costs a call per 50 media (not one per media), full nested pages still get their continuations, and the
rows equal both the emulator's data and the per-media `WHERE MediaId = ?` reads. A comment read by Id brings its
media's owner in the same response (media{id,owner}), so it is one call."""
import math

import pyodbc
import pytest

from conftest import connection_string
from test_comments import BIG, PAGE, continuations, expected_comments, expected_continuations, gets

MEDIA_PAGE = 100  # the Media walk's page size
SLICE = 50  # IDs per ids= call


@pytest.fixture
def big():
    c = pyodbc.connect(connection_string(BusinessAccountId=BIG))
    yield c
    c.close()


def media_ids(ds):
    ids = [m["id"] for m in ds.media_of(BIG)]
    assert len(ids) == 1200
    return ids


def expected_calls(ds):
    """The Media walk pages, one ids= call per 50 listed media, and the continuations of full nested pages."""
    ids = media_ids(ds)
    return math.ceil(len(ids) / MEDIA_PAGE), math.ceil(len(ids) / SLICE), expected_continuations(ds, ids)


def check_slices(lookups, ds):
    """Every ids= call reads one fixed slice of a walk page, and each media is read exactly once."""
    assert all(len(c["query"]["ids"].split(",")) <= SLICE for c in lookups)
    read = [i for c in lookups for i in c["query"]["ids"].split(",")]
    assert sorted(read) == sorted(media_ids(ds))


JOIN = ("SELECT c.Id, c.MediaId, c.ParentId, c.AccountId, c.Text, c.Timestamp, c.Username, c.FromId, c.UserId, "
        "c.LikeCount, c.Hidden FROM Media m JOIN Comments c ON c.MediaId = m.Id")


def test_media_join_reads_comments_fifty_media_a_call(ds, big, requests_log):
    rows = [tuple(r) for r in big.cursor().execute(JOIN).fetchall()]
    expected = expected_comments(ds, BIG)
    assert len(rows) == len(expected) == 40206
    assert sorted(rows, key=repr) == sorted(expected, key=repr)
    calls = gets(requests_log)
    walk = [c for c in calls if c["path"].endswith(f"{BIG}/media")]
    lookups = [c for c in calls if "ids" in c["query"]]
    cont = [c for c in calls if c["path"].endswith(("/comments", "/replies"))]
    pages, slices, continued = expected_calls(ds)
    assert (len(walk), len(lookups), len(cont)) == (pages, slices, continued)
    assert lookups[0]["query"]["fields"].startswith("id,owner,comments.limit(50){")
    check_slices(lookups, ds)
    # Nothing else: no per-media read (was one per media: 12 + 1,200 + 236 = 1,448 calls).
    assert len(calls) == pages + slices + continued
    print(f"\nMedia JOIN Comments: {pages} walk + {slices} ids= + {continued} continuations = {len(calls)} calls")


def test_correlated_subquery_is_batched_the_same_way(ds, big, requests_log):
    rows = big.cursor().execute(
        "SELECT m.Id, (SELECT COUNT(*) FROM Comments c WHERE c.MediaId = m.Id) FROM Media m").fetchall()
    counts = {}
    for r in expected_comments(ds, BIG):
        counts[r[1]] = counts.get(r[1], 0) + 1
    assert {r[0]: r[1] for r in rows} == {m: counts.get(m, 0) for m in media_ids(ds)}
    calls = gets(requests_log)
    pages, slices, continued = expected_calls(ds)
    assert len([c for c in calls if "ids" in c["query"]]) == slices
    assert len(calls) == pages + slices + continued


def test_in_subquery_hands_the_list_over_whole(ds, big, requests_log):
    rows = big.cursor().execute("SELECT Id FROM Comments WHERE MediaId IN (SELECT Id FROM Media)").fetchall()
    assert sorted(r[0] for r in rows) == sorted(r[0] for r in expected_comments(ds, BIG))
    calls = gets(requests_log)
    pages, slices, continued = expected_calls(ds)
    lookups = [c for c in calls if "ids" in c["query"]]
    check_slices(lookups, ds)
    assert len(calls) == pages + slices + continued


def sample_media(ds):
    """Media the batching could get wrong: the busiest, ones whose nested page is exactly full, ones continued,
    ones without comments, and the first and last of a slice."""
    comments = ds.data["comments"]
    ids = media_ids(ds)
    n = {m: len(comments.get(m, [])) for m in ids}
    picks = [max(ids, key=n.get)]
    picks += [m for m in ids if n[m] == PAGE][:2]
    picks += [m for m in ids if n[m] > PAGE][:2]
    picks += [m for m in ids if n[m] == 0][:1]
    picks += [ids[0], ids[49], ids[50], ids[-1]]
    assert any(n[m] == PAGE for m in picks) and any(n[m] > 2 * PAGE for m in picks)
    return list(dict.fromkeys(picks))


def test_join_rows_equal_the_per_media_reads(ds, big):
    cur = big.cursor()
    joined = {}
    for r in cur.execute(JOIN).fetchall():
        joined.setdefault(r[1], []).append(tuple(r))
    for media in sample_media(ds):
        alone = [tuple(r) for r in cur.execute(
            "SELECT Id, MediaId, ParentId, AccountId, Text, Timestamp, Username, FromId, UserId, LikeCount, Hidden "
            "FROM Comments WHERE MediaId = ?", media).fetchall()]
        assert joined.get(media, []) == alone, media


def reply_pages(top):
    """The top-level comment pages a stream reads for one media: the nested page, then the /comments pages."""
    return [top[i:i + PAGE] for i in range(0, len(top), PAGE)]


def test_comments_join_replies_reads_replies_a_page_of_comments_a_call(ds, big, requests_log):
    comments = ds.data["comments"]
    media = sorted(media_ids(ds)[:40], key=lambda m: -len(comments.get(m, [])))[:10]
    assert any(len(comments.get(m, [])) > PAGE for m in media)
    marks = ",".join("?" * len(media))
    rows = big.cursor().execute(
        f"SELECT c.Id, r.Id, r.CommentId, r.MediaId, r.Text FROM Comments c JOIN Replies r ON r.CommentId = c.Id "
        f"WHERE c.ParentId IS NULL AND c.MediaId IN ({marks})", *media).fetchall()
    expected = [(c["id"], r["id"], c["id"], m, r.get("text")) for m in media for c in comments.get(m, [])
                for r in c.get("replies", [])]
    assert sorted(tuple(r) for r in rows) == sorted(expected)
    calls = gets(requests_log)
    tops = [comments.get(m, []) for m in media]
    pages = [p for top in tops for p in reply_pages(top)]
    # The outer read: one ids= call for the media, their /comments continuations (no replies expansion).
    outer = 1 + sum(continuations(len(top)) for top in tops)
    # The inner reads: one call per page of top-level comments, and the /replies continuations.
    inner = len(pages) + sum(continuations(len(c.get("replies", []))) for top in tops for c in top)
    assert len(calls) == outer + inner
    n_top = sum(len(top) for top in tops)
    print(f"\nComments JOIN Replies over {len(media)} media, {n_top} top-level comments: {len(calls)} calls")
    slice_reads = [c for c in calls if "ids" in c["query"] and "replies" in c["query"]["fields"]]
    assert slice_reads and all(c["query"]["fields"].startswith("id,media{id,owner},replies.limit(50){")
                               for c in slice_reads)


def test_comment_by_id_is_one_call_with_the_owner_expanded(ds, big, requests_log):
    comments = expected_comments(ds, BIG)
    for row in (next(r for r in comments if r[2] is None), next(r for r in comments if r[2] is not None)):
        requests_log.mark()
        assert [tuple(r) for r in big.cursor().execute("SELECT * FROM Comments WHERE Id = ?", row[0]).fetchall()] \
            == [row]
        calls = gets(requests_log)
        assert len(calls) == 1
        assert calls[0]["path"].endswith(f"/{row[0]}")
        assert calls[0]["query"]["fields"].endswith(",parent_id,media{id,owner}")


def test_comment_of_media_outside_the_scope_is_no_row(ds, requests_log):
    other = next(a["id"] for a in ds.accounts() if a["id"] != BIG and ds.media_of(a["id"]))
    comment = expected_comments(ds, BIG)[0][0]
    c = pyodbc.connect(connection_string(BusinessAccountId=other))
    try:
        requests_log.mark()
        assert c.cursor().execute("SELECT Id FROM Comments WHERE Id = ?", comment).fetchall() == []
        assert c.cursor().execute("SELECT Id FROM Replies WHERE CommentId = ?", comment).fetchall() == []
    finally:
        c.close()
    assert len(gets(requests_log)) == 2


def test_whole_account_comments_join_replies(ds, big, requests_log):
    """SQLite walks Replies and looks each reply's parent up in Comments by Id: the parent is read with its page
    of top-level comments (was one lookup plus an owner read per reply: 4,842 calls)."""
    comments = ds.data["comments"]
    rows = big.cursor().execute(
        "SELECT c.Id, c.MediaId, r.Id, r.Text FROM Comments c JOIN Replies r ON r.CommentId = c.Id").fetchall()
    expected = [(c["id"], m, r["id"], r.get("text")) for m in media_ids(ds) for c in comments.get(m, [])
                for r in c.get("replies", [])]
    assert sorted(tuple(r) for r in rows) == sorted(expected)
    calls = gets(requests_log)
    walk = [c for c in calls if c["path"].endswith(f"{BIG}/media")]
    cont = [c for c in calls if c["path"].endswith(("/comments", "/replies"))]
    assert len(walk) == math.ceil(1200 / 25)
    assert len(cont) == expected_continuations(ds, media_ids(ds))
    parent_pages = sum(1 for m in media_ids(ds) for p in reply_pages(comments.get(m, []))
                       if any(c.get("replies") for c in p))
    assert len(calls) == len(walk) + len(cont) + parent_pages
    print(f"\nComments JOIN Replies over {BIG}: {len(calls)} calls for {len(rows)} rows")
