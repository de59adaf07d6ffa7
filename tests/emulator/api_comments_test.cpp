// Comments and replies: listing, paging, nested expansion, and the writes that change state.
#include <set>

#include "test_support.h"

using namespace igemu;
using namespace emutest;

namespace {

const MediaRec& busy_media() {
  return data().media[data().accounts[0].media[1]];
}

std::string busy_id() {
  return busy_media().id;
}

// The busy media's comment with 62 replies.
const CommentRec& big_thread() {
  for (int c : busy_media().comments) {
    if (data().comments[c].replies.size() > 60) return data().comments[c];
  }
  FAIL("no comment with more than 60 replies");
  return data().comments.front();
}

}  // namespace

TEST_CASE("comments_count matches comments plus replies for every media", "[comments]") {
  for (const AccountRec& a : data().accounts) {
    for (int m : a.media) {
      const MediaRec& rec = data().media[m];
      size_t n = rec.comments.size();
      for (int c : rec.comments) n += data().comments[c].replies.size();
      INFO(rec.id);
      CHECK(std::to_string(n) == *rec.fields.get("comments_count"));
    }
  }
  CHECK(busy_media().comments.size() > 120);
}

TEST_CASE("GET /{media}/comments pages newest first, at most 50", "[comments]") {
  GraphApi api(data(), {});
  std::string target = "/v24.0/" + busy_id() + "/comments?fields=id,timestamp&limit=500&" + kToken;
  std::vector<size_t> sizes;
  std::set<std::string> seen;
  std::string last = "9999";
  for (int guard = 0; guard < 10; ++guard) {
    Result r = get(api, target);
    REQUIRE(r.status == 200);
    sizes.push_back(r.json["data"].Size());
    for (const auto& c : r.json["data"].GetArray()) {
      seen.insert(c["id"].GetString());
      const std::string ts = c["timestamp"].GetString();
      CHECK(ts <= last);
      last = ts;
    }
    if (!r.json["paging"].HasMember("next")) break;
    CHECK(std::string(r.json["paging"]["next"].GetString()).find("limit=500") != std::string::npos);
    target = follow(r.json["paging"]["next"]);
  }
  CHECK(sizes == std::vector<size_t>{50, 50, 31});
  CHECK(seen.size() == 131);

  // Without fields: timestamp, text, id; default page 25.
  Result r = get(api, "/v24.0/" + busy_id() + "/comments?" + kToken);
  REQUIRE(r.json["data"].Size() == 25);
  const auto& first = r.json["data"][0];
  CHECK(first.MemberCount() == 3);
  CHECK(first.HasMember("text"));
  CHECK(first.HasMember("timestamp"));
}

TEST_CASE("replies: own edge, oldest first, parent_id; a reply has no replies", "[comments]") {
  GraphApi api(data(), {});
  const CommentRec& thread = big_thread();
  Result r = get(api, "/v24.0/" + thread.id + "/replies?fields=id,parent_id,timestamp&limit=50&" + kToken);
  REQUIRE(r.json["data"].Size() == 50);
  CHECK(r.json["data"][0]["parent_id"].GetString() == thread.id);
  CHECK(std::string(r.json["data"][0]["timestamp"].GetString()) <=
        r.json["data"][49]["timestamp"].GetString());
  Result p2 = get(api, follow(r.json["paging"]["next"]));
  CHECK(p2.json["data"].Size() == 12);
  CHECK_FALSE(p2.json["paging"].HasMember("next"));

  const std::string reply = r.json["data"][0]["id"].GetString();
  CHECK(get(api, "/v24.0/" + reply + "/replies?" + kToken).body == "{\"data\":[]}");
  Result top = get(api, "/v24.0/" + thread.id + "?fields=parent_id,media&" + kToken);
  CHECK_FALSE(top.json.HasMember("parent_id"));
  CHECK(top.json["media"]["id"].GetString() == busy_id());
  CHECK(std::string(top.json["media"]["media_product_type"].GetString()) == "FEED");
}

