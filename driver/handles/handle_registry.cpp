#include "driver/handles/handle_registry.h"

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
  }
}

std::shared_ptr<Handle> findHandle(const void* raw, HandleKind kind) {
  if (!raw) return nullptr;
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.handles.find(raw);
  if (it == r.handles.end() || it->second->kind() != kind || !it->second->live()) return nullptr;
  return it->second;
}

}  // namespace igodbc::driver
