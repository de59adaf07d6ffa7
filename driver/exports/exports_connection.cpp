// Entry points: connections, transactions, SQLGetInfo, SQLGetFunctions, SQLNativeSql.
#include "driver/exports/exports.h"
#include "driver/handles/connection.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLConnect(SQLHDBC dbc, SQLCHAR* dsn, SQLSMALLINT dsnLength, SQLCHAR* user,
                                   SQLSMALLINT userLength, SQLCHAR* password, SQLSMALLINT passwordLength) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return connect(c, inString(dsn, dsnLength), optString(user, userLength),
                   optString(password, passwordLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLConnectW(SQLHDBC dbc, SQLWCHAR* dsn, SQLSMALLINT dsnLength, SQLWCHAR* user,
                                    SQLSMALLINT userLength, SQLWCHAR* password, SQLSMALLINT passwordLength) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return connect(c, inString(dsn, dsnLength), optString(user, userLength),
                   optString(password, passwordLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLDriverConnect(SQLHDBC dbc, SQLHWND, SQLCHAR* in, SQLSMALLINT inLength,
                                         SQLCHAR* out, SQLSMALLINT outCapacity, SQLSMALLINT* outLength,
                                         SQLUSMALLINT completion) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return driverConnect(c, inString(in, inLength), chars(out, outCapacity), outLength, completion);
  });
}

IGODBC_EXPORT SQLRETURN SQLDriverConnectW(SQLHDBC dbc, SQLHWND, SQLWCHAR* in, SQLSMALLINT inLength,
                                          SQLWCHAR* out, SQLSMALLINT outCapacity, SQLSMALLINT* outLength,
                                          SQLUSMALLINT completion) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return driverConnect(c, inString(in, inLength), chars(out, outCapacity), outLength, completion);
  });
}

IGODBC_EXPORT SQLRETURN SQLDisconnect(SQLHDBC dbc) {
  return guarded<Connection>(dbc, [&](Connection& c) { return disconnect(c); });
}

IGODBC_EXPORT SQLRETURN SQLEndTran(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT completion) {
  return endTran(handleType, handle, completion);
}

IGODBC_EXPORT SQLRETURN SQLGetInfo(SQLHDBC dbc, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT bufferLength,
                                   SQLSMALLINT* stringLength) {
  return guarded<Connection>(
      dbc, [&](Connection& c) { return getInfo(c, type, value, bufferLength, stringLength, false); });
}

IGODBC_EXPORT SQLRETURN SQLGetInfoW(SQLHDBC dbc, SQLUSMALLINT type, SQLPOINTER value,
                                    SQLSMALLINT bufferLength, SQLSMALLINT* stringLength) {
  return guarded<Connection>(
      dbc, [&](Connection& c) { return getInfo(c, type, value, bufferLength, stringLength, true); });
}

IGODBC_EXPORT SQLRETURN SQLGetFunctions(SQLHDBC dbc, SQLUSMALLINT function, SQLUSMALLINT* supported) {
  return guarded<Connection>(dbc, [&](Connection& c) { return getFunctions(c, function, supported); });
}

IGODBC_EXPORT SQLRETURN SQLNativeSql(SQLHDBC dbc, SQLCHAR* in, SQLINTEGER inLength, SQLCHAR* out,
                                     SQLINTEGER outCapacity, SQLINTEGER* outLength) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return nativeSql(c, inString(in, inLength), chars(out, outCapacity), outLength);
  });
}

IGODBC_EXPORT SQLRETURN SQLNativeSqlW(SQLHDBC dbc, SQLWCHAR* in, SQLINTEGER inLength, SQLWCHAR* out,
                                      SQLINTEGER outCapacity, SQLINTEGER* outLength) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return nativeSql(c, inString(in, inLength), chars(out, outCapacity), outLength);
  });
}
