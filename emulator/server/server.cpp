#include "server/server.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "server/errors.h"
#include "server/faults.h"
#include "server/gzip.h"
#include "server/request_log.h"

namespace igemu {

constexpr size_t kServerThreads = 128;  // client connections served at once

struct EmulatorServer::Impl {
  Impl(const Dataset& data, ServerOptions opts)
      : options(std::move(opts)),
        auth(std::make_shared<AuthServer>(options.auth, options.api)),
        api(data, with_token_hook(options.api, auth)),
        seed(data.seed) {}

  // GraphApi accepts the tokens the OAuth endpoints issued.
  static ApiConfig with_token_hook(ApiConfig config, const std::shared_ptr<AuthServer>& auth) {
    config.accept_token = [auth](const std::string& token) { return auth->accepts(token); };
    config.instagram_token = [auth](const std::string& token) { return auth->is_instagram(token); };
    return config;
  }
  // HTTPS when a certificate is configured (cpp-httplib built with OpenSSL), plain HTTP otherwise.
  static std::unique_ptr<httplib::Server> make_http_server(const AuthServerOptions& o) {
    if (o.tls_cert.empty()) return std::make_unique<httplib::Server>();
    return std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
  }

  // The one place every request passes through. Fault injection (latency, 5xx, resets, throttling)
  // belongs here, before or instead of api.handle().
  void handle(const httplib::Request& req, httplib::Response& res) {
    if (options.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.latency_ms));
    const FaultAction fault = faults.enabled() ? faults.pick(req.method, req.path) : FaultAction{};
    ApiResponse out;
    if (!faults.before(fault, out, make_trace_id(seed, req.method, req.target), req.path)) {
      const ApiRequest request{req.method,
                               req.target,
                               req.get_header_value("Host"),
                               req.get_header_value("Authorization"),
                               req.body,
                               req.get_header_value("Content-Type")};
      std::optional<ApiResponse> oauth = auth->handle(request);
      out = oauth ? std::move(*oauth) : api.handle(request);
      faults.after(fault, out, "http://" + req.get_header_value("Host") + req.target);
    }
    if (!Faults::stream(fault, out, res)) send(req, res, out);
    // Logged before cpp-httplib writes the response, so a client that has its answer also finds its line.
    log.write(req.method, req.target, res.status);
  }

  // One operation of a batch request, with the faults of the rules that name BATCH (answers and damaged
  // bodies; resets and drips are about the HTTP connection, so they do not apply here).
  ApiResponse batch_operation(const ApiRequest& op,
                              const std::function<ApiResponse(const ApiRequest&)>& run) {
    const std::string path = op.target.substr(0, op.target.find('?'));
    const FaultAction fault = faults.pick("BATCH", path);
    ApiResponse out;
    if (!faults.before(fault, out, make_trace_id(seed, "BATCH", op.target), path)) {
      out = run(op);
      faults.after(fault, out, "http://" + op.host + op.target);
    }
    return out;
  }

  static void send(const httplib::Request& req, httplib::Response& res, const ApiResponse& out) {
    res.status = out.status;
    for (const auto& [name, value] : out.headers) res.set_header(name, value);
    if (accepts_gzip(req.get_header_value("Accept-Encoding"))) {
      if (std::optional<std::string> gz = gzip_compress(out.body)) {
        res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
        res.set_content(*gz, out.content_type.c_str());
        return;
      }
    }
    res.set_content(out.body, out.content_type.c_str());
  }

  // Requests cpp-httplib rejects itself (bad request line, URI too long, …) still get a Graph-shaped body.
  bool fill_protocol_error(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return false;  // our own error responses pass through this hook as well
    const GraphError e = errors::unknown_error();
    ApiResponse out;
    out.status = res.status;
    out.body = error_body(e, make_trace_id(seed, req.method, req.target));
    send(req, res, out);
    log.write(req.method, req.target, res.status);
    return true;
  }

  ServerOptions options;
  std::shared_ptr<AuthServer> auth;
  GraphApi api;
  uint64_t seed;
  RequestLog log;
  Faults faults;
  std::unique_ptr<httplib::Server> http_owner = make_http_server(options.auth);
  httplib::Server& http = *http_owner;
};

EmulatorServer::EmulatorServer(const Dataset& data, ServerOptions options)
    : impl_(std::make_unique<Impl>(data, std::move(options))) {}

EmulatorServer::~EmulatorServer() = default;

int EmulatorServer::bind(std::string& error) {
  Impl& s = *impl_;
  if (!s.options.request_log.empty() && !s.log.open(s.options.request_log)) {
    error = "cannot open request log " + s.options.request_log;
    return -1;
  }
  if (!s.faults.configure(s.options.faults, s.options.fault_seed, error)) return -1;
  if (s.faults.enabled())
    s.api.set_batch_op_hook(
        [&s](const ApiRequest& op, const auto& run) { return s.batch_operation(op, run); });
  // cpp-httplib serves each kept-alive connection on one pool thread until it closes. Its default pool (8)
  // would make a ninth client connection wait for a keep-alive to expire; the Graph API serves every client
  // at once, and the driver alone keeps up to MaxConcurrency connections per ODBC connection.
  s.http.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  // cpp-httplib calls the pre-routing handler before it reads a request body, so requests with a
  // body (form-encoded writes, batch) go through the method handlers below, which run after it.
  auto has_body = [](const httplib::Request& req) {
    const std::string length = req.get_header_value("Content-Length");
    return (!length.empty() && length != "0") || req.has_header("Transfer-Encoding");
  };
  s.http.set_pre_routing_handler([&s, has_body](const httplib::Request& req, httplib::Response& res) {
    if (has_body(req)) return httplib::Server::HandlerResponse::Unhandled;
    s.handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  const auto with_body = [&s](const httplib::Request& req, httplib::Response& res) { s.handle(req, res); };
  s.http.Get(".*", with_body)
      .Post(".*", with_body)
      .Put(".*", with_body)
      .Patch(".*", with_body)
      .Delete(".*", with_body)
      .Options(".*", with_body);
  s.http.set_error_handler(
      httplib::Server::HandlerWithResponse([&s](const httplib::Request& req, httplib::Response& res) {
        return s.fill_protocol_error(req, res) ? httplib::Server::HandlerResponse::Handled
                                               : httplib::Server::HandlerResponse::Unhandled;
      }));
  s.http.set_exception_handler(
      [&s](const httplib::Request& req, httplib::Response& res, const std::exception_ptr&) {
        res.status = 500;
        res.body.clear();
        s.fill_protocol_error(req, res);
      });

  // Without it, Nagle's algorithm and delayed ACKs add ~40 ms to every request on a kept-alive connection.
  s.http.set_tcp_nodelay(true);

  int port = s.options.port;
  if (port == 0) {
    port = s.http.bind_to_any_port("127.0.0.1");
  } else if (!s.http.bind_to_port("127.0.0.1", port)) {
    port = -1;
  }
  if (port < 0) error = "cannot bind 127.0.0.1:" + std::to_string(s.options.port);
  return port;
}

void EmulatorServer::run() {
  impl_->http.listen_after_bind();
}

void EmulatorServer::stop() {
  impl_->http.stop();
}

}  // namespace igemu
