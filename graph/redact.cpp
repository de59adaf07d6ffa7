#include "graph/redact.h"

namespace igodbc::graph {

std::string redactUrl(std::string_view url) { return std::string(url); }

}  // namespace igodbc::graph
