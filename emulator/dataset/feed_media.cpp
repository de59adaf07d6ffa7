// Each own account's feed timeline: media kinds, timestamps and facts, decided up front so the
// field generators (feed_media_fields.cpp) only format them.
#include "dataset/feed_media.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "server/rng.h"

namespace igemu {
namespace {

MediaKind pick_kind(Rng& r) {
  const uint64_t v = r.below(100);
  if (v < 45) return MediaKind::Image;
  if (v < 55) return MediaKind::FeedVideo;
  if (v < 80) return MediaKind::Reel;
  return MediaKind::Album;
}

// A random mix, but the four newest media cover all four kinds.
std::vector<MediaKind> timeline_kinds(Rng& r, int n) {
  std::vector<MediaKind> kinds(n);
  for (int i = 0; i < n; ++i) kinds[i] = pick_kind(r);
  std::array<MediaKind, 4> first = {MediaKind::Image, MediaKind::Album, MediaKind::Reel,
                                    MediaKind::FeedVideo};
  for (int i = 3; i > 0; --i) std::swap(first[i], first[r.below(static_cast<uint64_t>(i) + 1)]);
  for (int i = 0; i < 4 && i < n; ++i) kinds[i] = first[i];
  return kinds;
}

// Strictly decreasing by 2 h – 3 days.
std::vector<int64_t> timeline_times(Rng& r, int n, int64_t first_offset) {
  std::vector<int64_t> times(n);
  int64_t t = Dataset::kAnchor - first_offset;
  for (int i = 0; i < n; ++i) {
    times[i] = t;
    t -= r.range(2 * 3600, 72 * 3600);
  }
  return times;
}

// Flags and counts per media, each media on its own stream; counts scale with the followers.
std::vector<MediaFacts> timeline_facts(uint64_t seed, int account, const std::vector<MediaKind>& kinds,
                                       int64_t followers) {
  const int n = static_cast<int>(kinds.size());
  std::vector<MediaFacts> facts(n);
  for (int i = 0; i < n; ++i) {
    Rng fr = Rng::stream(seed, "facts", std::to_string(account) + "/" + std::to_string(i));
    MediaFacts& f = facts[i];
    f.has_caption = !fr.chance(0.10);
    f.likes_hidden = fr.chance(0.05);
    f.copyright_flagged = kinds[i] == MediaKind::Reel && fr.chance(0.02);
    f.has_alt_text = kinds[i] == MediaKind::Image && fr.chance(0.35);
    f.comments_enabled = !fr.chance(0.08);
    f.shared_to_feed = kinds[i] == MediaKind::Reel && fr.chance(0.7);
    f.likes = followers * fr.range(5, 80) / 1000 + fr.range(0, 20);
    f.comments = f.likes * fr.range(1, 8) / 100 + fr.range(0, 3);
    f.shares = f.likes * fr.range(0, 10) / 100;
    f.reposts = f.likes * fr.range(0, 2) / 100;
    f.saved = f.likes * fr.range(1, 15) / 100;
    f.views = is_feed_video(kinds[i]) ? f.likes * fr.range(8, 40) : 0;
    if (fr.chance(0.10)) {  // boosted: the total_* counts include ad engagement
      f.boost_likes = fr.range(10, 500);
      f.boost_comments = fr.range(0, 30);
      f.boost_views = is_feed_video(kinds[i]) ? fr.range(500, 20000) : 0;
    }
  }
  return facts;
}

// Makes sure `flag` is set on at least one eligible media among the first `window` of an account,
// so every account (and its first page) exercises each omission rule.
template <class Eligible, class Has, class Set>
void ensure(Rng& r, const std::vector<int>& list, std::vector<MediaFacts>& facts, size_t window,
            Eligible eligible, Has has, Set set) {
  window = std::min(window, list.size());
  std::vector<size_t> candidates;
  for (size_t i = 0; i < window; ++i) {
    if (has(i)) return;
    if (eligible(i)) candidates.push_back(i);
  }
  if (!candidates.empty()) set(facts[candidates[r.below(candidates.size())]]);
}

// Every omission rule shows among the newest media, and the first captions are the hard cases.
void ensure_omissions(Rng& r, const std::vector<MediaKind>& kinds, std::vector<MediaFacts>& facts) {
  const int n = static_cast<int>(kinds.size());
  std::vector<int> positions(n);
  for (int i = 0; i < n; ++i) positions[i] = i;
  ensure(
      r, positions, facts, 10, [](size_t) { return true; }, [&](size_t i) { return !facts[i].has_caption; },
      [](MediaFacts& f) { f.has_caption = false; });
  ensure(
      r, positions, facts, 25, [](size_t) { return true; }, [&](size_t i) { return facts[i].likes_hidden; },
      [](MediaFacts& f) { f.likes_hidden = true; });
  ensure(
      r, positions, facts, 25, [&](size_t i) { return kinds[i] == MediaKind::Reel; },
      [&](size_t i) { return facts[i].copyright_flagged; },
      [](MediaFacts& f) { f.copyright_flagged = true; });
  ensure(
      r, positions, facts, 25, [&](size_t i) { return kinds[i] == MediaKind::Image; },
      [&](size_t i) { return facts[i].has_alt_text; }, [](MediaFacts& f) { f.has_alt_text = true; });
  ensure(
      r, positions, facts, 25, [](size_t) { return true; },
      [&](size_t i) { return !facts[i].comments_enabled; },
      [](MediaFacts& f) { f.comments_enabled = false; });
  int special = 0;
  for (int i = 0; i < n && special < static_cast<int>(gen::special_captions().size()); ++i) {
    if (facts[i].has_caption) facts[i].special_caption = special++;
  }
}

// An album's 2–10 children, drawn from the album's id stream right after its id.
void add_album_children(Dataset& ds, gen::IdAllocator& ids, uint64_t seed, Rng& ir, int album) {
  const int count = static_cast<int>(ir.range(2, 10));
  for (int c = 0; c < count; ++c) {
    MediaRec child;
    child.id = ids.media_like(ir);
    child.kind = ir.chance(0.25) ? MediaKind::ChildVideo : MediaKind::ChildImage;
    child.owner = ds.media[album].owner;
    child.parent = album;
    child.timestamp = ds.media[album].timestamp;
    const int child_index = static_cast<int>(ds.media.size());
    ds.media.push_back(std::move(child));
    ds.media[album].children.push_back(child_index);
    fill_feed_media_fields(ds, seed, child_index, MediaFacts{});
  }
}

}  // namespace

void generate_feed_media(Dataset& ds, gen::IdAllocator& ids, uint64_t seed, int account, int count,
                         int64_t first_offset) {
  Rng r = Rng::stream(seed, "timeline", std::to_string(account));
  const int n = count;
  const std::vector<MediaKind> kinds = timeline_kinds(r, n);
  const std::vector<int64_t> times = timeline_times(r, n, first_offset);
  const int64_t followers = std::stoll(*ds.accounts[account].fields.get("followers_count"));
  std::vector<MediaFacts> facts = timeline_facts(seed, account, kinds, followers);
  ensure_omissions(r, kinds, facts);

  for (int i = 0; i < n; ++i) {
    const int index = static_cast<int>(ds.media.size());
    MediaRec m;
    Rng ir = Rng::stream(seed, "media-id", std::to_string(account) + "/" + std::to_string(i));
    m.id = ids.media_like(ir);  // mostly 17 digits, some 18; always starting 17 or 18
    m.kind = kinds[i];
    m.owner = account;
    m.timestamp = times[i];
    ds.media.push_back(std::move(m));
    ds.accounts[account].media.push_back(index);
    if (kinds[i] == MediaKind::Album) add_album_children(ds, ids, seed, ir, index);
    ds.media[index].stats = MediaStats{facts[i].likes,       facts[i].comments,       facts[i].shares,
                                       facts[i].reposts,     facts[i].saved,          facts[i].views,
                                       facts[i].boost_likes, facts[i].boost_comments, facts[i].boost_views};
    fill_feed_media_fields(ds, seed, index, facts[i]);
  }
}

}  // namespace igemu
