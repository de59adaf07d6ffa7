#include "oauth/graph_calls.h"

#include <utility>

#include "oauth/token_provider.h"

namespace igodbc::oauth {

std::unique_ptr<graph::Client> makeGraphClient(const OAuthOptions& o, std::string token,
                                               std::string appSecret) {
  graph::Config c;
  c.baseUrl = o.graphUrl;
  while (!c.baseUrl.empty() && c.baseUrl.back() == '/') c.baseUrl.pop_back();
  c.version = o.version;
  c.timeoutSeconds = o.timeoutSeconds;
  c.connectTimeoutSeconds = o.timeoutSeconds;
  c.network = o.network;
  c.logger = o.logger;
  c.instagramLogin = o.authMode == "InstagramLogin";
  return std::make_unique<graph::Client>(std::move(c),
                                         makeStaticTokenProvider(std::move(token), std::move(appSecret)));
}

int responseStatus(graph::Client& client, int seq) {
  std::optional<graph::RequestRecord> e = client.log().entry(seq);
  return e && e->status ? *e->status : 200;
}

}  // namespace igodbc::oauth
