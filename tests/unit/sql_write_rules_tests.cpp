// Writes planned from schema/writes.h (sql/writes/write_rules.cpp): the validation order and texts of
// Comments, Media and the read-only refusals, the Graph call of each row, and UPDATEs to the current value
// that make no call.
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/writes/write_rules.h"

using namespace igodbc;
using sql::Row;
using sql::Value;
using sql::WriteCall;

namespace {

const schema::Table& table(const char* name) {
  const schema::Table* t = schema::findTable(name);
  REQUIRE(t);
  return *t;
}

Row rowOf(const schema::Table& t, std::initializer_list<std::pair<const char*, Value>> values) {
  Row r(t.columns.size());
  for (const auto& [name, v] : values) {
    int i = schema::columnIndex(t, name);
    REQUIRE(i >= 0);
    r[static_cast<size_t>(i)] = v;
  }
  return r;
}

std::string insertFailure(const char* name, std::initializer_list<std::pair<const char*, Value>> values,
                          bool rowid = false) {
  const schema::Table& t = table(name);
  try {
    sql::planInsert(t, rowOf(t, values), rowid);
  } catch (const sql::EngineError& e) {
    return e.diag.sqlstate + " " + e.diag.message;
  }
  return "ok";
}

const std::string kPrefix = "[instagram-odbc] ";

}  // namespace

TEST_CASE("Comment INSERT goes to the media's comments edge, a reply to the parent's replies edge") {
  const schema::Table& c = table("Comments");
  WriteCall top = sql::planInsert(
      c, rowOf(c, {{"MediaId", Value::text("17895695668004550")}, {"Text", Value::text("Thank you!")}}),
      false);
  CHECK(top.method == WriteCall::Method::Post);
  CHECK(top.path == "17895695668004550/comments");
  CHECK(top.form == std::vector<std::pair<std::string, std::string>>{{"message", "Thank you!"}});
  CHECK(top.createsId);
  CHECK(top.table == "Comments");

  WriteCall reply = sql::planInsert(c,
                                    rowOf(c, {{"MediaId", Value::text("1789")},
                                              {"ParentId", Value::text("17870913679156914")},
                                              {"Text", Value::text("Thanks!")}}),
                                    false);
  CHECK(reply.path == "17870913679156914/replies");  // MediaId may be given but is not sent

  const schema::Table& r = table("Replies");
  WriteCall viaReplies = sql::planInsert(
      r, rowOf(r, {{"CommentId", Value::integer(17870913679156914)}, {"Text", Value::text("Hi")}}), false);
  CHECK(viaReplies.path == "17870913679156914/replies");
  CHECK(viaReplies.table == "Replies");
}

TEST_CASE("Comment INSERT validation: contract order, SQLSTATEs and messages") {
  CHECK(insertFailure("Comments", {{"MediaId", Value::text("1")}}) ==
        "23000 " + kPrefix + "Column Comments.Text is required for INSERT");
  CHECK(insertFailure("Comments", {{"MediaId", Value::text("1")}, {"Text", Value::text("  \t")}}) ==
        "23000 " + kPrefix + "Column Comments.Text is required for INSERT");
  CHECK(insertFailure("Comments", {{"Text", Value::text("hi")}}) ==
        "23000 " + kPrefix + "Column Comments.MediaId is required for INSERT (or ParentId, to reply)");
  CHECK(insertFailure("Replies", {{"Text", Value::text("hi")}}) ==
        "23000 " + kPrefix + "Column Replies.CommentId is required for INSERT");
  CHECK(
      insertFailure("Comments",
                    {{"Id", Value::text("5")}, {"MediaId", Value::text("1")}, {"Text", Value::text("hi")}}) ==
      "23000 " + kPrefix + "Column Comments.Id is assigned by Instagram; leave it out of the INSERT");
  CHECK(insertFailure("Comments", {{"MediaId", Value::text("1")}, {"Text", Value::text("hi")}}, true) ==
        "23000 " + kPrefix + "Column Comments.Id is assigned by Instagram; leave it out of the INSERT");
  for (const char* column : {"Timestamp", "Username", "FromId", "UserId", "LikeCount", "Hidden", "AccountId"})
    CHECK(insertFailure(
              "Comments",
              {{"MediaId", Value::text("1")}, {"Text", Value::text("hi")}, {column, Value::integer(1)}}) ==
          "42000 " + kPrefix + "Column Comments." + column + " cannot be set by INSERT");
  // NULL in a read-only column is the same as leaving it out.
  CHECK(insertFailure(
            "Comments",
            {{"MediaId", Value::text("1")}, {"Text", Value::text("hi")}, {"Hidden", Value::null()}}) == "ok");

  std::string longText;
  for (int i = 0; i < 301; ++i) longText += "\xC3\xA9";  // 301 code points, 602 bytes
  CHECK(insertFailure("Comments", {{"MediaId", Value::text("1")}, {"Text", Value::text(longText)}}) ==
        "22001 " + kPrefix + "Comments.Text is 301 characters long; Instagram accepts at most 300");
  CHECK(insertFailure("Comments",
                      {{"MediaId", Value::text("1")}, {"Text", Value::text(longText.substr(2))}}) == "ok");
  CHECK(
      insertFailure("Replies", {{"CommentId", Value::text("1")}, {"Text", Value::text("#a #b #c #d #e")}}) ==
      "22023 " + kPrefix + "Replies.Text: 5 hashtags; Instagram accepts at most 4 per comment");
  CHECK(insertFailure("Replies",
                      {{"CommentId", Value::text("1")}, {"Text", Value::text("#a #b #c #d # #")}}) == "ok");
  // An ID goes into the request path: anything that is not an ID is refused before any call.
  CHECK(insertFailure("Comments", {{"MediaId", Value::text("1/../me")}, {"Text", Value::text("hi")}})
            .rfind("22023 ", 0) == 0);
}

