// Generators for everything beyond the original feed media. They run after the original
// generator, in this order, each on its own random streams, so the original ids and values stay
// exactly as they were.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset/dataset.h"
#include "dataset/gen_util.h"

namespace igemu {

void generate_extras(Dataset& ds, gen::IdAllocator& ids, uint64_t seed);

// The parts, in call order (each file holds one):
void generate_account_facts(Dataset& ds, gen::IdAllocator& ids);  // dataset_accounts.cpp
void generate_comments(Dataset& ds, gen::IdAllocator& ids);       // dataset_comments.cpp
void generate_stories(Dataset& ds, gen::IdAllocator& ids);        // dataset_stories.cpp
void generate_externals(Dataset& ds, gen::IdAllocator& ids);      // dataset_public.cpp: other
                                                                  // accounts, tags, mentions
void generate_hashtags(Dataset& ds, gen::IdAllocator& ids);       // dataset_hashtags.cpp
void generate_containers(Dataset& ds, gen::IdAllocator& ids);     // dataset_accounts.cpp

// One public media item (with album children) owned by external account `ext`, or by nobody we
// know (-1, hashtag media). Returns its index in ds.media.
int add_public_media(Dataset& ds, gen::IdAllocator& ids, Rng& r, int ext, int64_t timestamp,
                     int64_t followers, const std::string& username, const std::string& caption);
// The global id of a hashtag: derived from the name only, the same for every seed.
std::string hashtag_id_for(const std::string& name);

// Usernames of people who comment, tag and mention (pool shared by the generators).
const std::vector<std::string>& commenter_usernames();
// An Instagram-scoped user id for `username` as seen by `account_id` (stable per pair).
std::string igsid_for(uint64_t seed, const std::string& username, const std::string& account_id);
// A comment record on `media` (appended to ds.comments; the caller links it).
int add_comment(Dataset& ds, gen::IdAllocator& ids, int media, int parent, const std::string& text,
                const std::string& username, const std::string& from_id, int author_account,
                int64_t timestamp, int64_t like_count, bool hidden);

}  // namespace igemu
