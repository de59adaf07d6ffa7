// Secrets never leave the process in logs, diagnostics or sys_requests.
#pragma once

#include <string>
#include <string_view>

namespace igodbc::graph {

// Replaces the values of access_token, appsecret_proof, client_secret, code, fb_exchange_token,
// input_token (and the other secret query keys) with "***" in a URL or a form body.
std::string redactUrl(std::string_view url);

}  // namespace igodbc::graph
