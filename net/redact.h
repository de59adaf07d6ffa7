// Secrets never leave the process in logs, diagnostics or sys_requests.
#pragma once

#include <string>
#include <string_view>

namespace igodbc::graph {

// Replaces the values of access_token, appsecret_proof, client_secret, code, fb_exchange_token,
// input_token (and the other secret query keys) with "***" in a URL or a form body.
std::string redactUrl(std::string_view url);

// What a secret reads as wherever it is shown (sys_connection_props, the OAuth procedures' results).
inline constexpr const char* kMaskedSecret = "********";

// Replaces every occurrence of `secret` (as written, and percent-encoded) in `text` with "***", for error
// texts that may echo a token. An empty secret leaves the text unchanged.
std::string scrubSecret(std::string text, const std::string& secret);

}  // namespace igodbc::graph
