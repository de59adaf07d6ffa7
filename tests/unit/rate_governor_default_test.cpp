// The rate governor as a connection gets it without any setting (RateLimitThreshold = 80, at most
// 1 s per request; docs/resilience.md): no wait below 80 % usage, a wait that grows linearly to 1 s at 100 %,
// only for the app and the accounts the request names, and only while the usage report is fresh (10 s).
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "driver/connect/connection_settings.h"
#include "graph/client.h"
#include "graph/rate_governor.h"
#include "graph/usage_headers.h"

using namespace igodbc;

namespace {

int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void reportAccountUsage(const std::string& account, int percent, int64_t atMs) {
  graph::UsageStore::process().record(graph::parseBucUsage(
      "{\"" + account + "\":[{\"type\":\"instagram\",\"call_count\":" + std::to_string(percent) + "}]}",
      atMs));
}

}  // namespace

TEST_CASE("the governor is on by default at 80 % usage, waiting at most 1 s", "[governor]") {
  const driver::ConnectionSettings settings =
      driver::resolveSettings([](std::string_view key) -> std::optional<std::string> {
        if (key == "OAuthAccessToken") return "token";  // the one key a connection cannot do without
        return std::nullopt;
      });
  CHECK(settings.rateLimitThreshold == 80);
  const graph::Config config;
  CHECK(config.governorThreshold == 80);
  CHECK(config.governorMaxDelaySeconds == 1);
}

TEST_CASE("default governor: the wait by usage", "[governor]") {
  const graph::Config config;
  const int threshold = config.governorThreshold;
  const double maxDelay = config.governorMaxDelaySeconds;
  const std::string account = "17841400000000077";
  const std::string path = account + "/media";
  auto delayAt = [&](int percent) {
    graph::UsageStore::process().clear();
    reportAccountUsage(account, percent, nowMs());
    return graph::governorDelaySeconds(path, threshold, maxDelay);
  };
  CHECK(delayAt(0) == 0);
  CHECK(delayAt(79) == 0);
  CHECK(delayAt(80) > 0);
  CHECK(delayAt(80) < 0.1);
  CHECK(delayAt(90) == Approx(11.0 / 21));
  CHECK(delayAt(100) == Approx(1.0));
  CHECK(delayAt(250) == Approx(1.0));  // Graph reports above 100 % while blocked: still at most 1 s
  CHECK(delayAt(85) < delayAt(95));

  // Another account's requests are not slowed; the app's usage slows every request.
  graph::UsageStore::process().clear();
  reportAccountUsage(account, 99, nowMs());
  CHECK(graph::governorDelaySeconds("17841400000000078/media", threshold, maxDelay) == 0);
  graph::UsageStore::process().record(graph::parseAppUsage("{\"call_count\":95}", nowMs()));
  CHECK(graph::governorDelaySeconds("17841400000000078/media", threshold, maxDelay) > 0.5);

  // A report older than 10 s no longer slows anything down.
  graph::UsageStore::process().clear();
  reportAccountUsage(account, 99, nowMs() - 11000);
  CHECK(graph::governorDelaySeconds(path, threshold, maxDelay) == 0);

  // RateLimitThreshold=0 (or 100) turns it off.
  reportAccountUsage(account, 99, nowMs());
  CHECK(graph::governorDelaySeconds(path, 0, maxDelay) == 0);
  CHECK(graph::governorDelaySeconds(path, 100, maxDelay) == 0);
  graph::UsageStore::process().clear();
}

TEST_CASE("Governed requests in flight at once start one delay apart, as one at a time would") {
  graph::GovernorSlots slots;
  const auto t0 = graph::GovernorSlots::Clock::now();
  CHECK(slots.reserve(0, t0) == 0);  // not governed: no wait, no slot
  // Eight lanes ask at the same instant for a request the governor delays by 0.5 s.
  for (int i = 1; i <= 8; ++i) CHECK(slots.reserve(0.5, t0) == Approx(0.5 * i));
  // Asked later, after the spaced-out starts have passed: the plain delay again.
  CHECK(slots.reserve(0.5, t0 + std::chrono::seconds(10)) == Approx(0.5));
  // An ungoverned request in between takes no slot.
  CHECK(slots.reserve(0, t0 + std::chrono::seconds(10)) == 0);
  CHECK(slots.reserve(0.25, t0 + std::chrono::seconds(10)) == Approx(0.75));
}
