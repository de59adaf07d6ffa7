// Media and Stories by Id: one scope-checked lookup for both tables.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/sources/row_source.h"

namespace igodbc::sql {

enum class MediaProduct { Feed, Story };

// GET /{id}?fields=…,owner,media_product_type (or ?ids=), keeping only what the table's walk would list:
// objects of an account in scope that are stories (Story) or anything but stories (Feed).
std::unique_ptr<RowSource> openMediaLookup(FetchContext& ctx, std::vector<std::string> ids,
                                           MediaProduct which);

}  // namespace igodbc::sql
