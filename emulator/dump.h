// --dump-json: the whole generated dataset, every field of every object exactly as the API would
// render it, so integration tests can compare rows without re-implementing the generator.
#pragma once

#include <string>

#include "dataset.h"

namespace igemu {

// {"seed":…,"anchor":"…","user":{…},"pages":[…],"accounts":[…],"media":{"<ig-user-id>":[…newest first…]}}
// Each media object carries "owner" and, for albums, "children":{"data":[…]}.
std::string dump_dataset_json(const Dataset& data);

}  // namespace igemu
