#include "driver/exports/dispatch.h"

#include <new>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"
#include "driver/convert/convert.h"
#include "sql/engine/diagnostic.h"

namespace igodbc::driver {

namespace {

void record(Handle& h, const std::string& state, const std::string& message, SQLINTEGER native = 0) {
  h.diags.add(state, sql::prefixed(message), native);
}

}  // namespace

SQLRETURN failWithCurrentException(Handle& h) noexcept {
  try {
    try {
      throw;
    } catch (const OdbcError& e) {
      h.diags.add(e.record);
    } catch (const sql::EngineError& e) {
      // The engine's diagnostic goes out verbatim: SQLSTATE, native error and message.
      h.diags.add(e.diag.sqlstate, e.diag.message, e.diag.native);
    } catch (const ConvertError& e) {
      record(h, e.sqlstate, e.what());
    } catch (const SettingsError& e) {
      record(h, e.sqlstate, e.what());
    } catch (const ConnectionStringError& e) {
      record(h, "08001", std::string("Invalid connection string: ") + e.what());
    } catch (const std::bad_alloc&) {
      record(h, "HY001", "Memory allocation error");
    } catch (const std::exception& e) {
      record(h, "HY000", e.what());
    } catch (...) {
      record(h, "HY000", "Unexpected internal error");
    }
  } catch (...) {
    // Out of memory while recording: the return code alone has to do.
  }
  return SQL_ERROR;
}

}  // namespace igodbc::driver
