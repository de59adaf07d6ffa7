// The Graph API request handler, independent of HTTP plumbing: a request in (method, raw target,
// a few headers, body), a complete response out. server.cpp adapts cpp-httplib to it; tests call it
// directly.
//
// GraphApi owns a copy of the dataset and changes it on writes (comments, publishing, deletes,
// hashtag searches). Requests are serialized by a mutex, so the HTTP server's threads are safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "dataset/dataset.h"
#include "server/usage.h"

namespace igemu {

struct ApiConfig {
  std::string access_token = "demo-token";
  std::string default_version = "v24.0";  // answers unversioned calls
  int64_t now = Dataset::kDefaultNow;     // the emulator clock at start-up
  double clock_rate = 0;                  // emulator seconds per real second; 0 = frozen
  int buc_budget = 0;                     // calls per IG account per 24 h; 0 = unlimited
  int app_budget = 0;                     // platform calls per hour; 0 = unlimited
  int publish_quota = 100;                // content_publishing_limit config.quota_total
  int container_quota = 400;              // containers per account per 24 h
  // Granted permissions (GET /me/permissions, debug_token); endpoints check the ones they need.
  std::vector<std::string> permissions = {
      "instagram_basic",           "instagram_manage_comments", "instagram_manage_insights",
      "instagram_content_publish", "instagram_manage_contents", "pages_show_list",
      "pages_read_engagement",     "business_management",       "public_profile"};
  // The app behind the token: debug_token takes "{app_id}|{app_secret}" as its access token.
  std::string app_id = "138483919580948";
  std::string app_secret = "demo-app-secret";
  std::string app_name = "instagram-odbc emulator";
  int64_t token_lifetime = 60 * 86400;  // a long-lived user token, issued when the clock starts
  // Other tokens to accept like access_token: those the OAuth endpoints issued (api_oauth.h).
  std::function<bool(const std::string&)> accept_token = {};
  // True for an Instagram Login token (issued by the Instagram OAuth endpoints, api_oauth.h): for it /me is
  // the professional account ig_login_account instead of the Facebook user (api_ig_login.cpp).
  std::function<bool(const std::string&)> instagram_token = {};
  int ig_login_account = 0;  // index into Dataset::accounts
  // The Instagram-scoped user id of that login: /me's `id` and the code exchange's `user_id`.
  std::string ig_login_scoped_id = "17841400008460056";
  std::string ig_login_account_type = "BUSINESS";  // account_type
};

struct ApiRequest {
  std::string method;             // "GET", "POST", "DELETE", …
  std::string target;             // raw request target: "/v24.0/me?fields=id%2Cname"
  std::string host;               // Host header, for absolute paging URLs
  std::string authorization;      // Authorization header, if any
  std::string body = {};          // request body (form-encoded or JSON parameters for writes, batch)
  std::string content_type = {};  // Content-Type header of the body
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=UTF-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

class GraphApi {
 public:
  GraphApi(const Dataset& data, ApiConfig config);

  // Never throws: every failure becomes a Graph error response.
  ApiResponse handle(const ApiRequest& request);

  // The clock: config.now plus real time × clock_rate plus whatever tests advanced it by.
  int64_t now() const;
  void advance_clock(int64_t seconds);
  // The current state (after writes). Not synchronized: for tests between requests.
  const Dataset& data() const { return data_; }
  // Wraps each operation of a batch request (server.cpp injects per-operation faults); default: run it.
  using BatchOpHook =
      std::function<ApiResponse(const ApiRequest&, const std::function<ApiResponse(const ApiRequest&)>&)>;
  void set_batch_op_hook(BatchOpHook hook) { batch_op_hook_ = std::move(hook); }

 private:
  ApiResponse handle_locked(const ApiRequest& request, bool in_batch);

  std::mutex mutex_;
  Dataset data_;
  ApiConfig config_;
  UsageTracker usage_;
  std::chrono::steady_clock::time_point started_;
  int64_t clock_offset_ = 0;
  BatchOpHook batch_op_hook_;
};

// Deterministic per request (seed, method, target): same request, same bytes.
std::string make_trace_id(uint64_t seed, const std::string& method, const std::string& target);

}  // namespace igemu
