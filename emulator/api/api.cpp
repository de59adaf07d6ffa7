#include "api/api.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "api/api_internal.h"
#include "server/rng.h"
#include "server/token_family.h"

namespace igemu {
namespace {

constexpr size_t kMaxIds = 50;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_path(const std::vector<std::string>& parts, size_t from) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) out += "/" + parts[i];
  return out;
}

// "/v24.0/me" → version "v24.0", rest "/me". Returns nullopt when there is no version prefix.
std::optional<std::pair<std::string, std::string>> split_version(const std::string& path) {
  if (path.size() < 5 || path[0] != '/' || path[1] != 'v') return std::nullopt;
  size_t i = 2;
  const size_t major_start = i;
  while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i])) && i - major_start < 4) ++i;
  if (i == major_start || i >= path.size() || path[i] != '.') return std::nullopt;
  ++i;
  const size_t minor_start = i;
  while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i])) && i - minor_start < 4) ++i;
  if (i == minor_start || (i < path.size() && path[i] != '/')) return std::nullopt;
  return std::make_pair(path.substr(1, i - 1), path.substr(i));
}

int version_major(const std::string& version) {
  int v = 0;
  for (size_t i = 1; i < version.size() && std::isdigit(static_cast<unsigned char>(version[i])) && v < 10000;
       ++i)
    v = v * 10 + (version[i] - '0');
  return v;
}

// The access token from ?access_token= (or the body) or an "Authorization: Bearer|OAuth <token>" header.
std::optional<std::string> find_token(const std::vector<QueryParam>& params,
                                      const std::string& authorization) {
  if (const QueryParam* p = find_param(params, "access_token")) return p->value;
  for (const char* scheme : {"Bearer ", "OAuth "}) {
    const std::string prefix(scheme);
    if (authorization.size() > prefix.size() &&
        lower(authorization.substr(0, prefix.size())) == lower(prefix)) {
      return authorization.substr(prefix.size());
    }
  }
  return std::nullopt;
}

// Write parameters arrive form-encoded in the body (or as a flat JSON object).
std::vector<QueryParam> body_params(const ApiRequest& request) {
  if (request.body.empty()) return {};
  const std::string type = lower(request.content_type);
  if (type.find("application/json") != std::string::npos) {
    rapidjson::Document d;
    d.Parse(request.body.c_str(), request.body.size());
    std::vector<QueryParam> out;
    if (d.HasParseError() || !d.IsObject()) return out;
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
      QueryParam p;
      p.key = it->name.GetString();
      if (it->value.IsString()) {
        p.value = it->value.GetString();
      } else if (it->value.IsBool()) {
        p.value = it->value.GetBool() ? "true" : "false";
      } else if (it->value.IsInt64()) {
        p.value = std::to_string(it->value.GetInt64());
      } else {
        continue;  // nested values are not parameters the emulator reads
      }
      p.raw = url_encode(p.key) + "=" + url_encode(p.value);
      out.push_back(std::move(p));
    }
    return out;
  }
  if (type.find("multipart/") != std::string::npos) return {};
  return parse_query(request.body);
}

bool has_field(const FieldList& fields, std::string_view name) {
  for (const FieldSpec& f : fields) {
    if (f.name == name) return true;
  }
  return false;
}

// GET /?ids=a,b,c[&fields=…] and GET /{edge}?ids=a,b: an object keyed by the requested ids.
// One bad id fails the whole request.
std::string multi(Call& c, const std::string& ids_text, const std::string* edge_name) {
  std::vector<std::string> ids;
  for (std::string& id : split(ids_text, ',')) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  if (ids.empty()) throw errors::unsupported_root("get");
  if (ids.size() > kMaxIds) throw errors::too_many_ids(ids.size());
  std::vector<NodeHandle> nodes;
  nodes.reserve(ids.size());
  for (const std::string& id : ids) nodes.push_back(c.resolve_or_throw(id));
  JsonWriter w;
  w.begin_object();
  for (size_t i = 0; i < ids.size(); ++i) {
    c.note_account(nodes[i]);
    w.key(ids[i]);
    if (edge_name) {
      c.write_edge(w, nodes[i], c.edge_or_throw(nodes[i], *edge_name),
                   "/" + c.data.id_of(nodes[i]) + "/" + *edge_name);
    } else {
      c.write_node(w, nodes[i]);
    }
  }
  w.end_object();
  return w.take();
}

std::string get_node(Call& c, NodeHandle node) {
  if (node.type == NodeType::IGComment) c.require_permission("instagram_manage_comments");
  if (node.type == NodeType::IGContainer) count_status_read(c, node);
  JsonWriter w;
  c.write_node(w, node);
  return w.take();
}