TEST_CASE("nested comments.limit(n){…,replies{…}} pages on their own edges", "[comments]") {
  GraphApi api(data(), {});
  Result r =
      get(api, "/v24.0/" + busy_id() + "?fields=id,comments.limit(50){id,replies.limit(50){id}}&" + kToken);
  REQUIRE(r.status == 200);
  const auto& comments = r.json["comments"];
  CHECK(comments["data"].Size() == 50);
  const std::string next = comments["paging"]["next"].GetString();
  CHECK(next.rfind(kBase + "/v24.0/" + busy_id() + "/comments?" + kToken +
                       "&limit=50&fields=id%2Creplies.limit%2850%29%7Bid%7D&after=",
                   0) == 0);
  bool found_big = false;
  for (const auto& c : comments["data"].GetArray()) {
    if (c["id"].GetString() != big_thread().id) continue;
    found_big = true;
    CHECK(c["replies"]["data"].Size() == 50);
    CHECK(std::string(c["replies"]["paging"]["next"].GetString()).find("/" + big_thread().id + "/replies?") !=
          std::string::npos);
  }
  CHECK(found_big);
  Result page2 = get(api, follow(comments["paging"]["next"]));
  CHECK(page2.json["data"].Size() == 50);

  // On a media listing: media without comments carry no comments key.
  Result list = get(api, "/v24.0/" + account(0) +
                             "/media?fields=id,comments_count,comments.limit(2){id}&limit=25&" + kToken);
  int without = 0;
  for (const auto& m : list.json["data"].GetArray()) {
    if (m["comments_count"].GetInt() == 0) {
      ++without;
      CHECK_FALSE(m.HasMember("comments"));
    } else {
      CHECK(m["comments"]["data"].Size() >= 1);
    }
  }
  CHECK(without >= 1);
}

TEST_CASE("comment fields: from, user only on the account's own comments", "[comments]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  int own = -1, other = -1;
  for (int c : big_thread().replies) {
    if (ds.comments[c].author_account >= 0 && own < 0) own = c;
    if (ds.comments[c].author_account < 0 && other < 0) other = c;
  }
  REQUIRE(own >= 0);
  REQUIRE(other >= 0);
  const std::string fields = "?fields=id,text,username,from,user,like_count,hidden,parent_id&" + kToken;
  Result r = get(api, "/v24.0/" + ds.comments[own].id + fields);
  CHECK(r.json["user"]["id"].GetString() == account(0));
  CHECK(r.json["from"]["id"].GetString() == ds.accounts[0].igsid);
  r = get(api, "/v24.0/" + ds.comments[other].id + fields);
  CHECK_FALSE(r.json.HasMember("user"));
  CHECK(r.json["from"].HasMember("username"));
}

TEST_CASE("writing comments and replies changes the data", "[comments][writes]") {
  GraphApi api(data(), {});
  const std::string media = busy_id();
  Result r = call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=Thank+you%21+%E2%98%95");
  REQUIRE(r.status == 200);
  const std::string id = r.str("id");
  CHECK(r.json.MemberCount() == 1);
  Result c = get(api, "/v24.0/" + id + "?fields=text,username,user,timestamp&" + kToken);
  CHECK(std::string(c.json["text"].GetString()) == "Thank you! \u2615");
  CHECK(c.json["user"]["id"].GetString() == account(0));
  Result list = get(api, "/v24.0/" + media + "/comments?limit=1&" + kToken);
  CHECK(list.json["data"][0]["id"].GetString() == id);  // newest first
  CHECK(get(api, "/v24.0/" + media + "?fields=comments_count&" + kToken).json["comments_count"].GetInt() ==
        251);

  // Replies; a reply to a reply lands on the top-level comment. Query-string parameters work too.
  Result reply = call(api, "POST", "/v24.0/" + id + "/replies?message=first&" + kToken);
  REQUIRE(reply.status == 200);
  Result nested = call(api, "POST", "/v24.0/" + reply.str("id") + "/replies?" + kToken, "message=second");
  REQUIRE(nested.status == 200);
  Result p = get(api, "/v24.0/" + nested.str("id") + "?fields=parent_id&" + kToken);
  CHECK(p.json["parent_id"].GetString() == id);
  CHECK(get(api, "/v24.0/" + id + "/replies?" + kToken).json["data"].Size() == 2);

  // Hide / unhide; the account's own comment stays visible.
  const CommentRec& thread = big_thread();
  CHECK(call(api, "POST", "/v24.0/" + thread.id + "?" + kToken, "hide=true").body == "{\"success\":true}");
  CHECK(get(api, "/v24.0/" + thread.id + "?fields=hidden&" + kToken).json["hidden"].GetBool());
  CHECK(call(api, "POST", "/v24.0/" + thread.id + "?hide=false&" + kToken).status == 200);
  CHECK_FALSE(get(api, "/v24.0/" + thread.id + "?fields=hidden&" + kToken).json["hidden"].GetBool());
  call(api, "POST", "/v24.0/" + id + "?" + kToken, "hide=true");
  CHECK_FALSE(get(api, "/v24.0/" + id + "?fields=hidden&" + kToken).json["hidden"].GetBool());

  // Delete a thread: its replies go too.
  CHECK(call(api, "DELETE", "/v24.0/" + thread.id + "?" + kToken).body == "{\"success\":true}");
  CHECK(get(api, "/v24.0/" + media + "?fields=comments_count&" + kToken).json["comments_count"].GetInt() ==
        251 + 2 - 63);
  Result gone = get(api, "/v24.0/" + thread.id + "?" + kToken);
  CHECK(gone.status == 400);
  CHECK(gone.error_subcode() == 33);
}

