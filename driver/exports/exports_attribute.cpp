// Entry points: connection and statement attributes.
#include "driver/exports/exports.h"
#include "driver/handles/connection.h"
#include "driver/handles/statement.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLSetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                          SQLINTEGER length) {
  return guarded<Connection>(dbc, [&](Connection& c) { return c.setAttribute(attribute, value, length); });
}

IGODBC_EXPORT SQLRETURN SQLSetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                           SQLINTEGER length) {
  return guarded<Connection>(dbc, [&](Connection& c) { return c.setAttribute(attribute, value, length); });
}

IGODBC_EXPORT SQLRETURN SQLGetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                          SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Connection>(dbc, [&](Connection& c) {
    return c.getAttribute(attribute, value, bufferLength, stringLength, false);
  });
}

IGODBC_EXPORT SQLRETURN SQLGetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute, SQLPOINTER value,
                                           SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Connection>(
      dbc, [&](Connection& c) { return c.getAttribute(attribute, value, bufferLength, stringLength, true); });
}

IGODBC_EXPORT SQLRETURN SQLSetStmtAttr(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                       SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.setAttribute(attribute, value, length); });
}

IGODBC_EXPORT SQLRETURN SQLSetStmtAttrW(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                        SQLINTEGER length) {
  return guarded<Statement>(stmt, [&](Statement& st) { return st.setAttribute(attribute, value, length); });
}

IGODBC_EXPORT SQLRETURN SQLGetStmtAttr(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                       SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return st.getAttribute(attribute, value, bufferLength, stringLength); });
}

IGODBC_EXPORT SQLRETURN SQLGetStmtAttrW(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                        SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Statement>(
      stmt, [&](Statement& st) { return st.getAttribute(attribute, value, bufferLength, stringLength); });
}
