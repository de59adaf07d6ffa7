// SQLEndTran / SQLTransact: commit or roll back the scratch-table transaction of one connection, or of every
// connection of an environment. Instagram writes are immediate Graph calls and cannot be rolled back.
#include "driver/exports/api.h"
#include "driver/exports/dispatch.h"
#include "driver/handles/connection.h"
#include "driver/handles/environment.h"

namespace igodbc::driver {

SQLRETURN endTran(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT completion) {
  if (handleType == SQL_HANDLE_DBC)
    return guarded<Connection>(handle, [&](Connection& c) { return c.endTransaction(completion); });
  if (handleType != SQL_HANDLE_ENV) return SQL_INVALID_HANDLE;
  return guarded<Environment>(handle, [&](Environment& e) {
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
      throw OdbcError("HY012", "Invalid transaction operation code " + std::to_string(completion));
    std::vector<Connection*> list;
    {
      std::lock_guard<std::mutex> lock(e.listMutex);
      list = e.connections;
    }
    SQLRETURN rc = SQL_SUCCESS;
    for (Connection* raw : list) {
      std::shared_ptr<Connection> c = findAs<Connection>(raw);  // it may have been freed meanwhile
      if (!c) continue;
      std::lock_guard<std::recursive_mutex> lock(c->callMutex());
      if (!c->connected()) continue;
      try {
        c->endTransaction(completion);
      } catch (...) {
        failWithCurrentException(e);
        rc = SQL_ERROR;
      }
    }
    return rc;
  });
}

}  // namespace igodbc::driver