std::string route_get(Call& c, NodeHandle node) {
  // Instagram Login: the token's own IG user has the graph.instagram.com fields.
  if (c.components.size() == 1 && c.instagram_login && node.type == NodeType::IGUser &&
      node.index == c.config.ig_login_account)
    return ig_login_user(c, node, c.components[0] == "me");
  if (c.components.size() == 1) return get_node(c, node);
  if (c.components.size() > 2) throw errors::unknown_path(join_path(c.components, 2));
  const std::string& edge = c.components[1];
  // Edges that are not field-expandable lists.
  if (edge == "insights" && node.type == NodeType::IGMedia) return media_insights_response(c, node);
  if (edge == "insights" && node.type == NodeType::IGUser) return account_insights_response(c, node);
  if (edge == "content_publishing_limit" && node.type == NodeType::IGUser) return publishing_limit(c, node);
  if ((edge == "top_media" || edge == "recent_media") && node.type == NodeType::IGHashtag)
    return hashtag_media(c, node, edge == "top_media");
  if (edge == "permissions" && node.type == NodeType::User) return permissions_response(c);
  const FieldDef& def = c.edge_or_throw(node, edge);
  if (edge == "tags" || edge == "comments" || edge == "replies")
    c.require_permission("instagram_manage_comments");
  JsonWriter w;
  // Paging URLs name the resolved node ("me" becomes the user id).
  c.write_edge(w, node, def, "/" + c.data.id_of(node) + "/" + edge);
  return w.take();
}

std::string route_post(Call& c, NodeHandle node) {
  const std::string& id = c.components[0];
  if (c.components.size() == 1) {
    if (node.type == NodeType::IGMedia) return post_media_update(c, node);
    if (node.type == NodeType::IGComment) return hide_comment(c, node);
    throw errors::object_not_found("post", id);
  }
  if (c.components.size() > 2) throw errors::unknown_path(join_path(c.components, 2));
  const std::string& edge = c.components[1];
  if (node.type == NodeType::IGMedia && edge == "comments") return create_comment(c, node);
  if (node.type == NodeType::IGComment && edge == "replies") return create_reply(c, node);
  if (node.type == NodeType::IGUser && edge == "media") return create_container(c, node);
  if (node.type == NodeType::IGUser && edge == "media_publish") return publish_container(c, node);
  if (node.type == NodeType::IGUser && edge == "mentions") return reply_to_mention(c, node);
  throw errors::object_not_found("post", id);
}

std::string route(Call& c) {
  const QueryParam* ids = find_param(c.params, "ids");
  if (c.components.empty()) {
    if (ids && c.method == "GET") return multi(c, ids->value, nullptr);
    throw errors::unsupported_root(lower(c.method));
  }
  const std::string& first = c.components[0];
  if (c.method == "GET" && c.components.size() == 1 && first == "ig_hashtag_search") return hashtag_search(c);
  if (c.method == "GET" && c.components.size() == 1 && first == "debug_token") return debug_token_response(c);
  std::optional<NodeHandle> node = c.resolve(first);
  if (!node && ids && c.components.size() == 1 && c.method == "GET") return multi(c, ids->value, &first);
  if (!node) throw errors::object_not_found(lower(c.method), first);
  c.note_account(*node);
  if (c.method == "GET") return route_get(c, *node);
  if (c.method == "POST") return route_post(c, *node);
  if (c.method == "DELETE" && c.components.size() == 1) {
    if (node->type == NodeType::IGMedia) return delete_media(c, *node);
    if (node->type == NodeType::IGComment) return delete_comment(c, *node);
  }
  throw errors::object_not_found(lower(c.method), first);
}

// Which budget a call draws from, decided before it runs: hashtag search and business discovery
// use the app's platform limit, everything about an IG account that account's BUC.
void classify(Call& c) {
  if (!c.components.empty()) {
    const std::string& first = c.components[0];
    if (first == "ig_hashtag_search") c.platform = true;
    if (std::optional<NodeHandle> n = c.resolve(first)) {
      if (n->type == NodeType::IGHashtag) c.platform = true;
      c.note_account(*n);
    }
  } else if (const QueryParam* ids = find_param(c.params, "ids")) {
    for (const std::string& id : split(ids->value, ',')) {
      if (std::optional<NodeHandle> n = c.resolve(id)) c.note_account(*n);
    }
  }
  if (c.fields && has_field(*c.fields, "business_discovery")) c.platform = true;
  if (c.platform) c.buc_accounts.clear();
}

}  // namespace

// ---- Call helpers --------------------------------------------------------------------------

const std::string* Call::param(std::string_view key) const {
  const QueryParam* p = find_param(params, key);
  return p ? &p->value : nullptr;
}

