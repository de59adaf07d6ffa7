#include "api.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "errors.h"
#include "field_selection.h"
#include "json.h"
#include "paging.h"
#include "render.h"
#include "rng.h"

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

// The access token from ?access_token= or an "Authorization: Bearer|OAuth <token>" header.
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

// Everything one request needs while being dispatched.
struct Call {
  const Dataset& data;
  const std::vector<QueryParam>& params;
  std::vector<std::string> components;  // decoded path components after the version
  std::optional<FieldList> fields;      // parsed `fields`, if given
  RenderContext ctx;
  std::vector<std::string> buc_accounts;  // IG account ids this call is about

  void note_account(NodeHandle node) {
    const int account = data.account_of(node);
    if (account < 0) return;
    const std::string& id = data.accounts[account].id;
    if (std::find(buc_accounts.begin(), buc_accounts.end(), id) == buc_accounts.end())
      buc_accounts.push_back(id);
  }

  std::optional<NodeHandle> resolve(const std::string& id) const {
    if (id == "me") return NodeHandle{NodeType::User, 0};
    return data.find(id);
  }

  NodeHandle resolve_or_throw(const std::string& id) const {
    if (std::optional<NodeHandle> node = resolve(id)) return *node;
    throw errors::object_not_found("get", id);
  }

  const FieldList* field_list() const { return fields ? &*fields : nullptr; }

  EdgeParams edge_params() const {
    EdgeParams p;
    auto get = [&](const char* key, std::optional<std::string>& out) {
      if (const QueryParam* q = find_param(params, key)) out = q->value;
    };
    get("limit", p.limit);
    get("after", p.after);
    get("before", p.before);
    get("since", p.since);
    get("until", p.until);
    return p;
  }

  const FieldDef& edge_or_throw(NodeHandle node, const std::string& name) const {
    const FieldDef* def = find_field(node.type, name);
    if (!def || def->kind != FieldKind::Edge) throw errors::unknown_path("/" + name);
    return *def;
  }

  // Top-level edge listing: /{node}/{edge}. `url_path` is where the paging URLs point.
  void write_edge(JsonWriter& w, NodeHandle node, const FieldDef& edge, const std::string& url_path) {
    if (fields) validate_fields(edge.target, *fields);
    const EdgePage page = compute_edge_page(data, node, edge, edge_params());
    write_edge_page(w, ctx, page, field_list(), [&](std::string_view key, std::string_view cursor) {
      return ctx.base_url + "/" + ctx.version + url_path + "?" + query_with_cursor(params, key, cursor);
    });
  }

  void write_node(JsonWriter& w, NodeHandle node) {
    if (fields) validate_fields(node.type, *fields);
    render_node(w, ctx, node, field_list(), Listing::Direct);
  }

  // GET /?ids=a,b,c[&fields=…] and GET /{edge}?ids=a,b: an object keyed by the requested ids.
  // One bad id fails the whole request (ref 5.3).
  std::string multi(const std::string& ids_text, const std::string* edge_name) {
    std::vector<std::string> ids;
    for (std::string& id : split(ids_text, ',')) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
    if (ids.empty()) throw errors::unsupported_root("get");
    if (ids.size() > kMaxIds) throw errors::too_many_ids(ids.size());
    std::vector<NodeHandle> nodes;
    for (const std::string& id : ids) nodes.push_back(resolve_or_throw(id));
    JsonWriter w;
    w.begin_object();
    for (size_t i = 0; i < ids.size(); ++i) {
      note_account(nodes[i]);
      w.key(ids[i]);
      if (edge_name) {
        write_edge(w, nodes[i], edge_or_throw(nodes[i], *edge_name),
                   "/" + data.id_of(nodes[i]) + "/" + *edge_name);
      } else {
        write_node(w, nodes[i]);
      }
    }
    w.end_object();
    return w.take();
  }

  std::string dispatch() {
    const QueryParam* ids = find_param(params, "ids");
    if (components.empty()) {
      if (ids) return multi(ids->value, nullptr);
      throw errors::unsupported_root("get");
    }
    std::optional<NodeHandle> node = resolve(components[0]);
    if (!node && ids && components.size() == 1) return multi(ids->value, &components[0]);
    if (!node) throw errors::object_not_found("get", components[0]);
    note_account(*node);

    JsonWriter w;
    if (components.size() == 1) {
      write_node(w, *node);
      return w.take();
    }
    const FieldDef& edge = edge_or_throw(*node, components[1]);
    if (components.size() > 2) throw errors::unknown_path(join_path(components, 2));
    // Paging URLs name the resolved node ("me" becomes the user id).
    write_edge(w, *node, edge, "/" + data.id_of(*node) + "/" + components[1]);
    return w.take();
  }
};

}  // namespace

std::string make_trace_id(uint64_t seed, const std::string& method, const std::string& target) {
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  Rng r = Rng::stream(seed, "fbtrace", method + " " + target);
  std::string id = "A";
  for (int i = 0; i < 22; ++i) id += kAlpha[r.below(64)];
  return id;
}

ApiResponse GraphApi::handle(const ApiRequest& request) {
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

  const std::vector<QueryParam> params = parse_query(raw_query);
  Call call{data_,
            params,
            split(rest, '/'),
            std::nullopt,
            RenderContext{data_, "http://" + (request.host.empty() ? std::string("127.0.0.1") : request.host),
                          version, ""},
            {}};
  bool authenticated = false;
  try {
    // Token first: the real API reports a bad token before anything else.
    const std::optional<std::string> token = find_token(params, request.authorization);
    if (!token || token->empty()) {
      if (!call.components.empty() && call.components[0] == "me") throw errors::missing_token_me();
      throw errors::missing_token();
    }
    if (*token != config_.access_token) throw errors::invalid_token();
    authenticated = true;
    call.ctx.access_token = *token;

    const std::string method = request.method == "HEAD" ? "GET" : request.method;
    if (method != "GET") {
      // Writes (comment_enabled, DELETE, batch, publishing) are not emulated yet.
      if (call.components.empty()) throw errors::unsupported_root(lower(method));
      throw errors::object_not_found(lower(method), call.components[0]);
    }

    if (const QueryParam* f = find_param(params, "fields"); f && !f->value.empty()) {
      FieldParseResult parsed = parse_fields(f->value);
      if (parsed.error) throw errors::fields_syntax(parsed.error->detail, parsed.error->position, f->value);
      call.fields = std::move(parsed.fields);
    }
    res.body = call.dispatch();
  } catch (const GraphError& e) {
    res.status = e.http_status;
    res.body = error_body(e, trace_id);
    if (!e.www_authenticate.empty()) res.headers.emplace_back("WWW-Authenticate", e.www_authenticate);
  } catch (const std::exception&) {
    const GraphError e = errors::unknown_error();
    res.status = e.http_status;
    res.body = error_body(e, trace_id);
  }
  if (authenticated) res.headers.push_back(usage_.record(call.buc_accounts));
  return res;
}

}  // namespace igemu
