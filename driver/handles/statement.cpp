#include "driver/handles/statement.h"

#include <cctype>

#include "driver/connect/connection_string.h"
#include "driver/handles/environment.h"
#include "driver/handles/handle_registry.h"
#include "driver/results/binding.h"
#include "driver/results/column_meta.h"
#include "driver/results/params.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

// ODBC 3 answers SQL_NO_DATA for a searched UPDATE or DELETE that affected no row.
bool isUpdateOrDelete(std::string_view sql) {
  size_t i = 0;
  for (;;) {
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    if (sql.substr(i, 2) == "--") {
      i = sql.find('\n', i);
      if (i == std::string_view::npos) return false;
    } else if (sql.substr(i, 2) == "/*") {
      i = sql.find("*/", i + 2);
      if (i == std::string_view::npos) return false;
      i += 2;
    } else {
      break;
    }
  }
  std::string_view word = sql.substr(i, 6);
  return equalsIgnoreCase(word, "UPDATE") || equalsIgnoreCase(word, "DELETE");
}

}  // namespace

Statement::Statement(std::shared_ptr<Connection> c) : Handle(kKind), conn(std::move(c)) {
  queryTimeout = conn->defaultQueryTimeout;
  maxRows = conn->defaultMaxRows;
  noScan = conn->defaultNoScan;
  maxLength = conn->defaultMaxLength;
  retrieveData = conn->defaultRetrieveData;
  metadataId = conn->metadataId;
}

Statement::~Statement() = default;

void Statement::createDescriptors() {
  implicitArd = std::make_shared<Descriptor>(conn, DescRole::ARD, this);
  implicitApd = std::make_shared<Descriptor>(conn, DescRole::APD, this);
  ird = std::make_shared<Descriptor>(conn, DescRole::IRD, this);
  ipd = std::make_shared<Descriptor>(conn, DescRole::IPD, this);
  for (const auto& d : {implicitArd, implicitApd, ird, ipd}) registerHandle(d);
  ard = implicitArd;
  apd = implicitApd;
}

void Statement::release() {
  closeCursor();
  prepared.reset();
  for (const auto& d : {implicitArd, implicitApd, ird, ipd}) {
    if (!d) continue;
    d->markFreed();
    unregisterHandle(d.get());
  }
  markFreed();
}

void Statement::requirePrepared() const {
  if (!prepared) throw OdbcError("HY010", "Function sequence error: no statement has been prepared");
  if (state == State::NeedData)
    throw OdbcError("HY010", "Function sequence error: the statement is waiting for SQLParamData/SQLPutData");
}

void Statement::requireNoCursor() const {
  if (state == State::Cursor) throw OdbcError("24000", "Invalid cursor state: close the open cursor first");
  if (state == State::NeedData)
    throw OdbcError("HY010", "Function sequence error: the statement is waiting for SQLParamData/SQLPutData");
}

void Statement::closeCursor() {
  if (prepared && (state == State::Cursor || state == State::Executed || state == State::NeedData))
    prepared->reset();
  if (state != State::Allocated) state = prepared ? State::Prepared : State::Allocated;
  pendingRow = rowValid = cursorDone = cursorFailed = false;
  rowsSeen = rowsetFirstRow = rowsInRowset = rowPosition = lastRowsetSize = 0;
  partial = PartialValue{};
  rowsetCopies.clear();
  rowsetCopyCount = 0;
  keptRows.clear();
  extendedFetchStatus = nullptr;
  staticCursor = false;
  scrollStart = 0;
  needDataParams.clear();
  putDataValues.clear();
  currentDataParam = 0;
  nextParamSet = paramSetCount = 0;
}

void Statement::prepareRaw(const std::string& sql) {
  requireNoCursor();
  closeCursor();
  prepared.reset();
  state = State::Allocated;
  rowCount = -1;
  ird->records.clear();
  sqlText = sql;
  prepared = conn->engine().prepare(sqlText);
  describeResult(*ird, *prepared);
  state = State::Prepared;
}

