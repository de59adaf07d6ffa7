#include "graph/request_lanes.h"

#include <algorithm>
#include <exception>
#include <utility>

namespace igodbc::graph {

RequestLanes::RequestLanes(int lanes, SessionFactory makeSession, std::function<void()> wakeWaiters)
    : lanes_(std::max(lanes, 0)),
      makeSession_(std::move(makeSession)),
      wakeWaiters_(std::move(wakeWaiters)) {}

RequestLanes::~RequestLanes() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutdown_ = true;
    queue_.clear();
    waiting_.clear();
    for (auto& lane : pool_) {
      lane->stop = true;
      lane->session->wakeup();
    }
    if (wakeWaiters_) wakeWaiters_();
  }
  work_.notify_all();
  for (auto& lane : pool_) lane->thread.join();
}

void RequestLanes::startThreads() {
  for (int i = 0; i < lanes_; ++i) {
    auto lane = std::make_unique<Lane>();
    lane->session = makeSession_(lane->stop);
    pool_.push_back(std::move(lane));
  }
  for (auto& lane : pool_) lane->thread = std::thread([this, l = lane.get()] { run(*l); });
}

bool RequestLanes::submit(const std::string& key, Task task) {
  if (lanes_ == 0) return false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutdown_ || waiting_.count(key) != 0 || waiting_.size() >= kMaxWaiting) return false;
    if (pool_.empty()) {
      try {
        startThreads();
      } catch (const std::exception&) {
        return false;  // no thread or session to spare: the statement makes its requests itself
      }
    }
    auto entry = std::make_shared<Entry>();
    entry->key = key;
    entry->task = std::move(task);
    entry->future = entry->promise.get_future().share();
    waiting_.emplace(key, entry);
    queue_.push_back(std::move(entry));
  }
  work_.notify_one();
  return true;
}

std::optional<std::shared_future<Response>> RequestLanes::take(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = waiting_.find(key);
  if (it == waiting_.end()) return std::nullopt;
  std::shared_ptr<Entry> entry = it->second;
  waiting_.erase(it);
  if (!entry->started) {
    queue_.erase(std::remove(queue_.begin(), queue_.end(), entry), queue_.end());
    return std::nullopt;
  }
  return entry->future;
}

void RequestLanes::stopBusyLanes() {
  bool any = false;
  for (auto& lane : pool_) {
    if (!lane->busy) continue;
    lane->stop = true;
    lane->session->wakeup();
    any = true;
  }
  if (any && wakeWaiters_) wakeWaiters_();
}

void RequestLanes::stopAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopBusyLanes();
}

void RequestLanes::dropAll() {
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.clear();
  waiting_.clear();
  stopBusyLanes();
  idle_.wait(lock, [&] {
    return std::none_of(pool_.begin(), pool_.end(), [](const std::unique_ptr<Lane>& l) { return l->busy; });
  });
  for (auto& lane : pool_) lane->stop = false;
}

void RequestLanes::run(Lane& lane) {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_.wait(lock, [&] { return shutdown_ || !queue_.empty(); });
    if (shutdown_) return;
    std::shared_ptr<Entry> entry = std::move(queue_.front());
    queue_.pop_front();
    entry->started = true;
    lane.busy = true;
    lock.unlock();
    try {
      entry->promise.set_value(entry->task(*lane.session));
    } catch (...) {
      entry->promise.set_exception(std::current_exception());
    }
    entry->task = nullptr;  // what the task captured goes now, not when the answer is dropped
    lock.lock();
    lane.busy = false;
    idle_.notify_all();
  }
}

}  // namespace igodbc::graph
