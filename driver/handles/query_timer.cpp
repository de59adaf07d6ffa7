#include "driver/handles/query_timer.h"

namespace igodbc::driver {

QueryTimer::~QueryTimer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void QueryTimer::arm(unsigned long seconds, std::function<void()> onExpiry) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    onExpiry_ = std::move(onExpiry);
    armed_ = true;
    fired_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wake_.notify_all();
}

bool QueryTimer::disarm() {
  std::lock_guard<std::mutex> lock(mutex_);
  armed_ = false;
  return fired_;
}

void QueryTimer::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    if (!armed_) {
      wake_.wait(lock);
      continue;
    }
    if (wake_.wait_until(lock, deadline_) == std::cv_status::timeout && armed_ &&
        std::chrono::steady_clock::now() >= deadline_) {
      armed_ = false;
      fired_ = true;
      // The callback only raises interrupt flags; it never waits for the statement's lock.
      if (onExpiry_) onExpiry_();
    }
  }
}

}  // namespace igodbc::driver
