#include "net/tls_failure.h"

namespace igodbc::graph {

namespace {

constexpr const char* kPinHint =
    "SSLServerCert=sha256//<base64 SHA-256 of the server's public key> (openssl x509 -pubkey -noout | "
    "openssl "
    "pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)";

}  // namespace

std::optional<std::string> describeTlsFailure(CURLcode result, long verifyResult, const std::string& origin,
                                              const std::string& detail, bool pinned) {
  const std::string head = "TLS verification of " + origin + " failed: ";
  switch (result) {
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return head +
             "the server's public key does not match the pin in SSLServerCert. If the server's key was "
             "replaced, set SSLServerCert to the new pin; otherwise something is intercepting the "
             "connection. "
             "Not retried";
    case CURLE_PEER_FAILED_VERIFICATION:
      // libcurl's OpenSSL backend says "... target host name" when the chain was fine but the name was not.
      if (!pinned && (verifyResult == 0 || detail.find("target host name") != std::string::npos))
        return head + "the certificate does not name the host of GraphURL (" + detail +
               "). Use the host name the certificate was issued for in GraphURL, or pin the key with " +
               kPinHint + ". Not retried";
      return head + "the server's certificate is not trusted (" + detail +
             "). If the server uses a private CA, set SSLServerCert to the CA file (PEM) or folder, or pin "
             "the "
             "key with " +
             kPinHint + "; otherwise something is intercepting the connection. Not retried";
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
      return head + "the trust file named by SSLServerCert could not be used (" + detail +
             "); give a CA certificate file in PEM format, a folder prepared with c_rehash, or " + kPinHint;
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return head + "the certificate was refused (" + detail + "); check SSLServerCert. Not retried";
    default:
      return std::nullopt;
  }
}

}  // namespace igodbc::graph
