// What a failed TLS verification means for the user: which check failed (certificate not trusted, hostname
// mismatch, pin mismatch, unusable trust file) and what to set. Such a failure is never retried: repeating
// the handshake meets the same certificate.
#pragma once

#include <curl/curl.h>

#include <optional>
#include <string>

namespace igodbc::graph {

// The message for `result` when it is a TLS verification failure, else nullopt. `verifyResult` is
// CURLINFO_SSL_VERIFYRESULT (0 when the chain was fine); `detail` is libcurl's text; `pinned` says that
// SSLServerCert is a sha256// pin.
std::optional<std::string> describeTlsFailure(CURLcode result, long verifyResult, const std::string& origin,
                                              const std::string& detail, bool pinned);

}  // namespace igodbc::graph
