// fields= lists (sql/vtab/fields.cpp): the Graph fields behind the columns a statement reads, for Accounts,
// Pages, Media and MediaChildren.
#include <catch2/catch.hpp>

#include "schema/schema.h"
#include "sql/vtab/fields.h"

using namespace igodbc::sql;
namespace schema = igodbc::schema;

namespace {

const schema::Table& table(const char* name) {
  return *schema::findTable(name);
}

uint64_t used(const char* t, std::initializer_list<const char*> cols) {
  uint64_t m = 0;
  for (const char* c : cols) m |= uint64_t(1) << schema::columnIndex(table(t), c);
  return m;
}

FieldOptions facebook(const char* date = "2026-05-01") {
  return {true, date};
}

}  // namespace

TEST_CASE("used columns in declaration order, id first", "[sql][fields]") {
  CHECK(projectedFields(table("Media"), used("Media", {"Caption", "Id", "Timestamp"}), facebook()).str() ==
        "id,caption,timestamp");
  CHECK(projectedFields(table("Media"), used("Media", {"Timestamp", "MediaType"}), facebook()).str() ==
        "id,media_type,timestamp");
  CHECK(projectedFields(table("Media"), 0, facebook()).str() == "id");  // COUNT(*)
}

TEST_CASE("path and derived columns add no field; JSON paths give their top-level field", "[sql][fields]") {
  CHECK(projectedFields(table("Media"), used("Media", {"AccountId"}), facebook()).str() == "id");
  CHECK(projectedFields(table("Pages"), used("Pages", {"Name", "AccountId"}), facebook()).str() ==
        "id,name,instagram_business_account");
  CHECK(projectedFields(table("Pages"), used("Pages", {"Tasks", "ConnectedAccountId"}), facebook()).str() ==
        "id,tasks,connected_instagram_account");
  CHECK(projectedFields(table("MediaChildren"), used("MediaChildren", {"Position", "MediaUrl", "MediaId"}),
                        facebook())
            .str() == "id,media_url");
}

TEST_CASE("extras follow without repeats", "[sql][fields]") {
  FieldList f = projectedFields(table("Media"), used("Media", {"Permalink"}), facebook());
  f.add("owner");
  f.add("media_product_type");
  CHECK(f.str() == "id,permalink,owner,media_product_type");
  FieldList g = projectedFields(table("Media"), used("Media", {"MediaProductType", "Id"}), facebook());
  g.add("owner");
  g.add("media_product_type");
  CHECK(g.str() == "id,media_product_type,owner");
  g.remove("id");
  CHECK(g.str() == "media_product_type,owner");
  CHECK(FieldList{"a", "b", "a"}.str() == "a,b");
}

TEST_CASE("nested selections", "[sql][fields]") {
  FieldList inner =
      projectedFields(table("Accounts"), used("Accounts", {"Id", "Username", "FollowersCount"}), facebook());
  CHECK(nest("instagram_business_account", inner) ==
        "instagram_business_account{id,username,followers_count}");
  FieldList outer{"id", "owner"};
  outer.add(nest("children", projectedFields(table("MediaChildren"), 0, facebook())));
  CHECK(outer.str() == "id,owner,children{id}");
}

TEST_CASE("SELECT * skips fields the connection cannot have", "[sql][fields]") {
  const schema::Table& media = table("Media");
  uint64_t all = ~uint64_t(0);
  std::string fb = projectedFields(media, all, facebook("2026-05-01")).str();
  CHECK(fb ==
        "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,"
        "username,"
        "like_count,comments_count,is_comment_enabled,is_shared_to_feed,alt_text,ig_id,shares_count,reposts_"
        "count,"
        "saved_count,total_like_count,total_comments_count,total_views_count");
  std::string before = projectedFields(media, all, facebook("2026-04-21")).str();
  CHECK(before.find("shares_count") == std::string::npos);
  CHECK(projectedFields(media, all, FieldOptions{false, "2026-05-01"}).str().find("saved_count") ==
        std::string::npos);
  const schema::Table& accounts = table("Accounts");
  CHECK(projectedFields(accounts, all, facebook()).str().find("account_type") == std::string::npos);
  CHECK(projectedFields(accounts, all, FieldOptions{false, ""}).str().find("account_type") !=
        std::string::npos);
}

TEST_CASE("colUsed bit 63 stands for every later column", "[sql][fields]") {
  CHECK(columnUsed(uint64_t(1) << 63, 63));
  CHECK(columnUsed(uint64_t(1) << 63, 80));
  CHECK_FALSE(columnUsed(uint64_t(1) << 63, 62));
  CHECK(columnUsed(1, 0));
}

TEST_CASE("today is a YYYY-MM-DD date", "[sql][fields]") {
  std::string d = todayUtc();
  CHECK(d.size() == 10);
  CHECK(d[4] == '-');
}
