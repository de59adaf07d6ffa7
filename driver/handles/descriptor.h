// SQL_HANDLE_DESC: ARD (column bindings), APD (parameter bindings), IRD (result metadata) and IPD
// (parameter metadata). SQLBindCol/SQLBindParameter, the row-array statement attributes and
// SQLSetDescField all write the same records, so every path sees one binding state.
#pragma once

#include <sqlext.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "driver/convert/out_string.h"
#include "driver/handles/handle.h"

namespace igodbc::driver {

class Connection;
class Statement;

enum class DescRole { ARD, APD, IRD, IPD };

struct DescRecord {
  SQLSMALLINT type = SQL_C_DEFAULT;         // verbose type (SQL_DATETIME for dates)
  SQLSMALLINT conciseType = SQL_C_DEFAULT;  // C type (ARD/APD) or SQL type (IRD/IPD), ODBC 3 codes
  SQLSMALLINT datetimeSubcode = 0;
  SQLINTEGER datetimeIntervalPrecision = 0;
  SQLULEN length = 0;
  SQLSMALLINT precision = 0;
  SQLSMALLINT scale = 0;
  SQLLEN octetLength = 0;  // ARD/APD: BufferLength
  // Application descriptors.
  SQLPOINTER dataPtr = nullptr;
  SQLLEN* indicatorPtr = nullptr;
  SQLLEN* octetLengthPtr = nullptr;
  // Implementation descriptors.
  std::string name, label, baseColumnName, baseTableName, tableName, schemaName, catalogName, typeName,
      localTypeName, literalPrefix, literalSuffix;
  SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
  SQLSMALLINT unnamed = SQL_UNNAMED;
  SQLINTEGER isUnsigned = SQL_FALSE;
  SQLINTEGER caseSensitive = SQL_FALSE;
  SQLSMALLINT searchable = SQL_PRED_NONE;
  SQLSMALLINT updatable = SQL_ATTR_READONLY;
  SQLINTEGER autoUnique = SQL_FALSE;
  SQLSMALLINT fixedPrecScale = SQL_FALSE;
  SQLINTEGER numPrecRadix = 0;
  SQLLEN displaySize = 0;
  SQLSMALLINT parameterType = SQL_PARAM_INPUT;
  bool bound() const { return dataPtr != nullptr || indicatorPtr != nullptr || octetLengthPtr != nullptr; }
};

class Descriptor : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::Desc;
  // Implicit descriptors belong to `owner`; explicit ones (SQLAllocHandle) have none.
  Descriptor(std::shared_ptr<Connection> conn, DescRole role, Statement* owner);

  std::recursive_mutex& callMutex() override;
  bool odbc2() const override;

  DescRole role;
  bool implicit() const { return owner != nullptr; }
  bool isApplication() const { return role == DescRole::ARD || role == DescRole::APD; }
  std::shared_ptr<Connection> conn;
  Statement* owner;

  // Header.
  SQLULEN arraySize = 1;
  SQLUSMALLINT* arrayStatusPtr = nullptr;
  SQLLEN* bindOffsetPtr = nullptr;
  SQLINTEGER bindType = SQL_BIND_BY_COLUMN;
  SQLULEN* rowsProcessedPtr = nullptr;

  std::vector<DescRecord> records;  // record n is records[n - 1]
  SQLSMALLINT count() const { return static_cast<SQLSMALLINT>(records.size()); }
  DescRecord& record(SQLSMALLINT n);  // grows the record list as needed; n >= 1
  // Drops unbound records from the end (an application descriptor's COUNT is its highest bound record).
  void trimUnbound();

  SQLRETURN getField(SQLSMALLINT recNumber, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER bufferLength,
                     SQLINTEGER* stringLength, bool wide);
  SQLRETURN setField(SQLSMALLINT recNumber, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER bufferLength);
  void copyFrom(const Descriptor& source);
};

// Sets a record's type fields consistently from a concise type (C or SQL type).
void setConciseType(DescRecord& r, SQLSMALLINT conciseType);

}  // namespace igodbc::driver
