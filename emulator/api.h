// The Graph API request handler, independent of HTTP plumbing: a request in (method, raw target,
// a few headers), a complete response out. server.cpp adapts cpp-httplib to it; tests call it
// directly.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dataset.h"
#include "usage.h"

namespace igemu {

struct ApiConfig {
  std::string access_token = "demo-token";
  std::string default_version = "v24.0";  // answers unversioned calls
};

struct ApiRequest {
  std::string method;         // "GET", …
  std::string target;         // raw request target: "/v24.0/me?fields=id%2Cname"
  std::string host;           // Host header, for absolute paging URLs
  std::string authorization;  // Authorization header, if any
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=UTF-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

class GraphApi {
 public:
  GraphApi(const Dataset& data, ApiConfig config) : data_(data), config_(std::move(config)) {}

  // Never throws: every failure becomes a Graph error response.
  ApiResponse handle(const ApiRequest& request);

 private:
  const Dataset& data_;
  ApiConfig config_;
  UsageTracker usage_;
};

// Deterministic per request (seed, method, target): same request, same bytes.
std::string make_trace_id(uint64_t seed, const std::string& method, const std::string& target);

}  // namespace igemu
