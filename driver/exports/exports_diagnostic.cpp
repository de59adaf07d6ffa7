// Entry points: diagnostics. These read a handle's records and never clear them.
#include "driver/exports/exports.h"

using namespace igodbc::driver;

namespace {
constexpr SQLLEN kStateChars = SQL_SQLSTATE_SIZE + 1;  // five characters and the terminator
}

IGODBC_EXPORT SQLRETURN SQLGetDiagRec(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT rec,
                                      SQLCHAR* state, SQLINTEGER* native, SQLCHAR* message,
                                      SQLSMALLINT capacity, SQLSMALLINT* messageLength) {
  return getDiagRec(handleType, handle, rec, chars(state, kStateChars), native, chars(message, capacity),
                    messageLength);
}

IGODBC_EXPORT SQLRETURN SQLGetDiagRecW(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT rec,
                                       SQLWCHAR* state, SQLINTEGER* native, SQLWCHAR* message,
                                       SQLSMALLINT capacity, SQLSMALLINT* messageLength) {
  return getDiagRec(handleType, handle, rec, chars(state, kStateChars), native, chars(message, capacity),
                    messageLength);
}

IGODBC_EXPORT SQLRETURN SQLGetDiagField(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT rec,
                                        SQLSMALLINT field, SQLPOINTER value, SQLSMALLINT bufferLength,
                                        SQLSMALLINT* stringLength) {
  return getDiagField(handleType, handle, rec, field, value, bufferLength, stringLength, false);
}

IGODBC_EXPORT SQLRETURN SQLGetDiagFieldW(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT rec,
                                         SQLSMALLINT field, SQLPOINTER value, SQLSMALLINT bufferLength,
                                         SQLSMALLINT* stringLength) {
  return getDiagField(handleType, handle, rec, field, value, bufferLength, stringLength, true);
}
