// Background lanes for reads a statement will need soon (the next page of a walk, the first page of the next
// account): each lane is a thread with its own HTTP session and kept-alive connection, so up to
// MaxConcurrency requests are in flight at once while SQLite works through the rows it has.
//
// A prefetch is only a hint. Its answer waits under its key until the statement asks for that request, which
// then gets it exactly as if it had asked at that moment (a failed page is still the statement's error).
// A request asked for before a lane started it is taken back and made by the asker itself. Whatever is not
// asked for is dropped when the next statement starts or a write is made; transfers still running then are
// stopped, so no read of an old statement outlives it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "graph/response.h"
#include "net/http_session.h"

namespace igodbc::graph {

class RequestLanes {
 public:
  using Task = std::function<Response(HttpSession&)>;
  // A session for a lane; `stop` is the lane's own cancel flag, polled while its transfer runs.
  using SessionFactory = std::function<std::unique_ptr<HttpSession>(const std::atomic<bool>& stop)>;

  // `lanes` threads at most, started on the first submit; 0 makes every submit a no-op.
  // `wakeWaiters` wakes lanes sleeping between attempts (a backoff, the rate governor) when they are stopped.
  RequestLanes(int lanes, SessionFactory makeSession, std::function<void()> wakeWaiters);
  ~RequestLanes();
  RequestLanes(const RequestLanes&) = delete;
  RequestLanes& operator=(const RequestLanes&) = delete;

  // Queues `task` under `key`. False (and nothing queued) when there are no lanes, the key is already
  // waiting, or kMaxWaiting answers are already waiting to be asked for.
  bool submit(const std::string& key, Task task);
  // The answer for `key` (waiting for it if its transfer runs); nullopt when nothing was submitted under it
  // or no lane has started it yet (then it is withdrawn, and the caller makes the request itself).
  std::optional<std::shared_future<Response>> take(const std::string& key);
  // Cancel: every running transfer stops now (its answer is a CancelledError) and queued tasks fail fast.
  void stopAll();
  // Forgets every waiting answer and queued task, stops the running transfers and waits until they end.
  // Never called from a lane.
  void dropAll();

  int lanes() const { return lanes_; }
  static constexpr size_t kMaxWaiting = 64;  // bounds the memory of answers nobody has asked for yet

 private:
  struct Entry {
    std::string key;
    Task task;
    std::promise<Response> promise;
    std::shared_future<Response> future;
    bool started = false;
  };
  struct Lane {
    std::atomic<bool> stop{false};
    std::unique_ptr<HttpSession> session;
    bool busy = false;
    std::thread thread;
  };

  void startThreads();  // mutex_ held
  void run(Lane& lane);

  const int lanes_;
  SessionFactory makeSession_;
  std::function<void()> wakeWaiters_;
  void stopBusyLanes();  // mutex_ held
  std::mutex mutex_;
  std::condition_variable work_;  // a task was queued, or shutdown
  std::condition_variable idle_;  // a lane finished a task
  std::deque<std::shared_ptr<Entry>> queue_;
  std::unordered_map<std::string, std::shared_ptr<Entry>> waiting_;  // queued, running or answered
  std::vector<std::unique_ptr<Lane>> pool_;
  bool shutdown_ = false;
};

}  // namespace igodbc::graph
