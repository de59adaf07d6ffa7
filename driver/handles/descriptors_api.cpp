// SQLGetDescRec / SQLSetDescRec / SQLCopyDesc, over the records of descriptor.h.
#include "driver/exports/api.h"
#include "driver/exports/dispatch.h"
#include "driver/handles/descriptor.h"

namespace igodbc::driver {

SQLRETURN getDescRec(Descriptor& d, SQLSMALLINT rec, const OutString& name, SQLSMALLINT* nameLength,
                     SQLSMALLINT* type, SQLSMALLINT* subType, SQLLEN* length, SQLSMALLINT* precision,
                     SQLSMALLINT* scale, SQLSMALLINT* nullable) {
  if (rec <= 0) throw OdbcError("07009", "Invalid descriptor index " + std::to_string(rec));
  if (rec > d.count()) return SQL_NO_DATA;
  const DescRecord& r = d.records[static_cast<size_t>(rec - 1)];
  if (type) *type = r.type;
  if (subType) *subType = r.datetimeSubcode;
  if (length) *length = r.octetLength;
  if (precision) *precision = r.precision;
  if (scale) *scale = r.scale;
  if (nullable) *nullable = r.nullable;
  return putString(d, r.name, name, nameLength);
}

SQLRETURN setDescRec(Descriptor& d, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subType, SQLLEN length,
                     SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data, SQLLEN* stringLength,
                     SQLLEN* indicator) {
  if (d.role == DescRole::IRD) throw OdbcError("HY016", "Cannot modify an implementation row descriptor");
  if (rec <= 0) throw OdbcError("07009", "Invalid descriptor index " + std::to_string(rec));
  DescRecord& r = d.record(rec);
  if (type == SQL_DATETIME) {
    static const SQLSMALLINT kBySubcode[] = {0, SQL_TYPE_DATE, SQL_TYPE_TIME, SQL_TYPE_TIMESTAMP};
    if (subType < SQL_CODE_DATE || subType > SQL_CODE_TIMESTAMP)
      throw OdbcError("HY021", "Inconsistent descriptor information");
    setConciseType(r, kBySubcode[subType]);
  } else {
    setConciseType(r, type);
  }
  r.octetLength = length;
  r.length = static_cast<SQLULEN>(length);
  r.precision = precision;
  r.scale = scale;
  r.dataPtr = data;
  r.octetLengthPtr = stringLength;
  r.indicatorPtr = indicator;
  return SQL_SUCCESS;
}

SQLRETURN copyDesc(SQLHDESC source, SQLHDESC target) {
  return guarded<Descriptor>(target, [&](Descriptor& t) -> SQLRETURN {
    std::shared_ptr<Descriptor> s = findAs<Descriptor>(source);
    if (!s) return SQL_INVALID_HANDLE;
    if (t.role == DescRole::IRD) throw OdbcError("HY016", "Cannot modify an implementation row descriptor");
    std::lock_guard<std::recursive_mutex> lock(s->callMutex());
    if (s.get() != &t) t.copyFrom(*s);
    return SQL_SUCCESS;
  });
}

}  // namespace igodbc::driver
