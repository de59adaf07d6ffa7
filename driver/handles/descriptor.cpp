#include "driver/handles/descriptor.h"

#include <cstdint>

#include "driver/handles/connection.h"
#include "driver/handles/desc_fields.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

SQLLEN asLen(SQLPOINTER p) {
  return static_cast<SQLLEN>(reinterpret_cast<intptr_t>(p));
}
SQLSMALLINT asSmall(SQLPOINTER p) {
  return static_cast<SQLSMALLINT>(reinterpret_cast<intptr_t>(p));
}

// Writes a fixed-size field value.
template <class T>
SQLRETURN put(SQLPOINTER out, SQLINTEGER* stringLength, T v) {
  if (out) *static_cast<T*>(out) = v;
  if (stringLength) *stringLength = sizeof(T);
  return SQL_SUCCESS;
}

[[noreturn]] void unknownField(SQLSMALLINT field) {
  throw OdbcError("HY091", "Invalid descriptor field identifier " + std::to_string(field));
}

}  // namespace

Descriptor::Descriptor(std::shared_ptr<Connection> c, DescRole r, Statement* o)
    : Handle(kKind), role(r), conn(std::move(c)), owner(o) {}

std::recursive_mutex& Descriptor::callMutex() {
  return conn->callMutex();
}
bool Descriptor::odbc2() const {
  return conn->odbc2();
}

DescRecord& Descriptor::record(SQLSMALLINT n) {
  if (static_cast<size_t>(n) > records.size()) records.resize(static_cast<size_t>(n));
  return records[static_cast<size_t>(n - 1)];
}

void Descriptor::trimUnbound() {
  while (!records.empty() && !records.back().bound()) records.pop_back();
}

void setConciseType(DescRecord& r, SQLSMALLINT t) {
  // ODBC 2 date/time codes (also the C codes) stand for the ODBC 3 ones.
  if (t == SQL_DATE) t = SQL_TYPE_DATE;
  if (t == SQL_TIME) t = SQL_TYPE_TIME;
  if (t == SQL_TIMESTAMP) t = SQL_TYPE_TIMESTAMP;
  r.conciseType = t;
  switch (t) {
    case SQL_TYPE_DATE:
      r.type = SQL_DATETIME, r.datetimeSubcode = SQL_CODE_DATE;
      break;
    case SQL_TYPE_TIME:
      r.type = SQL_DATETIME, r.datetimeSubcode = SQL_CODE_TIME;
      break;
    case SQL_TYPE_TIMESTAMP:
      r.type = SQL_DATETIME, r.datetimeSubcode = SQL_CODE_TIMESTAMP;
      break;
    default:
      r.type = t, r.datetimeSubcode = 0;
      break;
  }
}

// Defaults the ODBC reference gives for the other type fields when SQL_DESC_TYPE or SQL_DESC_CONCISE_TYPE is
// set.
static void setTypeDefaults(DescRecord& r) {
  switch (r.conciseType) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
      r.length = 1;
      r.precision = 0;
      break;
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
      r.precision = 0;
      break;
    case SQL_TYPE_TIMESTAMP:
      r.precision = 6;
      break;
    case SQL_DECIMAL:
    case SQL_NUMERIC:
      r.scale = 0;
      r.precision = 38;
      break;
    case SQL_FLOAT:
    case SQL_DOUBLE:
      r.precision = 15;  // decimal digits, like every size this driver reports (radix 10)
      break;
    case SQL_REAL:
      r.precision = 7;
      break;
    default:
      break;
  }
}

