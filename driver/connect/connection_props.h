// The rows of sys_connection_props: every connection property with its effective value,
// where it came from, and whether it is a secret. Secret values never leave this file: a secret that is
// set reads "********".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/connect/connection_settings.h"
#include "net/redact.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

// Records, for every property `given` answers, its source ("connection string" or "DSN") and its text.
// `given` returns {source, text} for a property set (non-blank) by the application, nullopt otherwise.
using PropertyGiven =
    std::function<std::optional<std::pair<std::string, std::string>>(std::string_view canonicalName)>;
void recordPropertyOrigins(ConnectionSettings& s, const PropertyGiven& given);

// Every property in canonical order, then the derived entries Host and TokenExpiresAt.
std::vector<sql::ConnectionProp> connectionProps(const ConnectionSettings& s);

using graph::kMaskedSecret;

}  // namespace igodbc::driver