void Statement::prepare(std::string_view odbcSql) {
  requireNoCursor();
  conn->engine().checkStatementSize(odbcSql.size());  // before copies of a huge text are made
  prepareRaw(noScan == SQL_NOSCAN_ON ? std::string(odbcSql) : sql::translateEscapes(odbcSql));
}

SQLRETURN Statement::execDirect(std::string_view odbcSql) {
  prepare(odbcSql);
  return execute();
}

SQLRETURN Statement::runQuery(const std::string& sql) {
  prepareRaw(sql);
  return execute();
}

SQLRETURN Statement::execute() {
  requirePrepared();
  requireNoCursor();
  closeCursor();
  rowCount = -1;
  // Parameters whose value arrives later through SQLPutData.
  const int params = prepared->parameterCount();
  for (int n = 1; n <= params && n <= apd->count(); ++n) {
    const DescRecord& r = apd->records[static_cast<size_t>(n - 1)];
    SQLLEN* ind = boundLength(*apd, r.indicatorPtr, 0);
    if (ind && isDataAtExec(loadLength(ind))) needDataParams.push_back(n);
  }
  if (!needDataParams.empty()) {
    if (apd->arraySize > 1)
      throw OdbcError("HYC00", "Data-at-execution parameters cannot be combined with parameter arrays");
    putDataValues.assign(static_cast<size_t>(params), std::nullopt);
    currentDataParam = 0;
    state = State::NeedData;
    return SQL_NEED_DATA;
  }
  return runExecution();
}

void Statement::bindParameterSet(SQLULEN paramRow, bool useDataAtExec) {
  const int params = prepared->parameterCount();
  for (int n = 1; n <= params; ++n) {
    bool fromPutData = false;
    if (useDataAtExec)
      for (int p : needDataParams) fromPutData = fromPutData || p == n;
    if (fromPutData) {
      const std::optional<std::string>& v = putDataValues[static_cast<size_t>(n - 1)];
      bindPutData(*prepared, n, *apd, *ipd, v ? &*v : nullptr);
    } else {
      bindParameter(*prepared, n, *apd, *ipd, paramRow);
    }
  }
}

bool Statement::step() {
  running = true;
  struct Clear {
    std::atomic<bool>& flag;
    ~Clear() { flag = false; }
  } clear{running};
  if (queryTimeout == 0) return prepared->step();
  // The engine reports an interrupted statement as HY008; one the watchdog interrupted timed out.
  std::shared_ptr<Connection> c = conn;
  queryTimer.arm(queryTimeout, [c] { c->interrupt(); });
  try {
    bool row = prepared->step();
    queryTimer.disarm();
    return row;
  } catch (const sql::EngineError& e) {
    if (queryTimer.disarm() && e.diag.sqlstate == "HY008")
      throw OdbcError("HYT00", "Timeout expired: the statement ran longer than SQL_ATTR_QUERY_TIMEOUT (" +
                                   std::to_string(queryTimeout) +
                                   " s); raise the time-out or narrow the query");
    throw;
  }
}

void Statement::collectWarnings() {
  for (sql::Diagnostic& w : prepared->takeWarnings()) diags.add(w.sqlstate, w.message, w.native);
}

SQLRETURN Statement::executeOnce(SQLULEN paramRow, bool useDataAtExec) {
  prepared->reset();
  bindParameterSet(paramRow, useDataAtExec);
  bool row;
  try {
    row = step();
  } catch (...) {
    collectWarnings();
    // A write that failed part-way: SQLRowCount reports the rows written before the failure.
    if (prepared->changes() > 0)
      rowCount = (rowCount < 0 ? 0 : rowCount) + static_cast<SQLLEN>(prepared->changes());
    diags.rowCount = rowCount;
    throw;
  }
  collectWarnings();
  if (prepared->returnsRows()) {
    state = State::Cursor;
    staticCursor = cursorType == SQL_CURSOR_STATIC;
    pendingRow = row;
    cursorDone = !row;
    if (row) refineFromFirstRow(*ird, *prepared);
    return SQL_SUCCESS;
  }
  state = State::Executed;
  rowCount = (rowCount < 0 ? 0 : rowCount) + static_cast<SQLLEN>(prepared->changes());
  return SQL_SUCCESS;
}

