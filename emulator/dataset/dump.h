// --dump-json: the whole dataset as JSON so integration tests can compare rows against it. Objects
// carry their fields exactly as the API renders them; see README for the layout.
#pragma once

#include <cstdint>
#include <string>

#include "dataset/dataset.h"

namespace igemu {

// `now` is the emulator clock the dump describes (live stories, recent hashtag media, today's
// partial insight values).
std::string dump_dataset_json(const Dataset& data, int64_t now = Dataset::kDefaultNow);

}  // namespace igemu
