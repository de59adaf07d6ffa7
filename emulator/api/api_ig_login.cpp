// Instagram API with Instagram Login (graph.instagram.com). An Instagram Login token
// stands for one professional account, so /me is that IG user, never a Facebook user. On this host the IG
// user has two fields graph.facebook.com lacks: user_id (the professional-account ID every other path uses)
// and account_type. The `id` of /me is the Instagram-scoped user ID (the token exchange's user_id), not the
// account ID. Answered flat, the form real servers send. Any other name is checked against the IG
// user fields, so e.g. `accounts` or `email` fail as "(#100) Tried accessing nonexisting field".
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "api/api_internal.h"

namespace igemu {
namespace {

bool instagram_host_only(const std::string& name) {
  return name == "user_id" || name == "account_type";
}

std::string serialized(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

std::string ig_login_user(Call& c, NodeHandle node, bool me) {
  const AccountRec& account = c.data.accounts[static_cast<size_t>(node.index)];
  // Everything but id/user_id/account_type goes through the shared IG user renderer (and its validation).
  FieldList shared;
  if (c.fields) {
    for (const FieldSpec& spec : *c.fields) {
      if (spec.name != "id" && !instagram_host_only(spec.name)) {
        shared.push_back(spec);
      } else if (!spec.modifiers.empty() || spec.has_subfields) {
        throw errors::unknown_fields(serialize_field(spec));
      }
    }
  }
  validate_fields(NodeType::IGUser, shared);
  JsonWriter inner;
  render_node(inner, c.ctx, node, &shared, Listing::Direct);
  rapidjson::Document rendered;
  rendered.Parse(inner.take().c_str());

  const std::string id = me ? c.config.ig_login_scoped_id : account.id;
  JsonWriter w;
  w.begin_object();
  bool has_id = false;
  for (const FieldSpec& spec : c.fields ? *c.fields : FieldList{}) {
    if (spec.name == "id") {
      w.key("id").string(id);
      has_id = true;
    } else if (spec.name == "user_id") {
      w.key("user_id").string(account.id);
    } else if (spec.name == "account_type") {
      w.key("account_type").string(c.config.ig_login_account_type);
    } else if (rendered.IsObject() && rendered.HasMember(spec.name.c_str())) {
      w.key(spec.name).raw(serialized(rendered[spec.name.c_str()]));
    }
  }
  if (!has_id) w.key("id").string(id);  // the IG user's default fields are just id
  w.end_object();
  return w.take();
}

}  // namespace igemu
