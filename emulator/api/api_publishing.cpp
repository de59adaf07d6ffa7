// Content publishing: containers, their status, media_publish and the quota.
#include <algorithm>
#include <cctype>

#include "api/api_internal.h"
#include "dataset/media_builder.h"
#include "server/timefmt.h"

namespace igemu {
namespace {

constexpr int64_t kDay = 86400;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Host and path of an http(s) URL; nullopt when it is none.
std::optional<std::pair<std::string, std::string>> split_url(const std::string& url) {
  const std::string l = lower(url);
  size_t start = l.rfind("https://", 0) == 0 ? 8 : l.rfind("http://", 0) == 0 ? 7 : std::string::npos;
  if (start == std::string::npos) return std::nullopt;
  const size_t slash = l.find('/', start);
  std::string host = l.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
  std::string path = slash == std::string::npos ? "/" : l.substr(slash);
  if (const size_t q = path.find('?'); q != std::string::npos) path.resize(q);
  if (host.empty()) return std::nullopt;
  return std::make_pair(host, path);
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Meta cannot fetch hosts under the reserved .invalid TLD (RFC 2606): the emulator's "bad URL".
bool unreachable(const std::string& host) {
  return host == "invalid" || ends_with(host, ".invalid");
}

GraphError download_failed() {
  GraphError e(400, 9004, 2207052, "OAuthException",
               "(#9004) Media download has failed. The media URI doesn't meet our requirements.");
  e.user_title = "Media download has failed.";
  e.user_msg = "The media could not be fetched from this URI.";
  return e;
}

GraphError not_found_container(const std::string& id) {
  GraphError e(400, 24, 2207006, "OAuthException", "(#24) The media with id " + id + " cannot be found");
  e.user_title = "Media ID not found";
  e.user_msg = "The media with id " + id + " cannot be found.";
  return e;
}

size_t count_since(const std::vector<int64_t>& times, int64_t from, int64_t to) {
  return static_cast<size_t>(
      std::count_if(times.begin(), times.end(), [&](int64_t t) { return t > from && t <= to; }));
}

MediaKind kind_for(const ContainerRec& c) {
  if (c.media_type == "CAROUSEL") return MediaKind::Album;
  if (c.media_type == "REELS") return MediaKind::Reel;
  if (c.media_type == "STORIES") return c.video_url.empty() ? MediaKind::StoryImage : MediaKind::StoryVideo;
  if (c.media_type == "VIDEO") return MediaKind::ChildVideo;
  return c.carousel_item ? MediaKind::ChildImage : MediaKind::Image;
}

}  // namespace

std::string create_container(Call& c, NodeHandle account) {
  c.require_permission("instagram_content_publish");
  Dataset& d = c.data;
  AccountRec& a = d.accounts[account.index];
  ContainerRec rec;
  rec.account = account.index;
  const std::string* type = c.param("media_type");
  rec.media_type = type ? *type : "";
  rec.carousel_item = c.param("is_carousel_item") && bool_param(c, "is_carousel_item");
  if (const std::string* v = c.param("image_url")) rec.image_url = *v;
  if (const std::string* v = c.param("video_url")) rec.video_url = *v;
  if (const std::string* v = c.param("caption")) rec.caption = *v;
  if (const std::string* v = c.param("alt_text")) rec.alt_text = *v;

  if (rec.media_type == "CAROUSEL") {
    const std::string& list = c.required("children");
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(',', start);
      if (end == std::string::npos) end = list.size();
      const std::string id = list.substr(start, end - start);
      start = end + 1;
      if (id.empty()) continue;
      const std::optional<NodeHandle> child = d.find(id);
      if (!child || child->type != NodeType::IGContainer ||
          d.containers[child->index].account != account.index || !d.containers[child->index].carousel_item)
        throw not_found_container(id);
      rec.children.push_back(child->index);
    }
    if (rec.children.empty() || rec.children.size() > 10)
      throw errors::invalid_parameter("The carousel must have between 1 and 10 children");
  } else {
    if (!rec.media_type.empty() && rec.media_type != "REELS" && rec.media_type != "STORIES" &&
        rec.media_type != "VIDEO" && rec.media_type != "IMAGE")
      throw errors::invalid_parameter(
          "Param media_type must be one of {CAROUSEL, REELS, STORIES, VIDEO, IMAGE}");
    const bool wants_video = rec.media_type == "REELS" || rec.media_type == "VIDEO";
    if (rec.media_type.empty() && !rec.video_url.empty()) {
      // Since 2023-07-01 single feed videos must be published as REELS.
      throw errors::invalid_parameter(
          "The media_type VIDEO is no longer supported for single feed videos. Use media_type REELS "
          "instead.");
    }
    if (rec.media_type == "VIDEO" && !rec.carousel_item)
      throw errors::invalid_parameter("Param media_type VIDEO requires is_carousel_item=true");
    const std::string& url = wants_video                                             ? rec.video_url
                             : rec.media_type == "STORIES" && !rec.video_url.empty() ? rec.video_url
                                                                                     : rec.image_url;
    if (url.empty())
      throw errors::missing_param(wants_video || !rec.video_url.empty() ? "video_url" : "image_url");
    const auto parts = split_url(url);
    if (!parts) throw download_failed();
    if (rec.video_url.empty()) {
      // Images are fetched while the container is created.
      if (unreachable(parts->first)) throw download_failed();
    } else if (unreachable(parts->first)) {
      rec.error_subcode = 2207052;  // videos are fetched asynchronously: the container fails later
    } else if (!ends_with(parts->second, ".mp4") && !ends_with(parts->second, ".mov")) {
      rec.error_subcode = 2207026;  // unsupported video format
    }
  }
  if (rec.carousel_item && !rec.caption.empty())
    throw errors::invalid_parameter("Carousel items cannot have captions");
  if (rec.carousel_item && rec.media_type == "CAROUSEL")
    throw errors::invalid_parameter("A carousel cannot be a carousel item");
  if (count_since(a.containers_created, c.now - kDay, c.now) >=
      static_cast<size_t>(c.config.container_quota)) {
    // 400 containers per rolling 24 h.
    GraphError e(400, 9, 2207042, "OAuthException", "(#9) Application request limit reached");
    e.user_title = "Too many containers";
    e.user_msg = "This account created the maximum number of containers allowed in 24 hours.";
    throw e;
  }
  rec.id = d.new_runtime_id();
  rec.created = c.now;
  a.containers_created.push_back(c.now);
  d.containers.push_back(std::move(rec));
  const int index = static_cast<int>(d.containers.size() - 1);
  d.index_node(d.containers[index].id, NodeHandle{NodeType::IGContainer, index});
  JsonWriter w;
  w.begin_object().key("id").string(d.containers[index].id).end_object();
  return w.take();
}

void count_status_read(Call& c, NodeHandle container) {
  if (!c.fields) return;
  for (const FieldSpec& f : *c.fields) {
    if (f.name == "status_code" || f.name == "status") {
      ++c.data.containers[container.index].status_reads;
      return;
    }
  }
}

std::string publish_container(Call& c, NodeHandle account) {
  c.require_permission("instagram_content_publish");
  Dataset& d = c.data;
  AccountRec& a = d.accounts[account.index];
  const std::string& creation_id = c.required("creation_id");
  const std::optional<NodeHandle> node = d.find(creation_id);
  if (!node || node->type != NodeType::IGContainer || d.containers[node->index].account != account.index ||
      d.containers[node->index].carousel_item)
    throw not_found_container(creation_id);
  const int ci = node->index;
  const ContainerStatus status = container_status(d, ci, c.now);
  if (status.code == "EXPIRED") {
    GraphError e(400, -1, 2207020, "OAuthException",
                 "The media you are trying to publish has expired. Please try again.");
    e.user_title = "Media expired";
    e.user_msg = "The container was not published within 24 hours and has expired.";
    throw e;
  }
  if (status.code == "PUBLISHED") throw not_found_container(creation_id);
  if (status.code == "ERROR") {
    GraphError e(400, -1, 2207001, "OAuthException",
                 "An unexpected error has occurred. Please retry your request later.");
    e.user_title = "Media upload has failed";
    e.user_msg = status.status;
    throw e;
  }
  if (status.code == "IN_PROGRESS") {
    GraphError e(400, 9007, 2207027, "OAuthException", "(#9007) Media ID is not available");
    e.user_title = "Media ID is not available";
    e.user_msg = "The media is not ready for publishing, please wait for a moment";
    throw e;
  }
  // The quota is enforced here, not at container creation.
  const size_t used = count_since(a.publishes, c.now - kDay, c.now);
  if (used >= static_cast<size_t>(c.config.publish_quota)) {
    GraphError e(400, 9, 2207042, "OAuthException", "(#9) Application request limit reached");
    e.user_title = "Maximum number of posts reached";
    e.user_msg = "The account has published the maximum number of posts allowed in 24 hours.";
    throw e;
  }

  const ContainerRec container = d.containers[ci];
  MediaRec m;
  m.id = d.new_runtime_id();
  m.kind = kind_for(container);
  m.owner = account.index;
  m.timestamp = c.now;
  d.media.push_back(std::move(m));
  const int mi = static_cast<int>(d.media.size() - 1);
  for (int child_container : container.children) {
    MediaRec child;
    child.id = d.new_runtime_id();
    child.kind = kind_for(d.containers[child_container]);
    child.owner = account.index;
    child.parent = mi;
    child.timestamp = c.now;
    d.media.push_back(std::move(child));
    const int child_index = static_cast<int>(d.media.size() - 1);
    d.media[mi].children.push_back(child_index);
    fill_media(d, child_index, MediaSpec{});
    d.index_node(d.media[child_index].id, NodeHandle{NodeType::IGMedia, child_index});
    d.containers[child_container].published_media = d.media[child_index].id;
  }
  MediaSpec spec;
  spec.caption = container.caption;
  spec.username = json_unquote(*a.fields.get("username"));
  spec.owner_ig_id = *a.fields.get("ig_id");
  spec.alt_text = container.alt_text;
  if (const std::string* share = c.param("share_to_feed")) spec.shared_to_feed = *share != "false";
  fill_media(d, mi, spec);
  d.index_node(d.media[mi].id, NodeHandle{NodeType::IGMedia, mi});
  if (is_story_kind(d.media[mi].kind)) {
    a.stories.insert(a.stories.begin(), mi);
  } else {
    a.media.insert(a.media.begin(), mi);
    if (const std::string* count = a.fields.get("media_count"))
      a.fields.set("media_count", std::to_string(std::stoll(*count) + 1));
  }
  d.containers[ci].published_media = d.media[mi].id;
  a.publishes.push_back(c.now);
  JsonWriter w;
  w.begin_object().key("id").string(d.media[mi].id).end_object();
  return w.take();
}

std::string publishing_limit(Call& c, NodeHandle account) {
  const AccountRec& a = c.data.accounts[account.index];
  int64_t from = c.now - kDay;
  if (const std::string* since = c.param("since")) {
    const std::optional<int64_t> t = parse_time_param(*since);
    if (!t) throw errors::invalid_parameter("Param since must be a valid unix timestamp");
    from = std::max(from, *t - 1);  // at most the last 24 h count
  }
  bool want_config = false, want_usage = !c.fields;  // without fields: quota_usage only
  if (c.fields) {
    for (const FieldSpec& f : *c.fields) {
      if (f.name == "config")
        want_config = true;
      else if (f.name == "quota_usage")
        want_usage = true;
      else
        throw errors::nonexisting_field(f.name, "ContentPublishingLimit");
    }
  }
  JsonWriter w;
  w.begin_object().key("data").begin_array().begin_object();
  if (want_usage) w.key("quota_usage").integer(static_cast<int64_t>(count_since(a.publishes, from, c.now)));
  if (want_config) {
    w.key("config").begin_object().key("quota_total").integer(c.config.publish_quota);
    w.key("quota_duration").integer(kDay).end_object();
  }
  w.end_object().end_array().end_object();
  return w.take();
}

}  // namespace igemu
