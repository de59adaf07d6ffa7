// SQL_ATTR_QUERY_TIMEOUT: a watchdog that interrupts a statement still running when its time is up. One
// lazily started thread per statement handle, armed around each call that runs SQL, so a 10,000-row fetch
// does not start 10,000 threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace igodbc::driver {

class QueryTimer {
 public:
  QueryTimer() = default;
  ~QueryTimer();
  QueryTimer(const QueryTimer&) = delete;
  QueryTimer& operator=(const QueryTimer&) = delete;

  // Calls `onExpiry` from the watchdog thread unless disarm() comes within `seconds`.
  void arm(unsigned long seconds, std::function<void()> onExpiry);
  // Stops the watch; true when it had already fired.
  bool disarm();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
  bool armed_ = false;
  bool fired_ = false;
  bool stop_ = false;
  std::chrono::steady_clock::time_point deadline_;
  std::function<void()> onExpiry_;
};

}  // namespace igodbc::driver
