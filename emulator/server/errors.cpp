#include "server/errors.h"

#include "server/json.h"

namespace igemu {
namespace errors {
namespace {

GraphError oauth(int code, const std::string& message) {
  return GraphError(400, code, 0, "OAuthException", message);
}

}  // namespace

GraphError object_not_found(const std::string& method, const std::string& object_id) {
  return GraphError(400, 100, 33, "GraphMethodException",
                    "Unsupported " + method + " request. Object with ID '" + object_id +
                        "' does not exist, cannot be loaded due to missing permissions, or does not support "
                        "this operation");
}

GraphError unsupported_root(const std::string& method) {
  return GraphError(400, 100, 0, "GraphMethodException", "Unsupported " + method + " request.");
}

GraphError nonexisting_field(const std::string& field, const std::string& node_type) {
  return oauth(100,
               "(#100) Tried accessing nonexisting field (" + field + ") on node type (" + node_type + ")");
}

GraphError unknown_fields(const std::string& fields_text) {
  return oauth(100, "(#100) Unknown fields: " + fields_text + ".");
}

GraphError fields_syntax(const std::string& detail, size_t position, const std::string& fields_text) {
  return oauth(
      2500, "Syntax error \"" + detail + "\" at character " + std::to_string(position) + ": " + fields_text);
}

GraphError unknown_path(const std::string& components) {
  return oauth(2500, "Unknown path components: " + components);
}

GraphError missing_token() {
  GraphError e = oauth(104, "An access token is required to request this resource.");
  e.www_authenticate =
      "OAuth \"Facebook Platform\" \"invalid_request\" \"An access token is required to request this "
      "resource.\"";
  return e;
}

GraphError missing_token_me() {
  GraphError e =
      oauth(2500, "An active access token must be used to query information about the current user.");
  e.www_authenticate =
      "OAuth \"Facebook Platform\" \"invalid_request\" \"An active access token must be used to query "
      "information about the current user.\"";
  return e;
}

GraphError invalid_token() {
  GraphError e = oauth(190, "Invalid OAuth access token - Cannot parse access token");
  e.www_authenticate =
      "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - Cannot parse access "
      "token\"";
  return e;
}

GraphError invalid_parameter(const std::string& message) {
  return oauth(100, "(#100) " + message);
}

GraphError too_many_ids(size_t provided) {
  return oauth(100, "(#100) Too many IDs. Maximum: 50. Provided: " + std::to_string(provided) + ".");
}

GraphError unknown_error() {
  return GraphError(500, 1, 0, "OAuthException", "An unknown error has occurred.");
}

GraphError missing_param(const std::string& name) {
  return oauth(100, "(#100) The parameter " + name + " is required");
}

GraphError permission_denied() {
  return oauth(10, "(#10) Application does not have permission for this action");
}

GraphError view_count_outside_discovery() {
  return oauth(
      36104,
      "(#36104) You do not have permission to access this field outside of the Business Discovery API.");
}

GraphError discovery_user_not_found(const std::string& username) {
  GraphError e(400, 110, 2207013, "OAuthException", "Invalid user id");
  e.user_title = "Cannot find User";
  e.user_msg = "The user with username: " + username + " cannot be found.";
  return e;
}

GraphError buc_throttled() {
  return oauth(
      80002, "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.");
}

GraphError app_throttled() {
  GraphError e(403, 4, 0, "OAuthException", "(#4) Application request limit reached");
  e.is_transient = true;
  return e;
}

}  // namespace errors

std::string error_body(const GraphError& e, const std::string& fbtrace_id) {
  JsonWriter w;
  w.begin_object().key("error").begin_object();
  w.key("message").string(e.what());
  w.key("type").string(e.type);
  w.key("code").integer(e.code);
  if (e.subcode != 0) w.key("error_subcode").integer(e.subcode);
  if (e.is_transient) w.key("is_transient").boolean(true);
  if (!e.user_title.empty()) w.key("error_user_title").string(e.user_title);
  if (!e.user_msg.empty()) w.key("error_user_msg").string(e.user_msg);
  w.key("fbtrace_id").string(fbtrace_id);
  w.end_object().end_object();
  return w.take();
}

}  // namespace igemu