const std::string& Call::required(std::string_view key) const {
  const std::string* v = param(key);
  if (!v || v->empty()) throw errors::missing_param(std::string(key));
  return *v;
}

void Call::require_permission(const std::string& permission) const {
  if (std::find(config.permissions.begin(), config.permissions.end(), permission) == config.permissions.end())
    throw errors::permission_denied();
}

void Call::note_account_index(int account) {
  if (account < 0 || platform) return;
  const std::string& id = data.accounts[account].id;
  if (std::find(buc_accounts.begin(), buc_accounts.end(), id) == buc_accounts.end())
    buc_accounts.push_back(id);
}

void Call::note_account(NodeHandle node) {
  note_account_index(data.account_of(node));
}

// The Page whose Page access token (from /me/accounts) `token` is; -1 for any other token.
static int page_of_token(const Dataset& data, const std::string& token) {
  if (token.empty()) return -1;
  const std::string quoted = json_quote(token);
  for (size_t i = 0; i < data.pages.size(); ++i)
    if (const std::string* t = data.pages[i].fields.get("access_token"); t && *t == quoted)
      return static_cast<int>(i);
  return -1;
}

std::optional<NodeHandle> Call::resolve(const std::string& id) const {
  // With a Page token, /me is that Page (Page tokens act as the Page); with an Instagram Login
  // token, the professional account the token stands for.
  if (id == "me") {
    if (instagram_login && config.ig_login_account >= 0 &&
        static_cast<size_t>(config.ig_login_account) < data.accounts.size())
      return NodeHandle{NodeType::IGUser, config.ig_login_account};
    if (int page = page_of_token(data, ctx.access_token); page >= 0) return NodeHandle{NodeType::Page, page};
    return NodeHandle{NodeType::User, 0};
  }
  std::optional<NodeHandle> node = data.find(id);
  // An Instagram Login token stands for one professional account: other accounts' objects,
  // Facebook users and Pages do not exist for it, so they fail like a missing ID (100/33).
  if (node && instagram_login && data.account_of(*node) != config.ig_login_account) return std::nullopt;
  return node;
}

NodeHandle Call::resolve_or_throw(const std::string& id) const {
  if (std::optional<NodeHandle> node = resolve(id)) return *node;
  throw errors::object_not_found("get", id);
}

EdgeParams Call::edge_params() const {
  EdgeParams p;
  auto get = [&](const char* key, std::optional<std::string>& out) {
    if (const std::string* v = param(key)) out = *v;
  };
  get("limit", p.limit);
  get("after", p.after);
  get("before", p.before);
  get("since", p.since);
  get("until", p.until);
  return p;
}

const FieldDef& Call::edge_or_throw(NodeHandle node, const std::string& name) const {
  const FieldDef* def = find_field(node.type, name);
  if (!def || def->kind != FieldKind::Edge) throw errors::unknown_path("/" + name);
  return *def;
}

void Call::write_edge(JsonWriter& w, NodeHandle node, const FieldDef& edge, const std::string& url_path) {
  const Scope scope = edge.item_scope;
  if (fields) validate_fields(edge.target, *fields, scope);
  const EdgePage page = compute_edge_page(ctx, node, edge, edge_params());
  write_edge_page(
      w, ctx, page, field_list(),
      [&](std::string_view key, std::string_view cursor) {
        return url(url_path, query_with_cursor(query, key, cursor));
      },
      scope);
}

void Call::write_node(JsonWriter& w, NodeHandle node, Scope scope) {
  if (fields) validate_fields(node.type, *fields, scope);
  render_node(w, ctx, node, field_list(), Listing::Direct, scope);
}

std::string Call::url(const std::string& path, const std::string& query_string) const {
  return ctx.base_url + "/" + ctx.version + path + (query_string.empty() ? "" : "?" + query_string);
}

bool bool_param(const Call& c, const std::string& name) {
  const std::string& v = c.required(name);
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  throw errors::invalid_parameter("Param " + name + " must be a boolean");
}

// ---- GraphApi ------------------------------------------------------------------------------

std::string make_trace_id(uint64_t seed, const std::string& method, const std::string& target) {
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  Rng r = Rng::stream(seed, "fbtrace", method + " " + target);
  std::string id = "A";
  for (int i = 0; i < 22; ++i) id += kAlpha[r.below(64)];
  return id;
}

GraphApi::GraphApi(const Dataset& data, ApiConfig config)
    : data_(data),
      config_(std::move(config)),
      usage_(config_.app_budget, config_.buc_budget),
      started_(std::chrono::steady_clock::now()) {}

int64_t GraphApi::now() const {
  int64_t t = config_.now + clock_offset_;
  if (config_.clock_rate > 0) {
    const double real = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    t += static_cast<int64_t>(real * config_.clock_rate);
  }
  return t;
}

