#include "driver/handles/desc_fields.h"

#include <string>

#include "driver/handles/diagnostics.h"

namespace igodbc::driver {

namespace {

using A = FieldAccess;

struct Row {
  SQLSMALLINT field;
  bool header;
  A ard, apd, ird, ipd;
};

constexpr A U = A::Unused, R = A::Read, W = A::ReadWrite;

// ODBC 3.8 reference, SQLSetDescField "Header Fields" and "Record Fields" (R = read-only, W = read/write).
constexpr Row kRows[] = {
    {SQL_DESC_ALLOC_TYPE, true, R, R, R, R},
    {SQL_DESC_ARRAY_SIZE, true, W, W, U, U},
    {SQL_DESC_ARRAY_STATUS_PTR, true, W, W, W, W},
    {SQL_DESC_BIND_OFFSET_PTR, true, W, W, U, U},
    {SQL_DESC_BIND_TYPE, true, W, W, U, U},
    {SQL_DESC_COUNT, true, W, W, R, W},
    {SQL_DESC_ROWS_PROCESSED_PTR, true, U, U, W, W},
    {SQL_DESC_AUTO_UNIQUE_VALUE, false, U, U, R, U},
    {SQL_DESC_BASE_COLUMN_NAME, false, U, U, R, U},
    {SQL_DESC_BASE_TABLE_NAME, false, U, U, R, U},
    {SQL_DESC_CASE_SENSITIVE, false, U, U, R, R},
    {SQL_DESC_CATALOG_NAME, false, U, U, R, U},
    {SQL_DESC_CONCISE_TYPE, false, W, W, R, W},
    {SQL_DESC_DATA_PTR, false, W, W, U, U},
    {SQL_DESC_DATETIME_INTERVAL_CODE, false, W, W, R, W},
    {SQL_DESC_DATETIME_INTERVAL_PRECISION, false, W, W, R, W},
    {SQL_DESC_DISPLAY_SIZE, false, U, U, R, U},
    {SQL_DESC_FIXED_PREC_SCALE, false, U, U, R, R},
    {SQL_DESC_INDICATOR_PTR, false, W, W, U, U},
    {SQL_DESC_LABEL, false, U, U, R, U},
    {SQL_DESC_LENGTH, false, W, W, R, W},
    {SQL_DESC_LITERAL_PREFIX, false, U, U, R, U},
    {SQL_DESC_LITERAL_SUFFIX, false, U, U, R, U},
    {SQL_DESC_LOCAL_TYPE_NAME, false, U, U, R, R},
    {SQL_DESC_NAME, false, U, U, R, W},
    {SQL_DESC_NULLABLE, false, U, U, R, R},
    {SQL_DESC_NUM_PREC_RADIX, false, W, W, R, W},
    {SQL_DESC_OCTET_LENGTH, false, W, W, R, W},
    {SQL_DESC_OCTET_LENGTH_PTR, false, W, W, U, U},
    {SQL_DESC_PARAMETER_TYPE, false, U, U, U, W},
    {SQL_DESC_PRECISION, false, W, W, R, W},
    {SQL_DESC_ROWVER, false, U, U, R, R},
    {SQL_DESC_SCALE, false, W, W, R, W},
    {SQL_DESC_SCHEMA_NAME, false, U, U, R, U},
    {SQL_DESC_SEARCHABLE, false, U, U, R, U},
    {SQL_DESC_TABLE_NAME, false, U, U, R, U},
    {SQL_DESC_TYPE, false, W, W, R, W},
    {SQL_DESC_TYPE_NAME, false, U, U, R, R},
    {SQL_DESC_UNNAMED, false, U, U, R, W},
    {SQL_DESC_UNSIGNED, false, U, U, R, R},
    {SQL_DESC_UPDATABLE, false, U, U, R, U},
};

}  // namespace

FieldRule fieldRule(SQLSMALLINT field, DescRole role) {
  for (const Row& r : kRows) {
    if (r.field != field) continue;
    const A access = role == DescRole::ARD   ? r.ard
                     : role == DescRole::APD ? r.apd
                     : role == DescRole::IRD ? r.ird
                                             : r.ipd;
    return FieldRule{true, r.header, access};
  }
  return FieldRule{};
}

void requireSettable(SQLSMALLINT field, DescRole role) {
  const FieldRule rule = fieldRule(field, role);
  if (!rule.known) throw OdbcError("HY091", "Invalid descriptor field identifier " + std::to_string(field));
  if (role == DescRole::IRD && rule.access != A::ReadWrite)
    throw OdbcError("HY016", "Cannot modify an implementation row descriptor (only its status pointers)");
  if (rule.access != A::ReadWrite)
    throw OdbcError("HY091", "Descriptor field " + std::to_string(field) +
                                 (rule.access == A::Read ? " is read-only" : " does not exist") +
                                 " in this kind of descriptor");
}

}  // namespace igodbc::driver