SQLRETURN Descriptor::getField(SQLSMALLINT recNumber, SQLSMALLINT field, SQLPOINTER value,
                               SQLINTEGER bufferLength, SQLINTEGER* stringLength, bool wide) {
  if (role == DescRole::IRD && owner && !owner->prepared)
    throw OdbcError("HY007", "Associated statement is not prepared: prepare or execute it first");
  switch (field) {  // header fields
    case SQL_DESC_ALLOC_TYPE:
      return put<SQLSMALLINT>(value, stringLength, implicit() ? SQL_DESC_ALLOC_AUTO : SQL_DESC_ALLOC_USER);
    case SQL_DESC_ARRAY_SIZE:
      return put<SQLULEN>(value, stringLength, arraySize);
    case SQL_DESC_ARRAY_STATUS_PTR:
      return put<SQLUSMALLINT*>(value, stringLength, arrayStatusPtr);
    case SQL_DESC_BIND_OFFSET_PTR:
      return put<SQLLEN*>(value, stringLength, bindOffsetPtr);
    case SQL_DESC_BIND_TYPE:
      return put<SQLINTEGER>(value, stringLength, bindType);
    case SQL_DESC_COUNT:
      return put<SQLSMALLINT>(value, stringLength, count());
    case SQL_DESC_ROWS_PROCESSED_PTR:
      return put<SQLULEN*>(value, stringLength, rowsProcessedPtr);
    default:
      break;
  }
  if (recNumber < 0) throw OdbcError("07009", "Invalid descriptor index " + std::to_string(recNumber));
  if (recNumber == 0) throw OdbcError("07009", "Record 0 is the bookmark record, and bookmarks are off");
  if (recNumber > count()) return SQL_NO_DATA;
  const DescRecord& r = records[static_cast<size_t>(recNumber - 1)];
  auto text = [&](const std::string& s) {
    if (bufferLength < 0) throw OdbcError("HY090", "Invalid buffer length");
    StringWrite w = writeString(s, OutString{value, bufferLength, wide, true});
    storeLength(stringLength, w.length);
    if (w.truncated) diags.add("01004", "[instagram-odbc] String data, right truncated");
    return diags.success();
  };
  switch (field) {
    case SQL_DESC_AUTO_UNIQUE_VALUE:
      return put<SQLINTEGER>(value, stringLength, r.autoUnique);
    case SQL_DESC_BASE_COLUMN_NAME:
      return text(r.baseColumnName);
    case SQL_DESC_BASE_TABLE_NAME:
      return text(r.baseTableName);
    case SQL_DESC_CASE_SENSITIVE:
      return put<SQLINTEGER>(value, stringLength, r.caseSensitive);
    case SQL_DESC_CATALOG_NAME:
      return text(r.catalogName);
    case SQL_DESC_CONCISE_TYPE:
      return put<SQLSMALLINT>(value, stringLength, r.conciseType);
    case SQL_DESC_DATA_PTR:
      return put<SQLPOINTER>(value, stringLength, r.dataPtr);
    case SQL_DESC_DATETIME_INTERVAL_CODE:
      return put<SQLSMALLINT>(value, stringLength, r.datetimeSubcode);
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      return put<SQLINTEGER>(value, stringLength, r.datetimeIntervalPrecision);
    case SQL_DESC_DISPLAY_SIZE:
      return put<SQLLEN>(value, stringLength, r.displaySize);
    case SQL_DESC_FIXED_PREC_SCALE:
      return put<SQLSMALLINT>(value, stringLength, r.fixedPrecScale);
    case SQL_DESC_INDICATOR_PTR:
      return put<SQLLEN*>(value, stringLength, r.indicatorPtr);
    case SQL_DESC_LABEL:
      return text(r.label);
    case SQL_DESC_LENGTH:
      return put<SQLULEN>(value, stringLength, r.length);
    case SQL_DESC_LITERAL_PREFIX:
      return text(r.literalPrefix);
    case SQL_DESC_LITERAL_SUFFIX:
      return text(r.literalSuffix);
    case SQL_DESC_LOCAL_TYPE_NAME:
      return text(r.localTypeName);
    case SQL_DESC_NAME:
      return text(r.name);
    case SQL_DESC_NULLABLE:  // parameters are always nullable
      return put<SQLSMALLINT>(value, stringLength, role == DescRole::IPD ? SQL_NULLABLE : r.nullable);
    case SQL_DESC_NUM_PREC_RADIX:
      return put<SQLINTEGER>(value, stringLength, r.numPrecRadix);
    case SQL_DESC_OCTET_LENGTH:
      return put<SQLLEN>(value, stringLength, r.octetLength);
    case SQL_DESC_OCTET_LENGTH_PTR:
      return put<SQLLEN*>(value, stringLength, r.octetLengthPtr);
    case SQL_DESC_PARAMETER_TYPE:
      return put<SQLSMALLINT>(value, stringLength, r.parameterType);
    case SQL_DESC_PRECISION:
      return put<SQLSMALLINT>(value, stringLength, r.precision);
    case SQL_DESC_ROWVER:
      return put<SQLSMALLINT>(value, stringLength, SQL_FALSE);
    case SQL_DESC_SCALE:
      return put<SQLSMALLINT>(value, stringLength, r.scale);
    case SQL_DESC_SCHEMA_NAME:
      return text(r.schemaName);
    case SQL_DESC_SEARCHABLE:
      return put<SQLSMALLINT>(value, stringLength, r.searchable);
    case SQL_DESC_TABLE_NAME:
      return text(r.tableName);
    case SQL_DESC_TYPE:
      return put<SQLSMALLINT>(value, stringLength, r.type);
    case SQL_DESC_TYPE_NAME:
      return text(r.typeName);
    case SQL_DESC_UNNAMED:
      return put<SQLSMALLINT>(value, stringLength, r.unnamed);
    case SQL_DESC_UNSIGNED:
      return put<SQLSMALLINT>(value, stringLength, static_cast<SQLSMALLINT>(r.isUnsigned));
    case SQL_DESC_UPDATABLE:
      return put<SQLSMALLINT>(value, stringLength, r.updatable);
    default:
      unknownField(field);
  }
}

