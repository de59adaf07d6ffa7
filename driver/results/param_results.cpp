// SQL_ATTR_PARAMSET_SIZE > 1 on a statement that returns rows: one result set per parameter set, in order
// (SQLGetInfo SQL_PARAM_ARRAY_SELECTS = SQL_PAS_NO_BATCH). Execute opens the first set's result; each
// SQLMoreResults closes the current one and opens the next. Sets marked SQL_PARAM_IGNORE are skipped, and a
// set that fails reports its error on the call that opened it, the next SQLMoreResults going on after it.
#include "driver/handles/statement.h"

namespace igodbc::driver {

SQLRETURN Statement::openParamSetResult(SQLULEN firstSet) {
  paramSetCount = apd->arraySize ? apd->arraySize : 1;
  for (SQLULEN i = firstSet; i < paramSetCount; ++i) {
    nextParamSet = i + 1;
    if (paramOperationPtr && paramOperationPtr[i] == SQL_PARAM_IGNORE) {
      if (ipd->arrayStatusPtr) ipd->arrayStatusPtr[i] = SQL_PARAM_UNUSED;
      continue;
    }
    if (ipd->rowsProcessedPtr) *ipd->rowsProcessedPtr = i + 1;
    try {
      executeOnce(i, false);
    } catch (...) {
      if (ipd->arrayStatusPtr) ipd->arrayStatusPtr[i] = SQL_PARAM_ERROR;
      state = State::Prepared;
      throw;
    }
    if (ipd->arrayStatusPtr)
      ipd->arrayStatusPtr[i] = diags.empty() ? SQL_PARAM_SUCCESS : SQL_PARAM_SUCCESS_WITH_INFO;
    return diags.success();
  }
  nextParamSet = paramSetCount;
  state = State::Prepared;
  return SQL_NO_DATA;
}

}  // namespace igodbc::driver
