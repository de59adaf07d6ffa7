// The HTTP side: a cpp-httplib server on 127.0.0.1 that hands every request to GraphApi.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/api.h"
#include "api/api_oauth.h"
#include "dataset/dataset.h"

namespace igemu {

struct ServerOptions {
  int port = 0;  // 0: any free port
  int latency_ms = 0;
  std::string request_log;  // empty: no log
  std::string faults;       // fault injection spec (faults.h); empty: none
  uint64_t fault_seed = 1;
  ApiConfig api;
  AuthServerOptions auth;  // OAuth endpoints and HTTPS (api_oauth.h)
};

class EmulatorServer {
 public:
  EmulatorServer(const Dataset& data, ServerOptions options);
  ~EmulatorServer();
  EmulatorServer(const EmulatorServer&) = delete;
  EmulatorServer& operator=(const EmulatorServer&) = delete;

  // Binds to 127.0.0.1; returns the bound port, or -1 with `error` set.
  int bind(std::string& error);
  void run();   // serves until stop()
  void stop();  // callable from another thread

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace igemu
