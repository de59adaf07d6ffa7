// The one path every exported function takes (Arrow Flight SQL ODBC's pattern): look the handle up in the
// registry (unknown, freed or wrong kind -> SQL_INVALID_HANDLE), take its call lock, clear its diagnostics,
// run the body, and turn any exception into a diagnostic record and SQL_ERROR. No exception crosses the C
// boundary.
#pragma once

#include <mutex>

#include "driver/handles/handle_registry.h"

namespace igodbc::driver {

struct CallOptions {
  bool clearDiagnostics = true;  // false only for SQLGetDiagRec/SQLGetDiagField/SQLError
  bool lock = true;              // false only for SQLCancel, which must not wait for a running fetch
};

// Records the exception being handled as a diagnostic on `h`; returns SQL_ERROR. Never throws.
SQLRETURN failWithCurrentException(Handle& h) noexcept;

template <class T, class Fn>
SQLRETURN guarded(const void* raw, Fn&& body, CallOptions options = {}) noexcept {
  std::shared_ptr<Handle> found;  // no static_pointer_cast copy: one reference per call
  try {
    found = findHandle(raw, T::kKind);
  } catch (...) {
    return SQL_ERROR;  // the registry could not even be consulted (out of memory)
  }
  if (!found) return SQL_INVALID_HANDLE;
  T* h = static_cast<T*>(found.get());
  std::unique_lock<std::recursive_mutex> lock(h->callMutex(), std::defer_lock);
  if (options.lock) lock.lock();
  if (!h->live()) return SQL_INVALID_HANDLE;
  if (options.clearDiagnostics) h->diags.clear();
  SQLRETURN rc;
  try {
    rc = body(*h);
  } catch (...) {
    rc = failWithCurrentException(*h);
  }
  if (options.clearDiagnostics) h->diags.returnCode = rc;
  return rc;
}

}  // namespace igodbc::driver
