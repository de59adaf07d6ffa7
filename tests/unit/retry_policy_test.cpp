// The retry rules (graph/retry_policy.h), the usage headers (graph/usage_headers.h) and the rate
// governor (graph/rate_governor.h), without HTTP.
#include "graph/retry_policy.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "graph/errors.h"
#include "graph/rate_governor.h"
#include "graph/usage_headers.h"
#include "net/tls_failure.h"

using namespace igodbc::graph;

namespace {

GraphError graphError(int status, int code, bool transient = false) {
  return GraphError("x", status, code, 0, "OAuthException", "x", "", transient);
}

}  // namespace

TEST_CASE("transient Graph codes are retried with growing, jittered backoff", "[retry]") {
  RetryConfig rc;
  for (int code : {1, 2, 4, 17, 32, 341, 368, 613, 80001, 80002}) {
    RetryDecision d = decideRetry(graphError(400, code), RequestKind::Read, 1, 0, rc, 0.5);
    CHECK(d.retry);
    CHECK(d.waitSeconds == Approx(0.125));
  }
  CHECK(decideRetry(graphError(400, 1), RequestKind::Read, 3, 0, rc, 1.0).waitSeconds == Approx(1.0));
  CHECK(decideRetry(graphError(502, 0), RequestKind::Read, 1, 0, rc, 0.1).retry);
  CHECK(decideRetry(graphError(429, 0), RequestKind::Read, 1, 0, rc, 0.1).retry);
  CHECK(decideRetry(graphError(400, 999, true), RequestKind::Read, 1, 0, rc, 0.1).retry);
}

TEST_CASE("permanent errors are not retried", "[retry]") {
  RetryConfig rc;
  for (int code : {10, 100, 190, 200, 506, 2500}) {
    RetryDecision d = decideRetry(graphError(400, code), RequestKind::Read, 1, 0, rc, 0.5);
    CHECK_FALSE(d.retry);
    CHECK(d.giveUpNote.empty());
  }
  NetworkError tooLarge("too large");
  tooLarge.retryable = false;
  CHECK_FALSE(decideRetry(tooLarge, RequestKind::Read, 1, 0, rc, 0.5).retry);
}

TEST_CASE("the budget of attempts and time ends the retries with a note saying when to try again",
          "[retry]") {
  RetryConfig rc;
  rc.maxRetries = 2;
  rc.maxSeconds = 5;
  RetryDecision d = decideRetry(graphError(500, 1), RequestKind::Read, 3, 1, rc, 0.5);
  CHECK_FALSE(d.retry);
  CHECK(d.giveUpNote.find("gave up after 3 attempts") != std::string::npos);
  d = decideRetry(graphError(500, 1), RequestKind::Read, 2, 4.99, rc, 1.0);
  CHECK_FALSE(d.retry);
  CHECK(d.giveUpNote.find("RetryMaxSeconds") != std::string::npos);
  rc.maxRetries = 0;
  CHECK_FALSE(decideRetry(graphError(500, 1), RequestKind::Read, 1, 0, rc, 0).retry);
}