TEST_CASE("comment write errors", "[comments][writes]") {
  GraphApi api(data(), {});
  const std::string media = busy_id();
  Result r = call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "");
  CHECK(r.status == 400);
  CHECK(r.error_message() == "(#100) The parameter message is required");
  r = call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=" + std::string(301, 'x'));
  CHECK(r.error_code() == 100);
  r = call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=%23a+%23b+%23c+%23d+%23e");
  CHECK(r.error_code() == 100);
  CHECK(call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=%23a+%23b+%23c+%23d").status ==
        200);

  // Comments off: toggled with comment_enabled, then commenting fails.
  CHECK(call(api, "POST", "/v24.0/" + media + "?" + kToken, "comment_enabled=false").body ==
        "{\"success\":true}");
  CHECK_FALSE(get(api, "/v24.0/" + media + "?fields=is_comment_enabled&" + kToken)
                  .json["is_comment_enabled"]
                  .GetBool());
  CHECK(call(api, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=hi").status == 400);
  CHECK(call(api, "POST", "/v24.0/" + media + "?" + kToken, "comment_enabled=maybe").error_code() == 100);

  // Stories take no comments; the permission is needed.
  const std::string story = data().media[data().accounts[0].stories[0]].id;
  CHECK(call(api, "POST", "/v24.0/" + story + "/comments?" + kToken, "message=hi").error_subcode() == 33);
  ApiConfig limited;
  limited.permissions = {"instagram_basic"};
  GraphApi no_perm(data(), limited);
  r = call(no_perm, "POST", "/v24.0/" + media + "/comments?" + kToken, "message=hi");
  CHECK(r.error_message() == "(#10) Application does not have permission for this action");
}

TEST_CASE("DELETE /{media}", "[comments][writes]") {
  GraphApi api(data(), {});
  const Dataset& ds = data();
  const std::string victim = ds.media[ds.accounts[2].media[0]].id;
  const int count =
      get(api, "/v24.0/" + account(2) + "?fields=media_count&" + kToken).json["media_count"].GetInt();
  Result r = call(api, "DELETE", "/v24.0/" + victim + "?" + kToken);
  CHECK(r.body == "{\"success\":true,\"deleted_id\":\"" + victim + "\"}");
  CHECK(get(api, "/v24.0/" + victim + "?" + kToken).error_subcode() == 33);
  CHECK(get(api, "/v24.0/" + account(2) + "?fields=media_count&" + kToken).json["media_count"].GetInt() ==
        count - 1);
  CHECK(get(api, "/v24.0/" + account(2) + "/media?limit=1&" + kToken).json["data"][0]["id"].GetString() !=
        victim);

  int child = -1;
  for (int m : ds.accounts[0].media) {
    if (!ds.media[m].children.empty()) {
      child = ds.media[m].children[0];
      break;
    }
  }
  r = call(api, "DELETE", "/v24.0/" + ds.media[child].id + "?" + kToken);
  CHECK(r.error_code() == -1);
  CHECK(r.error_subcode() == 2207073);
  CHECK(std::string(r.json["error"]["error_user_title"].GetString()) == "Media Type Not Supported");
}
