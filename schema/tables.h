// One constructor per declared object; schema.cpp collects them. Internal to schema/.
#pragma once

#include "schema/schema.h"

namespace igodbc::schema {

Table accountsTable();
Table pagesTable();
Table mediaTable();
Table mediaChildrenTable();
Table sysRequestsTable();

}  // namespace igodbc::schema
