// RequestLanes: the background lanes behind read-ahead. No network: the tasks never touch their session
// except to see whether their lane was stopped.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "graph/request_lanes.h"

using igodbc::graph::HttpSession;
using igodbc::graph::RequestLanes;
using igodbc::graph::Response;

namespace {

std::unique_ptr<HttpSession> session(const std::atomic<bool>& stop) {
  return std::make_unique<HttpSession>(5, 5, stop);
}

Response answer(int seq) {
  Response r;
  r.json = std::make_shared<rapidjson::Document>();
  r.seq = seq;
  return r;
}

// Waits (bounded) until `done` holds.
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return done();
}

}  // namespace

TEST_CASE("Lanes: a submitted request's answer is what take() gives back") {
  RequestLanes lanes(2, session, nullptr);
  REQUIRE_FALSE(lanes.take("never"));
  std::atomic<bool> ran{false};
  REQUIRE(lanes.submit("a", [&](HttpSession&) {
    ran = true;
    return answer(7);
  }));
  REQUIRE(eventually([&] { return ran.load(); }));
  auto f = lanes.take("a");
  REQUIRE(f);
  CHECK(f->get().seq == 7);
  CHECK_FALSE(lanes.take("a"));  // taken once
}

TEST_CASE("Lanes: a failed request's error reaches whoever takes it") {
  RequestLanes lanes(1, session, nullptr);
  std::atomic<bool> started{false};
  REQUIRE(lanes.submit("bad", [&](HttpSession&) -> Response {
    started = true;
    throw std::runtime_error("page failed");
  }));
  REQUIRE(eventually([&] { return started.load(); }));
  auto f = lanes.take("bad");
  REQUIRE(f);
  CHECK_THROWS_WITH(f->get(), "page failed");
}

TEST_CASE("Lanes: none means no read-ahead, and a key is queued once") {
  RequestLanes none(0, session, nullptr);
  CHECK_FALSE(none.submit("a", [](HttpSession&) { return answer(1); }));
  CHECK_FALSE(none.take("a"));

  RequestLanes lanes(1, session, nullptr);
  std::atomic<bool> release{false};
  REQUIRE(lanes.submit("a", [&](HttpSession&) {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return answer(1);
  }));
  CHECK_FALSE(lanes.submit("a", [](HttpSession&) { return answer(2); }));
  release = true;
}

TEST_CASE("Lanes: never more tasks at once than lanes") {
  constexpr int kLanes = 3;
  RequestLanes lanes(kLanes, session, nullptr);
  std::atomic<int> running{0}, most{0}, finished{0};
  for (int i = 0; i < 12; ++i)
    REQUIRE(lanes.submit("k" + std::to_string(i), [&](HttpSession&) {
      int now = ++running;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      --running;
      ++finished;
      return answer(0);
    }));
  REQUIRE(eventually([&] { return finished.load() == 12; }));
  CHECK(most.load() == kLanes);
}

TEST_CASE("Lanes: a request no lane has started yet is withdrawn, and the asker makes it") {
  RequestLanes lanes(1, session, nullptr);
  std::atomic<bool> release{false}, secondRan{false}, busy{false};
  REQUIRE(lanes.submit("busy", [&](HttpSession&) {
    busy = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return answer(1);
  }));
  REQUIRE(lanes.submit("queued", [&](HttpSession&) {
    secondRan = true;
    return answer(2);
  }));
  REQUIRE(eventually([&] { return busy.load(); }));  // the one lane is taken
  CHECK_FALSE(lanes.take("queued"));
  release = true;
  REQUIRE(lanes.take("busy"));
  lanes.dropAll();
  CHECK_FALSE(secondRan.load());
}

TEST_CASE("Lanes: dropAll stops running transfers, waits for them and forgets every answer") {
  std::atomic<bool> wakes{false};
  RequestLanes lanes(2, session, [&] { wakes = true; });
  std::atomic<int> started{0};
  std::atomic<bool> sawStop{false};
  for (const char* key : {"a", "b"})
    REQUIRE(lanes.submit(key, [&](HttpSession& s) {
      ++started;
      while (!s.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      sawStop = true;
      return answer(1);
    }));
  REQUIRE(eventually([&] { return started.load() == 2; }));
  lanes.dropAll();  // returns only once both tasks have seen their stop and ended
  CHECK(sawStop.load());
  CHECK(wakes.load());
  CHECK_FALSE(lanes.take("a"));
  CHECK_FALSE(lanes.take("b"));
  // The lanes work again afterwards, with their stop flags cleared.
  std::atomic<bool> clean{false};
  REQUIRE(lanes.submit("c", [&](HttpSession& s) {
    clean = !s.stopped();
    return answer(3);
  }));
  REQUIRE(eventually([&] { return clean.load(); }));
}

TEST_CASE("Lanes: stopAll stops what runs; answers waiting for takers stay bounded") {
  RequestLanes lanes(1, session, nullptr);
  std::atomic<bool> started{false};
  REQUIRE(lanes.submit("slow", [&](HttpSession& s) {
    started = true;
    while (!s.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    throw std::runtime_error("stopped");
    return answer(0);
  }));
  REQUIRE(eventually([&] { return started.load(); }));
  lanes.stopAll();
  auto f = lanes.take("slow");
  REQUIRE(f);
  CHECK_THROWS_WITH(f->get(), "stopped");
  lanes.dropAll();

  size_t accepted = 0;
  for (size_t i = 0; i < RequestLanes::kMaxWaiting + 10; ++i)
    accepted += lanes.submit("w" + std::to_string(i), [](HttpSession&) { return answer(0); }) ? 1 : 0;
  CHECK(accepted == RequestLanes::kMaxWaiting);
}