TEST_CASE("server wait hints are honoured or end the call at once", "[retry]") {
  RetryConfig rc;
  GraphError e = graphError(400, 80002);
  e.retryAfterSeconds = 2;
  RetryDecision d = decideRetry(e, RequestKind::Read, 1, 0, rc, 0.0);
  CHECK(d.retry);
  CHECK(d.waitSeconds == Approx(2));
  e.regainAccessMinutes = 7;
  d = decideRetry(e, RequestKind::Read, 1, 0, rc, 0.0);
  CHECK_FALSE(d.retry);
  CHECK(d.giveUpNote.find("7 minutes") != std::string::npos);
  CHECK(parseRetryAfter("120") == 120);
  CHECK(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT") < 0);
  CHECK(parseRetryAfter("") < 0);
}

TEST_CASE("a write is retried only when it provably never left", "[retry]") {
  RetryConfig rc;
  CHECK_FALSE(decideRetry(graphError(500, 1), RequestKind::Write, 1, 0, rc, 0.5).retry);
  CHECK_FALSE(decideRetry(graphError(400, 80002), RequestKind::Write, 1, 0, rc, 0.5).retry);
  NetworkError reset("connection reset");
  CHECK_FALSE(decideRetry(reset, RequestKind::Write, 1, 0, rc, 0.5).retry);
  CHECK(decideRetry(reset, RequestKind::Read, 1, 0, rc, 0.5).retry);
  NetworkError refused("could not connect");
  refused.notSent = true;
  CHECK(decideRetry(refused, RequestKind::Write, 1, 0, rc, 0.5).retry);
  CHECK_FALSE(decideRetry(TimeoutError("slow"), RequestKind::Write, 1, 0, rc, 0.5).retry);
}

TEST_CASE("TLS verification failures and lost write answers are never retried", "[retry]") {
  RetryConfig rc;
  TlsError tls("TLS verification failed");
  CHECK(tls.notSent);
  CHECK_FALSE(decideRetry(tls, RequestKind::Read, 1, 0, rc, 0.5).retry);
  CHECK(decideRetry(tls, RequestKind::Read, 1, 0, rc, 0.5).giveUpNote.empty());  // no "try again in a minute"
  CHECK_FALSE(decideRetry(OutcomeUnknownError("lost", "POST"), RequestKind::Write, 1, 0, rc, 0.5).retry);
}

TEST_CASE("TLS failures say which check failed and what to set", "[retry]") {
  const std::string o = "https://graph.example/";
  auto pin = describeTlsFailure(CURLE_SSL_PINNEDPUBKEYNOTMATCH, 0, o, "", true);
  REQUIRE(pin);
  CHECK(pin->find("does not match the pin in SSLServerCert") != std::string::npos);
  auto untrusted = describeTlsFailure(CURLE_PEER_FAILED_VERIFICATION, 20, o,
                                      "unable to get local issuer certificate", false);
  REQUIRE(untrusted);
  CHECK(untrusted->find("not trusted") != std::string::npos);
  CHECK(untrusted->find("SSLServerCert") != std::string::npos);
  auto name =
      describeTlsFailure(CURLE_PEER_FAILED_VERIFICATION, 62, o,
                         "SSL: no alternative certificate subject name matches target host name 'x'", false);
  REQUIRE(name);
  CHECK(name->find("does not name the host of GraphURL") != std::string::npos);
  auto badFile = describeTlsFailure(CURLE_SSL_CACERT_BADFILE, 0, o, "error setting certificate file", false);
  REQUIRE(badFile);
  CHECK(badFile->find("PEM") != std::string::npos);
  CHECK_FALSE(describeTlsFailure(CURLE_COULDNT_CONNECT, 0, o, "refused", false));
  CHECK_FALSE(describeTlsFailure(CURLE_RECV_ERROR, 0, o, "reset", false));
}

TEST_CASE("usage headers parse into sys_ratelimit rows; hostile values give none", "[usage]") {
  auto app = parseAppUsage(R"({"call_count":28,"total_cputime":25,"total_time":30})", 5);
  REQUIRE(app.size() == 1);
  CHECK(app[0].objectId == "app");
  CHECK(app[0].maxPercent() == 30);
  auto buc = parseBucUsage(
      R"({"17841405822304914":[{"type":"instagram","call_count":12,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":9}]})",
      5);
  REQUIRE(buc.size() == 1);
  CHECK(buc[0].type == "instagram");
  CHECK(buc[0].regainMinutes == 9);
  CHECK(parseBucUsage("{\"a\":", 0).empty());
  CHECK(parseBucUsage("[1,2]", 0).empty());
  CHECK(parseAppUsage(std::string(100000, '['), 0).empty());
}

TEST_CASE("the governor slows requests of an account near its limit", "[governor]") {
  UsageStore::process().clear();
  CHECK(governorDelaySeconds("17841400000000001/media", 80, 5) == 0);
  UsageStore::process().record(
      parseBucUsage(R"({"17841400000000001":[{"type":"instagram","call_count":95}]})",
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count()));
  CHECK(governorDelaySeconds("17841400000000001/media", 80, 5) > 3);
  CHECK(governorDelaySeconds("17841400000000002/media", 80, 5) == 0);
  CHECK(governorDelaySeconds("17841400000000001/media", 0, 5) == 0);
  UsageStore::process().clear();
}