SQLRETURN Descriptor::setField(SQLSMALLINT recNumber, SQLSMALLINT field, SQLPOINTER value,
                               SQLINTEGER bufferLength) {
  requireSettable(field, role);
  switch (field) {  // header fields
    case SQL_DESC_ARRAY_SIZE:
      if (asLen(value) <= 0) throw OdbcError("HY024", "SQL_DESC_ARRAY_SIZE must be at least 1");
      arraySize = static_cast<SQLULEN>(asLen(value));
      return SQL_SUCCESS;
    case SQL_DESC_ARRAY_STATUS_PTR:
      arrayStatusPtr = static_cast<SQLUSMALLINT*>(value);
      return SQL_SUCCESS;
    case SQL_DESC_BIND_OFFSET_PTR:
      bindOffsetPtr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_DESC_BIND_TYPE:
      bindType = static_cast<SQLINTEGER>(asLen(value));
      return SQL_SUCCESS;
    case SQL_DESC_ROWS_PROCESSED_PTR:
      rowsProcessedPtr = static_cast<SQLULEN*>(value);
      return SQL_SUCCESS;
    case SQL_DESC_COUNT: {
      SQLSMALLINT n = asSmall(value);
      if (n < 0) throw OdbcError("07009", "SQL_DESC_COUNT cannot be negative");
      records.resize(static_cast<size_t>(n));
      return SQL_SUCCESS;
    }
    default:
      break;
  }
  if (recNumber <= 0) throw OdbcError("07009", "Invalid descriptor index " + std::to_string(recNumber));
  DescRecord& r = record(recNumber);
  switch (field) {
    case SQL_DESC_TYPE:
    case SQL_DESC_CONCISE_TYPE:
      setConciseType(r, asSmall(value));
      setTypeDefaults(r);
      return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE: {
      const SQLSMALLINT code = asSmall(value);
      if (r.type == SQL_DATETIME) {  // the code picks the concise type (DATE, TIME or TIMESTAMP)
        if (code < SQL_CODE_DATE || code > SQL_CODE_TIMESTAMP)
          throw OdbcError("HY021",
                          "Inconsistent descriptor information: datetime code " + std::to_string(code));
        static const SQLSMALLINT kByCode[] = {0, SQL_TYPE_DATE, SQL_TYPE_TIME, SQL_TYPE_TIMESTAMP};
        setConciseType(r, kByCode[code]);
        setTypeDefaults(r);
      }
      r.datetimeSubcode = code;
      return SQL_SUCCESS;
    }
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      r.datetimeIntervalPrecision = static_cast<SQLINTEGER>(asLen(value));
      return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR:
      r.dataPtr = value;
      return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR:
      r.indicatorPtr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR:
      r.octetLengthPtr = static_cast<SQLLEN*>(value);
      return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH:
      r.octetLength = asLen(value);
      return SQL_SUCCESS;
    case SQL_DESC_LENGTH:
      r.length = static_cast<SQLULEN>(asLen(value));
      return SQL_SUCCESS;
    case SQL_DESC_PRECISION:
      r.precision = asSmall(value);
      return SQL_SUCCESS;
    case SQL_DESC_SCALE:
      r.scale = asSmall(value);
      return SQL_SUCCESS;
    case SQL_DESC_NUM_PREC_RADIX:
      r.numPrecRadix = static_cast<SQLINTEGER>(asLen(value));
      return SQL_SUCCESS;
    case SQL_DESC_PARAMETER_TYPE:
      r.parameterType = asSmall(value);
      return SQL_SUCCESS;
    case SQL_DESC_UNNAMED:  // an application may only clear a name (the ODBC reference: SQL_NAMED is HY091)
      if (asSmall(value) != SQL_UNNAMED)
        throw OdbcError("HY091",
                        "SQL_DESC_UNNAMED can only be set to SQL_UNNAMED; set SQL_DESC_NAME to name it");
      r.unnamed = SQL_UNNAMED;
      r.name.clear();
      return SQL_SUCCESS;
    case SQL_DESC_NAME:
      if (!value)
        r.name.clear();
      else if (bufferLength == SQL_NTS)
        r.name = static_cast<const char*>(value);
      else if (bufferLength >= 0)
        r.name.assign(static_cast<const char*>(value), static_cast<size_t>(bufferLength));
      else
        throw OdbcError("HY090", "Invalid string length");
      r.unnamed = r.name.empty() ? SQL_UNNAMED : SQL_NAMED;
      return SQL_SUCCESS;
    default:
      unknownField(field);
  }
}

void Descriptor::copyFrom(const Descriptor& s) {
  arraySize = s.arraySize;
  arrayStatusPtr = s.arrayStatusPtr;
  bindOffsetPtr = s.bindOffsetPtr;
  bindType = s.bindType;
  rowsProcessedPtr = s.rowsProcessedPtr;
  records = s.records;
}

}  // namespace igodbc::driver
