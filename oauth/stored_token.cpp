#include "oauth/stored_token.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "net/json_body.h"

namespace igodbc::oauth {

std::string serializeToken(const StoredToken& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("version");
  w.Int(1);
  w.Key("auth_mode");
  w.String(t.authMode.c_str(), static_cast<rapidjson::SizeType>(t.authMode.size()));
  w.Key("client_id");
  w.String(t.clientId.c_str(), static_cast<rapidjson::SizeType>(t.clientId.size()));
  w.Key("access_token");
  w.String(t.accessToken.c_str(), static_cast<rapidjson::SizeType>(t.accessToken.size()));
  w.Key("issued_at");
  w.Int64(t.issuedAt);
  w.Key("expires_at");
  w.Int64(t.expiresAt);
  w.Key("user_id");
  w.String(t.userId.c_str(), static_cast<rapidjson::SizeType>(t.userId.size()));
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::optional<StoredToken> parseStoredToken(std::string_view text, std::string& error) {
  std::shared_ptr<rapidjson::Document> doc = graph::parseJsonBody(text, error);
  if (!doc) return std::nullopt;
  if (!doc->IsObject()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  auto str = [&](const char* key, std::string& out) {
    auto it = doc->FindMember(key);
    if (it != doc->MemberEnd() && it->value.IsString())
      out.assign(it->value.GetString(), it->value.GetStringLength());
  };
  auto num = [&](const char* key, int64_t& out) {
    auto it = doc->FindMember(key);
    if (it != doc->MemberEnd() && it->value.IsInt64()) out = it->value.GetInt64();
  };
  auto v = doc->FindMember("version");
  if (v == doc->MemberEnd() || !v->value.IsInt() || v->value.GetInt() != 1) {
    error = "unsupported or missing \"version\" (expected 1)";
    return std::nullopt;
  }
  StoredToken t;
  str("auth_mode", t.authMode);
  str("client_id", t.clientId);
  str("access_token", t.accessToken);
  str("user_id", t.userId);
  num("issued_at", t.issuedAt);
  num("expires_at", t.expiresAt);
  if (t.accessToken.empty()) {
    error = "no \"access_token\"";
    return std::nullopt;
  }
  return t;
}

}  // namespace igodbc::oauth
