#include "driver/handles/handle_registry.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace igodbc::driver {

namespace {

struct Registry {
  std::mutex mutex;
  std::unordered_map<const void*, std::shared_ptr<Handle>> handles;
};

// Never destroyed: applications may call into the driver from atexit handlers after static destructors.
Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

// Bumped (under the registry lock) by every unregistration. While it has not moved, every handle the registry
// held then is still in it, so a thread's last answer for the same pointer is still the registry's answer.
std::atomic<uint64_t> generation{0};

// Each thread's last lookup: the call loops of an application (SQLFetch, SQLGetData column after column) ask
// for the same handle again and again, and this answers them without the registry's global lock and hash
// lookup. A weak_ptr, so the cache never keeps a freed handle alive; the call keeps what lock() returns.
struct LastLookup {
  const void* raw = nullptr;
  HandleKind kind = HandleKind::Env;
  uint64_t generation = 0;
  std::weak_ptr<Handle> handle;
};
thread_local LastLookup last;

}  // namespace

void registerHandle(const std::shared_ptr<Handle>& h) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.handles[h.get()] = h;
}

void unregisterHandle(const Handle* h) {
  std::shared_ptr<Handle> keep;  // destroyed after the registry lock is released
  Registry& r = registry();
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.handles.find(h);
    if (it == r.handles.end()) return;
    keep = std::move(it->second);
    r.handles.erase(it);
    generation.fetch_add(1, std::memory_order_release);
  }
}

std::shared_ptr<Handle> findHandle(const void* raw, HandleKind kind) {
  if (!raw) return nullptr;
  LastLookup& mine = last;
  if (mine.raw == raw && mine.kind == kind && mine.generation == generation.load(std::memory_order_acquire)) {
    // Unregistered since (a race the registry path has too): lock() fails once it is destroyed, and a
    // handle that is still referenced elsewhere is marked freed before it is unregistered.
    std::shared_ptr<Handle> h = mine.handle.lock();
    if (h && h->live()) return h;
  }
  Registry& r = registry();
  std::shared_ptr<Handle> found;
  uint64_t seen;
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    seen = generation.load(std::memory_order_relaxed);
    auto it = r.handles.find(raw);
    if (it == r.handles.end() || it->second->kind() != kind || !it->second->live()) return nullptr;
    found = it->second;
  }
  mine.raw = raw;
  mine.kind = kind;
  mine.generation = seen;
  mine.handle = found;
  return found;
}

}  // namespace igodbc::driver
