// What the token may do: GET /me/permissions (Graph user edge) and GET /debug_token.
#include "api/api_internal.h"

namespace igemu {

std::string permissions_response(Call& c) {
  JsonWriter w;
  w.begin_object().key("data").begin_array();
  for (const std::string& p : c.config.permissions)
    w.begin_object().key("permission").string(p).key("status").string("granted").end_object();
  w.end_array().end_object();
  return w.take();
}

std::string debug_token_response(Call& c) {
  const std::string& input = c.required("input_token");
  JsonWriter w;
  w.begin_object().key("data").begin_object();
  if (input != c.config.access_token) {
    // Unknown tokens are answered, not refused: is_valid false plus an error object.
    w.key("error").begin_object().key("code").integer(190).key("message").string(
        "Invalid OAuth access token.");
    w.end_object();
    w.key("is_valid").boolean(false).key("scopes").begin_array().end_array();
    w.end_object().end_object();
    return w.take();
  }
  const int64_t issued = c.config.now;
  const int64_t expires = issued + c.config.token_lifetime;
  w.key("app_id").string(c.config.app_id);
  w.key("type").string("USER");
  w.key("application").string(c.config.app_name);
  w.key("data_access_expires_at").integer(issued + 90 * 86400);
  w.key("expires_at").integer(expires);
  w.key("is_valid").boolean(c.now < expires);
  w.key("issued_at").integer(issued);
  w.key("scopes").begin_array();
  for (const std::string& p : c.config.permissions) w.string(p);
  w.end_array();
  // Instagram permissions name the IG accounts, Page permissions the Pages; business-wide ones
  // apply to all assets and carry no target_ids.
  w.key("granular_scopes").begin_array();
  for (const std::string& p : c.config.permissions) {
    if (p == "public_profile") continue;
    w.begin_object().key("scope").string(p);
    if (p.rfind("instagram_", 0) == 0) {
      w.key("target_ids").begin_array();
      for (const AccountRec& a : c.data.accounts) w.string(a.id);
      w.end_array();
    } else if (p.rfind("pages_", 0) == 0) {
      w.key("target_ids").begin_array();
      for (const PageRec& page : c.data.pages) w.string(page.id);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.key("user_id").string(c.data.user.id);
  w.end_object().end_object();
  return w.take();
}

}  // namespace igemu
