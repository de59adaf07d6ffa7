// The set of live handles. An application can pass anything as a handle (null, freed, the wrong kind, a
// random pointer); only pointers found here are ever dereferenced, so such calls answer SQL_INVALID_HANDLE.
#pragma once

#include <memory>

#include "driver/handles/handle.h"

namespace igodbc::driver {

void registerHandle(const std::shared_ptr<Handle>& h);
void unregisterHandle(const Handle* h);
// The live handle behind `raw` when it is of `kind`; null otherwise. A thread asking again for the handle it
// asked for last, with no handle unregistered since, is answered without the registry's lock.
std::shared_ptr<Handle> findHandle(const void* raw, HandleKind kind);

template <class T>
std::shared_ptr<T> findAs(const void* raw) {
  return std::static_pointer_cast<T>(findHandle(raw, T::kKind));
}

}  // namespace igodbc::driver