TEST_CASE("INSERT into a table without insert routes is read-only with its hint") {
  const schema::Table& media = table("Media");
  auto refusal = sql::writeRefusal(media, sql::WriteKind::Insert, "", false);
  REQUIRE(refusal);
  CHECK(refusal->sqlstate == "42000");
  CHECK(refusal->message == kPrefix +
                                "Instagram.Media is read-only — publish with {call PostMedia(...)} or "
                                "CreateMediaContainer + PublishMedia");
  CHECK(sql::writeRefusal(table("Accounts"), sql::WriteKind::Delete, "", false)->message ==
        kPrefix + "Instagram.Accounts is read-only");
  CHECK_FALSE(sql::writeRefusal(table("Comments"), sql::WriteKind::Insert, "", false));
}

TEST_CASE("UPDATE: only declared columns, 0 or 1, no call when the value is already so") {
  const schema::Table& media = table("Media");
  auto refusal = sql::writeRefusal(media, sql::WriteKind::Update, "caption", false);
  REQUIRE(refusal);
  CHECK(refusal->message ==
        kPrefix + "Column Media.Caption cannot be changed; updatable columns: IsCommentEnabled");
  CHECK(sql::writeRefusal(table("Comments"), sql::WriteKind::Update, "Text", false)->message ==
        kPrefix + "Column Comments.Text cannot be changed; updatable columns: Hidden");
  CHECK_FALSE(sql::writeRefusal(media, sql::WriteKind::Update, "IsCommentEnabled", false));

  const int enabled = schema::columnIndex(media, "IsCommentEnabled");
  Row current =
      rowOf(media, {{"Id", Value::text("17918920912340654")}, {"IsCommentEnabled", Value::integer(1)}});
  WriteCall off = sql::planUpdate(media, current, {{enabled, Value::integer(0)}});
  CHECK(off.method == WriteCall::Method::Post);
  CHECK(off.path == "17918920912340654");
  CHECK(off.form == std::vector<std::pair<std::string, std::string>>{{"comment_enabled", "false"}});
  CHECK(sql::planUpdate(media, current, {{enabled, Value::integer(1)}}).method == WriteCall::Method::None);
  CHECK(sql::planUpdate(media, current, {{enabled, Value::text("true")}}).method == WriteCall::Method::None);
  try {
    sql::planUpdate(media, current, {{enabled, Value::null()}});
    FAIL("NULL accepted");
  } catch (const sql::EngineError& e) {
    CHECK(e.diag.sqlstate == "23000");
    CHECK(e.diag.message == kPrefix + "Column Media.IsCommentEnabled is required for UPDATE");
  }
  try {
    sql::planUpdate(media, current, {{enabled, Value::integer(2)}});
    FAIL("2 accepted");
  } catch (const sql::EngineError& e) {
    CHECK(e.diag.sqlstate == "22023");
  }

  const schema::Table& comments = table("Comments");
  Row comment = rowOf(comments, {{"Id", Value::text("17870913679156914")}, {"Hidden", Value::integer(0)}});
  WriteCall hide =
      sql::planUpdate(comments, comment, {{schema::columnIndex(comments, "Hidden"), Value::integer(1)}});
  CHECK(hide.form == std::vector<std::pair<std::string, std::string>>{{"hide", "true"}});
}

TEST_CASE("DELETE: DELETE /{Id}; keys, Facebook Login and messages from the declaration") {
  const schema::Table& media = table("Media");
  WriteCall del = sql::planDelete(media, rowOf(media, {{"Id", Value::text("17918920912340654")}}));
  CHECK(del.method == WriteCall::Method::Delete);
  CHECK(del.path == "17918920912340654");
  CHECK(sql::deleteNeedsKeyMessage(media) ==
        "DELETE on Instagram.Media needs WHERE Id = … or IN (…); deleting on Instagram is permanent");
  CHECK(sql::deleteNeedsKeyMessage(table("Comments")) ==
        "DELETE on Instagram.Comments needs WHERE Id, MediaId or ParentId = … or IN (…); deleting on "
        "Instagram is "
        "permanent");
  auto igLogin = sql::writeRefusal(media, sql::WriteKind::Delete, "", true);
  REQUIRE(igLogin);
  CHECK(igLogin->sqlstate == "HYC00");
  CHECK(igLogin->message.find(
            "needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens cannot delete media") !=
        std::string::npos);
  CHECK_FALSE(sql::writeRefusal(table("Comments"), sql::WriteKind::Delete, "", true));
}
