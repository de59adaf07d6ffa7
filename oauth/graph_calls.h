// oauth/'s Graph API calls (the Page tokens, debug_token) go through graph::Client like every other Graph
// call: retries of transient failures, the rate governor, typed Graph errors, cancel-aware waits and the
// same-origin check on paging URLs. They run while the connection's own Client asks its provider for a token,
// so they cannot use that Client: each call gets a short-lived one with a fixed token.
#pragma once

#include <memory>
#include <string>

#include "graph/client.h"
#include "oauth/oauth_options.h"

namespace igodbc::oauth {

// A Client for GraphURL / Version with the connection's network, time-out and log settings that sends
// `token` (and appsecret_proof when `appSecret` is not empty). Throws std::invalid_argument like
// graph::HttpSession::configure when SSLServerCert names no file.
std::unique_ptr<graph::Client> makeGraphClient(const OAuthOptions& options, std::string token,
                                               std::string appSecret);

// The HTTP status of the logged exchange `seq` of `client` (200 when the log no longer holds it).
int responseStatus(graph::Client& client, int seq);

}  // namespace igodbc::oauth
