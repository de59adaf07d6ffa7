// Placeholder until the libcurl client lands.
#include "graph/client.h"

namespace igodbc::graph {

struct Client::Impl {};

void validateBaseUrl(const std::string&) {}

Client::Client(Config config, std::shared_ptr<oauth::TokenProvider> tokens)
    : impl_(std::make_unique<Impl>()),
      config_(std::move(config)),
      tokens_(std::move(tokens)),
      log_(std::make_shared<RequestLog>()) {}
Client::~Client() = default;

Response Client::get(std::string_view, const Params&) { throw NetworkError("not implemented"); }
Response Client::getUrl(const std::string&) { throw NetworkError("not implemented"); }
void Client::cancel() { cancelled_ = true; }
void Client::clearCancel() { cancelled_ = false; }

}  // namespace igodbc::graph
