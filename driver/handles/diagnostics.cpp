#include "driver/handles/diagnostics.h"

#include <algorithm>
#include <utility>

#include "sql/engine/diagnostic.h"

namespace igodbc::driver {

namespace {

bool isWarning(std::string_view state) {
  return state.size() >= 2 && state[0] == '0' && state[1] == '1';
}

struct StatePair {
  const char* odbc3;
  const char* odbc2;
};

constexpr StatePair kOdbc2States[] = {
    {"07005", "24000"}, {"07009", "S1002"}, {"22007", "22008"}, {"22018", "22005"}, {"42000", "37000"},
    {"42S01", "S0001"}, {"42S02", "S0002"}, {"42S11", "S0011"}, {"42S12", "S0012"}, {"42S21", "S0021"},
    {"42S22", "S0022"}, {"HY000", "S1000"}, {"HY001", "S1001"}, {"HY003", "S1003"}, {"HY004", "S1004"},
    {"HY007", "S1010"}, {"HY008", "S1008"}, {"HY009", "S1009"}, {"HY010", "S1010"}, {"HY011", "S1011"},
    {"HY012", "S1012"}, {"HY013", "S1000"}, {"HY014", "S1014"}, {"HY015", "S1000"}, {"HY016", "S1000"},
    {"HY017", "S1000"}, {"HY018", "70100"}, {"HY019", "22003"}, {"HY024", "S1009"}, {"HY090", "S1090"},
    {"HY091", "S1091"}, {"HY092", "S1092"}, {"HY095", "S1095"}, {"HY096", "S1096"}, {"HY097", "S1097"},
    {"HY098", "S1098"}, {"HY099", "S1099"}, {"HY100", "S1100"}, {"HY101", "S1101"}, {"HY103", "S1103"},
    {"HY104", "S1104"}, {"HY105", "S1105"}, {"HY106", "S1106"}, {"HY107", "S1107"}, {"HY108", "S1108"},
    {"HY109", "S1109"}, {"HY110", "S1110"}, {"HY111", "S1111"}, {"HYC00", "S1C00"}, {"HYT00", "S1T00"},
    {"HYT01", "S1T00"},
};

constexpr const char* kOdbcSubclasses[] = {
    "01S00", "01S01", "01S02", "01S06", "01S07", "07S01", "08S01", "21S01", "21S02", "25S01", "25S02",
    "25S03", "42S01", "42S02", "42S11", "42S12", "42S21", "42S22", "HY095", "HY097", "HY098", "HY099",
    "HY100", "HY101", "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00", "HYT01", "IM001", "IM002",
    "IM003", "IM004", "IM005", "IM006", "IM007", "IM008", "IM010", "IM011", "IM012"};

}  // namespace

void Diagnostics::clear() {
  records_.clear();
  returnCode = SQL_SUCCESS;
  rowCount = 0;
  cursorRowCount = 0;
}

void Diagnostics::add(DiagRecord record) {
  if (isWarning(record.sqlstate)) {
    records_.push_back(std::move(record));
    return;
  }
  auto firstWarning = std::find_if(records_.begin(), records_.end(),
                                   [](const DiagRecord& r) { return isWarning(r.sqlstate); });
  records_.insert(firstWarning, std::move(record));
}

void Diagnostics::add(std::string sqlstate, std::string message, SQLINTEGER native) {
  DiagRecord r;
  r.sqlstate = std::move(sqlstate);
  r.message = std::move(message);
  r.native = native;
  add(std::move(r));
}

bool Diagnostics::hasErrors() const {
  return std::any_of(records_.begin(), records_.end(),
                     [](const DiagRecord& r) { return !isWarning(r.sqlstate); });
}

OdbcError::OdbcError(std::string sqlstate, const std::string& message, SQLINTEGER native) {
  record.sqlstate = std::move(sqlstate);
  record.message = sql::prefixed(message);
  record.native = native;
}

std::string odbc2State(std::string_view state) {
  for (const StatePair& p : kOdbc2States)
    if (state == p.odbc3) return p.odbc2;
  return std::string(state);
}

const char* classOrigin(std::string_view state) {
  return state.substr(0, 2) == "HY" || state.substr(0, 2) == "IM" ? "ODBC 3.0" : "ISO 9075";
}

const char* subclassOrigin(std::string_view state) {
  for (const char* s : kOdbcSubclasses)
    if (state == s) return "ODBC 3.0";
  return "ISO 9075";
}

}  // namespace igodbc::driver
