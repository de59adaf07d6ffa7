// Accounts: one row per account in scope. Facebook Login without BusinessAccountId lists
// /me/accounts with the account fields expanded (which is also the scope discovery); a known scope is read
// by ID; Instagram Login reads /me.
#include "sql/fetch/id_lookup.h"
#include "sql/fetch/paged_walk.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

constexpr int kEdgeMax = 100;

// GET /me/accounts?fields=instagram_business_account{…}&limit=100: Pages without a linked account are
// skipped, accounts linked to several Pages appear once. A complete walk refreshes the cached scope.
class AccountsListing : public RowSource {
 public:
  explicit AccountsListing(FetchContext& ctx)
      : ctx_(ctx),
        walk_(ctx.graph(), "me/accounts",
              {{"fields", nest("instagram_business_account",
                               projectedFields(ctx.table, ctx.plan.colUsed, ctx.options))},
               {"limit", std::to_string(ctx.firstPageSize(kEdgeMax))}}) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    while (const rapidjson::Value* page = walk_.next()) {
      const rapidjson::Value* account = findPath(*page, "instagram_business_account");
      Value id = account ? jsonToValue(findPath(*account, "id"), schema::SqlType::Varchar, false) : Value();
      if (id.type != Value::Type::Text || inScope(seen_, id.s)) continue;
      seen_.push_back(id.s);
      mapRow(ctx_.table, *account, ctx_.plan.colUsed, map_, row);
      seq = walk_.seq();
      return true;
    }
    if (!finished_) {
      finished_ = true;
      if (seen_.empty()) ctx_.warn(emptyScopeWarning());
      if (auto wanted = ctx_.constraints.keys(ctx_.column("Id")))
        for (const std::string& id : *wanted)
          if (!inScope(seen_, id)) ctx_.warn(outsideScopeWarning(id));
      rememberScope(ctx_.state, seen_);
    }
    return false;
  }

 private:
  FetchContext& ctx_;
  PagedWalk walk_;
  MapContext map_;
  std::vector<std::string> seen_;
  bool finished_ = false;
};

// GET /{id}?fields=… or GET /?ids=…&fields=… for the accounts of a known scope, in scope order.
class AccountsById : public RowSource {
 public:
  AccountsById(FetchContext& ctx, std::vector<std::string> ids)
      : ctx_(ctx),
        lookup_(ctx, std::move(ids), projectedFields(ctx.table, ctx.plan.colUsed, ctx.options).str()) {
    map_.options = ctx.options;
  }

  bool next(Row& row, int& seq) override {
    std::string id;
    const rapidjson::Value* account = lookup_.next(id);
    if (!account) return false;
    mapRow(ctx_.table, *account, ctx_.plan.colUsed, map_, row);
    seq = lookup_.seq();
    return true;
  }

 private:
  FetchContext& ctx_;
  IdLookup lookup_;
  MapContext map_;
};

// Instagram Login: GET /me?fields=user_id,… (flat or data-wrapped answer); Id is user_id, else id.
class AccountsMe : public RowSource {
 public:
  explicit AccountsMe(FetchContext& ctx) : ctx_(ctx) { map_.options = ctx.options; }

  bool next(Row& row, int& seq) override {
    if (done_) return false;
    done_ = true;
    FieldList fields{"user_id"};
    FieldList projected = projectedFields(ctx_.table, ctx_.plan.colUsed, ctx_.options);
    for (const std::string& f : projected.names())
      if (f != "id") fields.add(f);
    graph::Response r = ctx_.graph().get("me", {{"fields", fields.str()}});
    const rapidjson::Value* me = r.json.get();
    if (const rapidjson::Value* data = dataArray(*me)) me = data->Empty() ? nullptr : &(*data)[0];
    if (!me || !me->IsObject()) return false;
    mapRow(ctx_.table, *me, ctx_.plan.colUsed, map_, row);
    Value id = jsonToValue(findPath(*me, "user_id"), schema::SqlType::Varchar, false);
    if (id.isNull()) id = jsonToValue(findPath(*me, "id"), schema::SqlType::Varchar, false);
    row[static_cast<size_t>(ctx_.column("Id"))] = id;
    seq = r.seq;
    return true;
  }

 private:
  FetchContext& ctx_;
  MapContext map_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RowSource> openAccounts(FetchContext& ctx) {
  if (!ctx.facebookLogin()) return std::make_unique<AccountsMe>(ctx);
  std::optional<std::vector<std::string>> wanted = ctx.constraints.keys(ctx.column("Id"));
  if (wanted && wanted->empty()) return emptySource();
  std::optional<std::vector<std::string>> scope = knownScope(ctx.state);
  // A Page token (AuthenticateAsPage) has no /me/accounts: its scope is the Page's one account.
  if (!scope && ctx.settings().pageToken) scope = accountScope(ctx);
  bool configured = !ctx.settings().businessAccountIds.empty() || ctx.settings().pageToken;
  // With a discovered (not configured) scope, only an Id filter justifies lookups; a plain scan lists.
  if (!scope || (!configured && !wanted)) return std::make_unique<AccountsListing>(ctx);
  if (scope->empty()) {
    ctx.warn(emptyScopeWarning());
    return emptySource();
  }
  std::vector<std::string> ids;
  for (const std::string& id : *scope)
    if (!wanted || inScope(*wanted, id)) ids.push_back(id);
  if (wanted)
    for (const std::string& id : *wanted)
      if (!inScope(*scope, id)) ctx.warn(outsideScopeWarning(id));
  if (ids.empty()) return emptySource();
  return std::make_unique<AccountsById>(ctx, std::move(ids));
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_accounts, {"Accounts", &openAccounts});
