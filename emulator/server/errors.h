// The Graph API error shapes. Every failure inside request handling is a
// GraphError thrown up to the one place that turns it into an HTTP response.
#pragma once

#include <stdexcept>
#include <string>

namespace igemu {

struct GraphError : std::runtime_error {
  GraphError(int http_status, int code, int subcode, std::string type, const std::string& message)
      : std::runtime_error(message),
        http_status(http_status),
        code(code),
        subcode(subcode),
        type(std::move(type)) {}

  int http_status;
  int code;
  int subcode;  // 0 = no error_subcode key
  std::string type;
  std::string www_authenticate;  // set for OAuth errors
  bool is_transient = false;     // only serialized when true
  std::string user_title;        // error_user_title, when set (publishing and IG errors)
  std::string user_msg;          // error_user_msg, when set
};

namespace errors {

// "Unsupported get request. Object with ID '…' does not exist, …" (code 100, subcode 33).
GraphError object_not_found(const std::string& method, const std::string& object_id);
// A request to the bare root without ids=.
GraphError unsupported_root(const std::string& method);
GraphError nonexisting_field(const std::string& field, const std::string& node_type);
// Expansion syntax on something that does not take it (alias, unknown modifier, sub-fields on a scalar).
GraphError unknown_fields(const std::string& fields_text);
GraphError fields_syntax(const std::string& detail, size_t position, const std::string& fields_text);
GraphError unknown_path(const std::string& components);
GraphError missing_token();
GraphError missing_token_me();
GraphError invalid_token();
GraphError invalid_parameter(const std::string& message);  // message without the "(#100) " prefix
GraphError too_many_ids(size_t provided);
GraphError unknown_error();

// "(#100) The parameter x is required" for a missing mandatory parameter.
GraphError missing_param(const std::string& name);
// "(#10) Application does not have permission for this action" (missing permission, fields other
// accounts do not expose).
GraphError permission_denied();
// (#36104) view_count read outside business discovery.
GraphError view_count_outside_discovery();
// business_discovery.username(x) for a name that is no professional account: 110 / 2207013.
GraphError discovery_user_not_found(const std::string& username);
// Rate limits: BUC throttling (80002) and the app's platform limit (4, HTTP 403, transient).
GraphError buc_throttled();
GraphError app_throttled();

}  // namespace errors

// {"error":{"message":…,"type":…,"code":…,"error_subcode":…,"fbtrace_id":…}}
std::string error_body(const GraphError& e, const std::string& fbtrace_id);

}  // namespace igemu
