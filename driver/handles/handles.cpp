// SQLAllocHandle / SQLFreeHandle / SQLFreeStmt: creating, registering and tearing down handles, keeping the
// parent lists (environment -> connections -> statements, descriptors) in step.
#include <algorithm>

#include "driver/exports/api.h"
#include "driver/exports/dispatch.h"
#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

template <class T>
std::shared_ptr<T> self(T& h) {
  return std::static_pointer_cast<T>(h.shared_from_this());
}

template <class T>
void erase(std::vector<T*>& v, const T* p) {
  v.erase(std::remove(v.begin(), v.end(), p), v.end());
}

SQLHANDLE raw(Handle* h) {
  return static_cast<SQLHANDLE>(h);
}

}  // namespace

SQLRETURN allocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output) {
  if (output) *output = SQL_NULL_HANDLE;
  switch (type) {
    case SQL_HANDLE_ENV: {
      if (!output) return SQL_ERROR;
      try {
        auto env = std::make_shared<Environment>();
        registerHandle(env);
        *output = raw(env.get());
        return SQL_SUCCESS;
      } catch (...) {
        return SQL_ERROR;
      }
    }
    case SQL_HANDLE_DBC:
      return guarded<Environment>(input, [&](Environment& e) {
        if (!output) throw OdbcError("HY009", "Invalid use of null pointer: OutputHandlePtr");
        auto c = std::make_shared<Connection>(self(e));
        {
          std::lock_guard<std::mutex> lock(e.listMutex);
          e.connections.push_back(c.get());
        }
        registerHandle(c);
        *output = raw(c.get());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_STMT:
      return guarded<Connection>(input, [&](Connection& c) {
        if (!output) throw OdbcError("HY009", "Invalid use of null pointer: OutputHandlePtr");
        if (!c.connected()) throw OdbcError("08003", "Connection not open");
        auto st = std::make_shared<Statement>(self(c));
        st->createDescriptors();
        c.statements.push_back(st.get());
        registerHandle(st);
        *output = raw(st.get());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_DESC:
      return guarded<Connection>(input, [&](Connection& c) {
        if (!output) throw OdbcError("HY009", "Invalid use of null pointer: OutputHandlePtr");
        if (!c.connected()) throw OdbcError("08003", "Connection not open");
        auto d = std::make_shared<Descriptor>(self(c), DescRole::ARD, nullptr);
        c.descriptors.push_back(d.get());
        registerHandle(d);
        *output = raw(d.get());
        return SQL_SUCCESS;
      });
    default:
      return SQL_ERROR;
  }
}

SQLRETURN freeHandle(SQLSMALLINT type, SQLHANDLE handle) {
  switch (type) {
    case SQL_HANDLE_ENV:
      return guarded<Environment>(handle, [&](Environment& e) {
        std::lock_guard<std::mutex> lock(e.listMutex);
        if (!e.connections.empty())
          throw OdbcError("HY010", "Function sequence error: free the connections of this environment first");
        e.markFreed();
        unregisterHandle(&e);
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_DBC:
      return guarded<Connection>(handle, [&](Connection& c) {
        if (c.connected()) throw OdbcError("HY010", "Function sequence error: disconnect first");
        {
          std::lock_guard<std::mutex> lock(c.env->listMutex);
          erase(c.env->connections, &c);
        }
        c.markFreed();
        unregisterHandle(&c);
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_STMT:
      return guarded<Statement>(handle, [&](Statement& st) {
        st.release();
        erase(st.conn->statements, &st);
        unregisterHandle(&st);
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_DESC:
      return guarded<Descriptor>(handle, [&](Descriptor& d) {
        if (d.implicit())
          throw OdbcError("HY017", "Invalid use of an automatically allocated descriptor handle");
        // Statements using it fall back to their implicit descriptors (ODBC rule).
        for (Statement* st : d.conn->statements) {
          if (st->ard.get() == &d) st->ard = st->implicitArd;
          if (st->apd.get() == &d) st->apd = st->implicitApd;
        }
        erase(d.conn->descriptors, &d);
        d.markFreed();
        unregisterHandle(&d);
        return SQL_SUCCESS;
      });
    default:
      return SQL_INVALID_HANDLE;
  }
}

SQLRETURN freeStmt(Statement& st, SQLUSMALLINT option) {
  switch (option) {
    case SQL_CLOSE:
      st.closeCursor();
      return SQL_SUCCESS;
    case SQL_UNBIND:
      st.ard->records.clear();
      return SQL_SUCCESS;
    case SQL_RESET_PARAMS:
      st.apd->records.clear();
      st.ipd->records.clear();
      return SQL_SUCCESS;
    default:
      throw OdbcError("HY092", "Invalid SQLFreeStmt option " + std::to_string(option));
  }
}

}  // namespace igodbc::driver