void GraphApi::advance_clock(int64_t seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  clock_offset_ += seconds;
}

ApiResponse GraphApi::handle(const ApiRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  return handle_locked(request, false);
}

ApiResponse GraphApi::handle_locked(const ApiRequest& request, bool in_batch) {
  ApiResponse res;
  const size_t qmark = request.target.find('?');
  const std::string raw_path = request.target.substr(0, qmark);
  const std::string raw_query = qmark == std::string::npos ? std::string() : request.target.substr(qmark + 1);
  const std::string path = url_decode(raw_path, false);

  std::string version = config_.default_version;
  std::string rest = path;
  if (auto v = split_version(path)) std::tie(version, rest) = *v;

  const std::string trace_id = make_trace_id(data_.seed, request.method, request.target);
  res.headers = {
      {"facebook-api-version", version},
      {"x-fb-trace-id", trace_id},
      {"Cache-Control", "private, no-cache, no-store, must-revalidate"},
      {"Pragma", "no-cache"},
      {"Expires", "Sat, 01 Jan 2000 00:00:00 GMT"},
      {"Access-Control-Allow-Origin", "*"},
  };

  const int64_t clock = now();
  std::vector<QueryParam> query = parse_query(raw_query);
  std::vector<QueryParam> params = query;
  for (QueryParam& p : body_params(request)) params.push_back(std::move(p));
  Call call{data_,
            config_,
            request.method == "HEAD" ? "GET" : request.method,
            std::move(query),
            std::move(params),
            split(rest, '/'),
            std::nullopt,
            RenderContext{data_, "http://" + (request.host.empty() ? std::string("127.0.0.1") : request.host),
                          version, "", clock},
            version_major(version),
            clock,
            {},
            false,
            false};
  bool authenticated = false;
  bool counted = true;
  try {
    // Token first: the real API reports a bad token before anything else.
    const std::optional<std::string> token = find_token(call.params, request.authorization);
    if (!token || token->empty()) {
      if (!call.components.empty() && call.components[0] == "me") throw errors::missing_token_me();
      throw errors::missing_token();
    }
    // debug_token takes the app token ("{app-id}|{app-secret}"); nothing else does.
    const bool app_token = *token == config_.app_id + "|" + config_.app_secret;
    const bool debug = call.components.size() == 1 && call.components[0] == "debug_token";
    if (*token != config_.access_token && !(app_token && debug) &&
        !(config_.accept_token && config_.accept_token(*token)) && page_of_token(data_, *token) < 0)
      throw errors::invalid_token();
    call.instagram_login = config_.instagram_token && config_.instagram_token(*token);
    // A token of the other login's family cannot be parsed by this host.
    if (!token_fits_host(api_host_of(request.host), token_family_of(*token, call.instagram_login)))
      throw errors::invalid_token();
    authenticated = true;
    call.ctx.access_token = *token;

    if (const QueryParam* f = find_param(call.params, "fields"); f && !f->value.empty()) {
      FieldParseResult parsed = parse_fields(f->value);
      if (parsed.error) throw errors::fields_syntax(parsed.error->detail, parsed.error->position, f->value);
      call.fields = std::move(parsed.fields);
    }

    // POST / with batch=[…]: every operation runs through this handler.
    if (call.method == "POST" && call.components.empty() && find_param(call.params, "batch") && !in_batch) {
      counted = false;  // each operation counts, not the envelope
      res.body = run_batch(call, request, *token, [this](const ApiRequest& op) {
        const auto run = [this](const ApiRequest& o) { return handle_locked(o, true); };
        return batch_op_hook_ ? batch_op_hook_(op, run) : run(op);
      });
      res.headers.push_back(usage_.peek({}, clock));
      return res;
    }

    classify(call);
    if (call.buc_accounts.empty()) {
      if (usage_.app_exhausted(clock)) {
        counted = false;
        res.headers.push_back(usage_.peek({}, clock));
        throw errors::app_throttled();
      }
    } else if (usage_.buc_exhausted(call.buc_accounts, clock)) {
      counted = false;
      res.headers.push_back(usage_.peek(call.buc_accounts, clock));
      throw errors::buc_throttled();
    }
    res.body = route(call);
  } catch (const GraphError& e) {
    res.status = e.http_status;
    res.body = error_body(e, trace_id);
    if (!e.www_authenticate.empty()) res.headers.emplace_back("WWW-Authenticate", e.www_authenticate);
  } catch (const std::exception&) {
    const GraphError e = errors::unknown_error();
    res.status = e.http_status;
    res.body = error_body(e, trace_id);
  }
  if (authenticated && counted) res.headers.push_back(usage_.record(call.buc_accounts, clock));
  return res;
}

}  // namespace igemu