SQLRETURN Statement::runExecution() {
  const bool useDataAtExec = state == State::NeedData;
  const SQLULEN sets = apd->arraySize ? apd->arraySize : 1;
  if (sets > 1 && prepared->returnsRows()) return openParamSetResult(0);
  if (ipd->rowsProcessedPtr) *ipd->rowsProcessedPtr = 0;
  for (SQLULEN i = 0; i < sets; ++i) {
    if (paramOperationPtr && paramOperationPtr[i] == SQL_PARAM_IGNORE) {
      if (ipd->arrayStatusPtr) ipd->arrayStatusPtr[i] = SQL_PARAM_UNUSED;
      continue;
    }
    try {
      prepared->continueParameterSets(i > 0);  // sys_identity holds the IDs of every set of this execution
      executeOnce(i, useDataAtExec);
    } catch (...) {
      if (ipd->arrayStatusPtr) {
        ipd->arrayStatusPtr[i] = SQL_PARAM_ERROR;
        for (SQLULEN k = i + 1; k < sets; ++k) ipd->arrayStatusPtr[k] = SQL_PARAM_UNUSED;
      }
      if (ipd->rowsProcessedPtr) *ipd->rowsProcessedPtr = i + 1;
      state = State::Prepared;
      if (sets > 1)
        diags.add("01000", sql::prefixed(std::to_string(i) + " of " + std::to_string(sets) +
                                         " parameter sets ran before the failure"));
      throw;
    }
    if (ipd->arrayStatusPtr)
      ipd->arrayStatusPtr[i] = diags.empty() ? SQL_PARAM_SUCCESS : SQL_PARAM_SUCCESS_WITH_INFO;
    if (ipd->rowsProcessedPtr) *ipd->rowsProcessedPtr = i + 1;
  }
  needDataParams.clear();
  putDataValues.clear();
  if (state == State::NeedData) state = State::Prepared;  // every set was SQL_PARAM_IGNORE
  diags.rowCount = rowCount;
  if (state == State::Executed && rowCount == 0 && !odbc2() && isUpdateOrDelete(sqlText)) return SQL_NO_DATA;
  return diags.success();
}

Cell Statement::liveCell(int column0) const {
  Cell c;
  c.type = prepared->type(column0);
  switch (c.type) {
    case sql::ValueType::Integer:
      c.i = prepared->getInt64(column0);
      break;
    case sql::ValueType::Real:
      c.d = prepared->getDouble(column0);
      break;
    case sql::ValueType::Text:
      c.bytes = prepared->getText(column0);
      break;
    case sql::ValueType::Blob:
      c.bytes = prepared->getBlob(column0);
      break;
    case sql::ValueType::Null:
      break;
  }
  return c;
}

Cell Statement::rowCell(const OwnedRow* row, int column0) const {
  return row ? row->at(static_cast<size_t>(column0)).view() : liveCell(column0);
}

void Statement::copyLiveRow(OwnedRow& row) const {
  row.resize(static_cast<size_t>(columnCount()));
  for (int c = 0; c < columnCount(); ++c) {
    const Cell v = liveCell(c);
    OwnedCell& o = row[static_cast<size_t>(c)];
    o.type = v.type;
    o.i = v.i;
    o.d = v.d;
    o.bytes.assign(v.bytes.data(), v.bytes.size());
  }
}

const Statement::OwnedRow* Statement::rowsetRow(SQLULEN index0) const {
  if (staticCursor) return &keptRows.at(static_cast<size_t>(scrollStart - 1) + index0);
  return index0 < rowsetCopyCount ? &rowsetCopies[index0] : nullptr;
}

Cell Statement::cell(int column0) const {
  return rowCell(rowsetRow(rowPosition), column0);
}

SQLULEN Statement::currentRowNumber() const {
  return (staticCursor ? static_cast<SQLULEN>(scrollStart) : rowsetFirstRow) + rowPosition;
}

}  // namespace igodbc::driver
