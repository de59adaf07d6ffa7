// The HTTP side: a cpp-httplib server on 127.0.0.1 that hands every request to GraphApi.
#pragma once

#include <memory>
#include <string>

#include "api.h"
#include "dataset.h"

namespace igemu {

struct ServerOptions {
  int port = 0;  // 0: any free port
  int latency_ms = 0;
  std::string request_log;  // empty: no log
  ApiConfig api;
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
