// Publishing procedures: containers, their status, publishing, one-step posting and
// replies to mentions. Every value is validated before the first Graph call; writes are never repeated.
#include <rapidjson/document.h>

#include <chrono>
#include <thread>

#include "graph/client.h"
#include "graph/error_codes.h"
#include "sql/engine/engine.h"
#include "sql/engine/error_mapping.h"
#include "sql/procedures/procedures.h"
#include "sql/sources/row_source.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"
#include "sql/writes/text_rules.h"

namespace igodbc::sql {

namespace {

using schema::SqlType;

EngineError invalid(std::string_view proc, std::string_view param, const std::string& rule) {
  return EngineError({"22023", 0, prefixed(std::string(proc) + "." + std::string(param) + ": " + rule)});
}

graph::Client& graphOf(ProcCall& call) {
  graph::Client* g = call.engine().graph();
  if (!g) throw EngineError({"HY000", 0, prefixed("This connection has no Graph API client")});
  return *g;
}

// The account a procedure acts for: the given one (which must be in scope) or the only one in scope.
std::string accountFor(ProcCall& call) {
  const Settings& s = call.engine().settings();
  std::vector<std::string> scope = s.businessAccountIds;
  if (scope.empty())
    scope = discoverScope(graphOf(call), !instagramLogin(s), std::clamp(s.pageSize, 1, 100), s.pageToken);
  std::string name(call.procedure().name);
  if (std::optional<std::string> id = call.text("AccountId")) {
    if (!inScope(scope, *id)) throw EngineError({"42000", 0, prefixed(outsideScopeWarning(*id))});
    return *id;
  }
  if (scope.size() == 1) return scope.front();
  if (scope.empty()) throw EngineError({"42000", 0, prefixed(emptyScopeWarning())});
  throw EngineError({"42000", 0,
                     prefixed("Procedure " + name + " needs parameter @AccountId: the connection reaches " +
                              std::to_string(scope.size()) + " accounts")});
}

std::string idOf(const graph::Response& r) {
  Value v = jsonToValue(findPath(*r.json, "id"), SqlType::Varchar, false);
  if (v.type != Value::Type::Text)
    throw EngineError(
        {"HY000", 0, prefixed("Instagram answered without an id; check the account in the app")});
  return v.s;
}

std::string textField(const rapidjson::Value& json, const char* path) {
  Value v = jsonToValue(findPath(json, path), SqlType::Varchar, false);
  return v.type == Value::Type::Text ? v.s : std::string();
}

// ---- validation ------------------------------------------------------------------------

bool isHttpUrl(const std::string& u) {
  auto starts = [&](const char* p) {
    size_t n = std::char_traits<char>::length(p);
    if (u.size() <= n) return false;
    for (size_t i = 0; i < n; ++i)
      if (std::tolower(static_cast<unsigned char>(u[i])) != p[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

void checkCaption(std::string_view proc, const std::optional<std::string>& caption, bool albumItem) {
  if (!caption) return;
  if (albumItem) throw invalid(proc, "Caption", "album items (IsCarouselItem = 1) cannot have a caption");
  checkLength(proc, "Caption", *caption, 2200);
  if (countTags(*caption, '#') > 30) throw invalid(proc, "Caption", "at most 30 hashtags are allowed");
  if (countTags(*caption, '@') > 20) throw invalid(proc, "Caption", "at most 20 @mentions are allowed");
}

std::vector<std::string> collaborators(std::string_view proc, const std::optional<std::string>& list) {
  std::vector<std::string> out;
  if (!list) return out;
  for (std::string& name : splitList(*list)) out.push_back(std::move(name));
  if (out.size() > 3) throw invalid(proc, "Collaborators", "at most 3 collaborators are allowed");
  return out;
}

std::string jsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\"" : "\"") + jsonEscape(items[i]) + "\"";
  return out + "]";
}

void checkUserTags(std::string_view proc, const std::string& json, bool image) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  std::string rule = image ? "must be a JSON array of objects with username, x and y (0.0-1.0)"
                           : "must be a JSON array of objects with username";
  if (d.HasParseError() || !d.IsArray()) throw invalid(proc, "UserTags", rule);
  for (const rapidjson::Value& t : d.GetArray()) {
    if (!t.IsObject() || !t.HasMember("username") || !t["username"].IsString())
      throw invalid(proc, "UserTags", rule);
    if (!image) continue;
    for (const char* axis : {"x", "y"}) {
      if (!t.HasMember(axis) || !t[axis].IsNumber()) throw invalid(proc, "UserTags", rule);
      double v = t[axis].GetDouble();
      if (v < 0.0 || v > 1.0) throw invalid(proc, "UserTags", rule);
    }
  }
}

// The form of POST /{ig}/media for CreateMediaContainer (and PostMedia, with IsCarouselItem = 0).
graph::Params containerForm(ProcCall& call, bool carouselAllowed) {
  std::string_view proc = call.procedure().name;
  std::string type = call.text("MediaType").value_or("");
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool item = false;
  if (carouselAllowed) {
    std::optional<int64_t> flag = call.integer("IsCarouselItem");
    if (flag && *flag != 0 && *flag != 1) throw invalid(proc, "IsCarouselItem", "must be 0 or 1");
    item = flag.value_or(0) == 1;
  }
  std::optional<std::string> image = call.text("ImageUrl"), video = call.text("VideoUrl");
  bool pairOk =
      (type == "IMAGE") || (type == "VIDEO" && item) || ((type == "REELS" || type == "STORIES") && !item);
  if (!pairOk) {
    if (type == "VIDEO")
      throw invalid(proc, "MediaType",
                    "VIDEO is for album items only; single feed videos are published as REELS");
    if (type != "IMAGE" && type != "REELS" && type != "STORIES")
      throw invalid(proc, "MediaType", "must be IMAGE, REELS, STORIES or VIDEO (album item)");
    throw invalid(proc, "IsCarouselItem", type + " cannot be an album item");
  }
  if (image.has_value() == video.has_value())
    throw invalid(proc, image ? "VideoUrl" : "ImageUrl", "give exactly one of ImageUrl and VideoUrl");
  if ((type == "IMAGE" && !image) || ((type == "VIDEO" || type == "REELS") && !video))
    throw invalid(proc, image ? "ImageUrl" : "VideoUrl",
                  type == "IMAGE" ? "IMAGE needs ImageUrl" : type + " needs VideoUrl");
  const std::string& url = image ? *image : *video;
  if (!isHttpUrl(url)) throw invalid(proc, image ? "ImageUrl" : "VideoUrl", "must be a public http(s) URL");
  std::optional<std::string> caption = call.text("Caption");
  checkCaption(proc, caption, item);
  std::optional<std::string> alt = call.text("AltText");
  if (alt) {
    checkLength(proc, "AltText", *alt, 1000);
    if (!image) throw invalid(proc, "AltText", "alternative text is for images only");
  }
  std::optional<std::string> tags = call.text("UserTags");
  if (tags) checkUserTags(proc, *tags, image.has_value());
  std::vector<std::string> collab = collaborators(proc, call.text("Collaborators"));
  std::optional<std::string> trial = call.text("TrialGraduationStrategy");
  if (trial && *trial != "MANUAL" && *trial != "SS_PERFORMANCE")
    throw invalid(proc, "TrialGraduationStrategy", "must be MANUAL or SS_PERFORMANCE");

  graph::Params form;
  form.emplace_back(image ? "image_url" : "video_url", url);
  if (type != "IMAGE") form.emplace_back("media_type", type);
  if (item) form.emplace_back("is_carousel_item", "true");
  auto add = [&](const char* field, const char* param) {
    if (std::optional<std::string> v = call.text(param)) form.emplace_back(field, *v);
  };
  if (caption) form.emplace_back("caption", *caption);
  if (alt) form.emplace_back("alt_text", *alt);
  add("location_id", "LocationId");
  if (tags) form.emplace_back("user_tags", *tags);
  if (!collab.empty()) form.emplace_back("collaborators", jsonArray(collab));
  add("cover_url", "CoverUrl");
  if (std::optional<int64_t> off = call.integer("ThumbOffset"))
    form.emplace_back("thumb_offset", std::to_string(*off));
  if (std::optional<int64_t> share = call.integer("ShareToFeed"))
    form.emplace_back("share_to_feed", *share ? "true" : "false");
  add("audio_name", "AudioName");
  if (trial) form.emplace_back("trial_params", "{\"graduation_strategy\":\"" + *trial + "\"}");
  return form;
}

// Graph refusals of a write: HY000 unless sql/engine/error_mapping.cpp maps them otherwise (506 duplicate ->
// 23000).
template <typename F>
auto graphWrite(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const graph::GraphError& e) {
    throw EngineError(diagnoseGraphError(e));
  }
}

std::vector<Row> createMediaContainer(ProcCall& call) {
  graph::Params form = containerForm(call, true);
  std::string account = accountFor(call);
  graph::Response r = graphWrite([&] { return graphOf(call).post(account + "/media", form); });
  return {{Value::text(idOf(r)), Value::text(account)}};
}

std::vector<Row> createCarouselContainer(ProcCall& call) {
  std::string_view proc = call.procedure().name;
  std::vector<std::string> children = splitList(call.text("Children").value_or(""));
  if (children.size() < 2 || children.size() > 10)
    throw invalid(proc, "Children",
                  "an album has 2 to 10 items (container IDs made with IsCarouselItem = 1)");
  std::string joined;
  for (const std::string& c : children) {
    if (!plausibleId(c)) throw invalid(proc, "Children", "'" + c + "' is not a container ID");
    joined += (joined.empty() ? "" : ",") + c;
  }
  std::optional<std::string> caption = call.text("Caption");
  checkCaption(proc, caption, false);
  std::vector<std::string> collab = collaborators(proc, call.text("Collaborators"));
  graph::Params form{{"media_type", "CAROUSEL"}, {"children", joined}};
  if (caption) form.emplace_back("caption", *caption);
  if (std::optional<std::string> loc = call.text("LocationId")) form.emplace_back("location_id", *loc);
  if (!collab.empty()) form.emplace_back("collaborators", jsonArray(collab));
  std::string account = accountFor(call);
  graph::Response r = graphWrite([&] { return graphOf(call).post(account + "/media", form); });
  return {{Value::text(idOf(r)), Value::text(account)}};
}

struct Status {
  std::string code, text;
};

Status containerStatus(ProcCall& call, const std::string& container, const char* fields) {
  // Polled while the statement runs: never from the response cache.
  graph::Response r = graphWrite([&] { return graphOf(call).getFresh(container, {{"fields", fields}}); });
  return {textField(*r.json, "status_code"), textField(*r.json, "status")};
}

std::string checkedContainer(ProcCall& call) {
  std::string id = call.text("ContainerId").value_or("");
  if (!plausibleId(id))
    throw invalid(call.procedure().name, "ContainerId", "'" + id + "' is not a container ID");
  return id;
}

Value subcodeIn(const std::string& status) {
  size_t i = status.find("22070");
  if (i == std::string::npos) return Value::null();
  size_t e = i;
  while (e < status.size() && std::isdigit(static_cast<unsigned char>(status[e]))) ++e;
  return Value::integer(std::stoll(status.substr(i, e - i)));
}

std::vector<Row> getContainerStatus(ProcCall& call) {
  std::string id = checkedContainer(call);
  Status s = containerStatus(call, id, "id,status_code,status");
  Value status = s.text.empty() ? Value::null() : Value::text(s.text);
  Value sub = s.code == "ERROR" ? subcodeIn(s.text) : Value::null();
  return {{Value::text(id), s.code.empty() ? Value::null() : Value::text(s.code), status, sub}};
}

EngineError notReady(const std::string& id, const std::string& code) {
  return EngineError({"HY000", 0,
                      prefixed("Container " + id + " is not ready (" + code +
                               "); call PublishMedia again later or pass WaitSeconds")});
}

// Waits for FINISHED (checks at 0, 5, 15, 30, 60 s, then every 60 s), publishes, reads the permalink.
Row publish(ProcCall& call, const std::string& account, const std::string& container, int64_t waitSeconds) {
  if (waitSeconds > 0) {
    auto start = std::chrono::steady_clock::now();
    const int64_t checks[] = {0, 5, 15, 30, 60};
    for (size_t n = 0;; ++n) {
      int64_t at = n < 5 ? checks[n] : 60 * static_cast<int64_t>(n - 3);
      if (at > waitSeconds) throw notReady(container, "IN_PROGRESS");
      std::this_thread::sleep_until(start + std::chrono::seconds(at));
      Status s = containerStatus(call, container, "status_code,status");
      if (s.code == "FINISHED") break;
      if (s.code == "ERROR")
        throw EngineError(
            {"HY000", 0,
             prefixed("Container " + container + " failed (" + s.text + "); create a new container")});
      if (s.code == "EXPIRED")
        throw EngineError({"HY000", 0,
                           prefixed("Container " + container +
                                    " expired (containers live 24 hours); create a new container")});
      if (s.code == "PUBLISHED") break;  // media_publish answers with Graph's own explanation
    }
  }
  graph::Response r;
  try {
    r = graphOf(call).post(account + "/media_publish", {{"creation_id", container}});
  } catch (const graph::GraphError& e) {
    if (e.code == graph::codes::kMediaNotReady || e.subcode == graph::codes::kContainerInProgress)
      throw notReady(container, "IN_PROGRESS");
    if (e.subcode == graph::codes::kContainerExpired)
      throw EngineError({"HY000", e.code,
                         prefixed("Container " + container +
                                  " expired (containers live 24 hours); create a new container")});
    if (e.code == graph::codes::kPublishingLimit || e.subcode == graph::codes::kPublishingLimitReached)
      throw EngineError(
          {"HY000", e.code,
           prefixed("Publishing limit reached for account " + account +
                    ": the quota of posts in 24 hours is used up (see ContentPublishingLimit)")});
    if (e.subcode == graph::codes::kContainerFailed)
      throw EngineError(
          {"HY000", e.code,
           prefixed("Container " + container + " failed (" + e.graphMessage + "); create a new container")});
    throw EngineError(diagnoseGraphError(e));
  }
  std::string media = idOf(r);
  graph::Response p = graphWrite([&] { return graphOf(call).get(media, {{"fields", "permalink"}}); });
  std::string link = textField(*p.json, "permalink");
  return {Value::text(media), Value::text(container), link.empty() ? Value::null() : Value::text(link)};
}

int64_t waitSeconds(ProcCall& call, int64_t fallback) {
  int64_t wait = call.integer("WaitSeconds").value_or(fallback);
  if (wait < 0 || wait > 1800) throw invalid(call.procedure().name, "WaitSeconds", "must be 0 to 1800");
  return wait;
}

std::vector<Row> publishMedia(ProcCall& call) {
  std::string container = checkedContainer(call);
  int64_t wait = waitSeconds(call, 0);
  std::string account = accountFor(call);
  return {publish(call, account, container, wait)};
}

std::vector<Row> postMedia(ProcCall& call) {
  graph::Params form = containerForm(call, false);
  int64_t wait = waitSeconds(call, 300);
  std::string account = accountFor(call);
  graph::Response r = graphWrite([&] { return graphOf(call).post(account + "/media", form); });
  std::string container = idOf(r);
  try {
    return {publish(call, account, container, wait)};
  } catch (EngineError& e) {
    e.diag.message +=
        " (ContainerId " + container + ": retry with {call PublishMedia(?, '" + container + "')})";
    throw EngineError(e.diag);
  }
}

std::vector<Row> replyToMention(ProcCall& call) {
  std::string_view proc = call.procedure().name;
  std::string media = call.text("MediaId").value_or("");
  if (!plausibleId(media)) throw invalid(proc, "MediaId", "'" + media + "' is not a media ID");
  std::optional<std::string> comment = call.text("CommentId");
  if (comment && !plausibleId(*comment))
    throw invalid(proc, "CommentId", "'" + *comment + "' is not a comment ID");
  std::string message = call.text("Message").value_or("");
  checkCommentText(proc, "Message", message);
  std::string account = accountFor(call);
  graph::Params form{{"media_id", media}};
  if (comment) form.emplace_back("comment_id", *comment);
  form.emplace_back("message", message);
  graph::Response r = graphWrite([&] { return graphOf(call).post(account + "/mentions", form); });
  return {{Value::text(idOf(r))}};
}

const ProcParam kAccount{"AccountId", SqlType::Varchar, 32, false, "the only account in scope by default"};

std::vector<ProcParam> containerParams(bool withCarouselItem) {
  std::vector<ProcParam> p{
      kAccount,
      {"MediaType", SqlType::Varchar, 16, true, "IMAGE, REELS, STORIES or VIDEO (album item)"},
      {"ImageUrl", SqlType::Varchar, 2048, false, "public JPEG URL"},
      {"VideoUrl", SqlType::Varchar, 2048, false, "public MP4/MOV URL"}};
  if (withCarouselItem) p.push_back({"IsCarouselItem", SqlType::Bit, 1, false, "default 0"});
  std::vector<ProcParam> rest{
      {"Caption", SqlType::WVarchar, 4000, false},
      {"AltText", SqlType::WVarchar, 2000, false, "images only"},
      {"LocationId", SqlType::Varchar, 32, false},
      {"UserTags", SqlType::WVarchar, 4000, false, "JSON array"},
      {"Collaborators", SqlType::Varchar, 512, false, "comma-separated usernames"},
      {"CoverUrl", SqlType::Varchar, 2048, false, "reels"},
      {"ThumbOffset", SqlType::Integer, 10, false, "milliseconds"},
      {"ShareToFeed", SqlType::Bit, 1, false, "reels"},
      {"AudioName", SqlType::WVarchar, 256, false, "reels"},
      {"TrialGraduationStrategy", SqlType::Varchar, 16, false, "MANUAL or SS_PERFORMANCE"}};
  p.insert(p.end(), rest.begin(), rest.end());
  return p;
}

const std::vector<ProcColumn> kPublished{{"MediaId", SqlType::Varchar, 32},
                                         {"ContainerId", SqlType::Varchar, 32},
                                         {"Permalink", SqlType::Varchar, 2048}};

}  // namespace

std::vector<Procedure> publishingProcedures() {
  std::vector<ProcParam> post = containerParams(false);
  post.push_back({"WaitSeconds", SqlType::Integer, 10, false, "default 300"});
  return {
      {"CreateMediaContainer",
       "Creates a publishing container: POST /{ig}/media",
       containerParams(true),
       {{"ContainerId", SqlType::Varchar, 32}, {"AccountId", SqlType::Varchar, 32}},
       createMediaContainer},
      {"CreateCarouselContainer",
       "Creates an album container from 2 to 10 item containers",
       {kAccount,
        {"Children", SqlType::Varchar, 1024, true, "comma-separated container IDs"},
        {"Caption", SqlType::WVarchar, 4000, false},
        {"LocationId", SqlType::Varchar, 32, false},
        {"Collaborators", SqlType::Varchar, 512, false}},
       {{"ContainerId", SqlType::Varchar, 32}, {"AccountId", SqlType::Varchar, 32}},
       createCarouselContainer},
      {"GetContainerStatus",
       "Reads a container's publishing status",
       {{"ContainerId", SqlType::Varchar, 32, true}},
       {{"ContainerId", SqlType::Varchar, 32},
        {"StatusCode", SqlType::Varchar, 16},
        {"Status", SqlType::Varchar, 512},
        {"ErrorSubcode", SqlType::Integer, 10}},
       getContainerStatus},
      {"PublishMedia",
       "Publishes a container, optionally waiting until it is ready",
       {kAccount,
        {"ContainerId", SqlType::Varchar, 32, true},
        {"WaitSeconds", SqlType::Integer, 10, false, "0-1800, default 0"}},
       kPublished,
       publishMedia},
      {"PostMedia", "Publishes one image, reel or story in one step", post, kPublished, postMedia},
      {"ReplyToMention",
       "Answers a media or comment that @mentioned the account",
       {kAccount,
        {"MediaId", SqlType::Varchar, 32, true},
        {"CommentId", SqlType::Varchar, 32, false},
        {"Message", SqlType::WVarchar, 4000, true}},
       {{"Id", SqlType::Varchar, 32}},
       replyToMention},
  };
}

}  // namespace igodbc::sql
