// Entry points: descriptors.
#include "driver/convert/unicode.h"
#include "driver/exports/exports.h"
#include "driver/handles/descriptor.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLGetDescField(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                        SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Descriptor>(
      desc, [&](Descriptor& d) { return d.getField(rec, field, value, bufferLength, stringLength, false); });
}

IGODBC_EXPORT SQLRETURN SQLGetDescFieldW(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                         SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Descriptor>(
      desc, [&](Descriptor& d) { return d.getField(rec, field, value, bufferLength, stringLength, true); });
}

IGODBC_EXPORT SQLRETURN SQLSetDescField(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                        SQLINTEGER bufferLength) {
  return guarded<Descriptor>(desc,
                             [&](Descriptor& d) { return d.setField(rec, field, value, bufferLength); });
}

IGODBC_EXPORT SQLRETURN SQLSetDescFieldW(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                         SQLINTEGER bufferLength) {
  return guarded<Descriptor>(desc, [&](Descriptor& d) {
    if (field != SQL_DESC_NAME || !value) return d.setField(rec, field, value, bufferLength);
    // The one settable string field: its length is in bytes.
    SQLLEN units = bufferLength == SQL_NTS ? SQL_NTS : bufferLength / 2;
    std::string name = inString(static_cast<SQLWCHAR*>(value), units);
    return d.setField(rec, field, name.data(), static_cast<SQLINTEGER>(name.size()));
  });
}

IGODBC_EXPORT SQLRETURN SQLGetDescRec(SQLHDESC desc, SQLSMALLINT rec, SQLCHAR* name, SQLSMALLINT capacity,
                                      SQLSMALLINT* nameLength, SQLSMALLINT* type, SQLSMALLINT* subType,
                                      SQLLEN* length, SQLSMALLINT* precision, SQLSMALLINT* scale,
                                      SQLSMALLINT* nullable) {
  return guarded<Descriptor>(desc, [&](Descriptor& d) {
    return getDescRec(d, rec, chars(name, capacity), nameLength, type, subType, length, precision, scale,
                      nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLGetDescRecW(SQLHDESC desc, SQLSMALLINT rec, SQLWCHAR* name, SQLSMALLINT capacity,
                                       SQLSMALLINT* nameLength, SQLSMALLINT* type, SQLSMALLINT* subType,
                                       SQLLEN* length, SQLSMALLINT* precision, SQLSMALLINT* scale,
                                       SQLSMALLINT* nullable) {
  return guarded<Descriptor>(desc, [&](Descriptor& d) {
    return getDescRec(d, rec, chars(name, capacity), nameLength, type, subType, length, precision, scale,
                      nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLSetDescRec(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subType,
                                      SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale,
                                      SQLPOINTER data, SQLLEN* stringLength, SQLLEN* indicator) {
  return guarded<Descriptor>(desc, [&](Descriptor& d) {
    return setDescRec(d, rec, type, subType, length, precision, scale, data, stringLength, indicator);
  });
}

IGODBC_EXPORT SQLRETURN SQLCopyDesc(SQLHDESC source, SQLHDESC target) {
  return copyDesc(source, target);
}
