// instagram-emulator: a local stand-in for graph.facebook.com serving seeded, deterministic data.
//
// The first line on stdout is the base URL (http://127.0.0.1:PORT), flushed at once, so a test can
// start the emulator with --port 0 and read where it listens.

#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "dataset.h"
#include "dump.h"
#include "server.h"

namespace {

const char kUsage[] =
    "usage: instagram-emulator [options]\n"
    "  --port N            listen on 127.0.0.1:N (default 0 = any free port)\n"
    "  --token T           the one accepted access token (default demo-token)\n"
    "  --seed N            data generator seed (default 42)\n"
    "  --latency-ms N      delay added to every request (default 0)\n"
    "  --request-log FILE  append one JSON line per request (access_token redacted)\n"
    "  --dump-json FILE    write the generated dataset as JSON ('-' = stdout) and exit\n"
    "  --help              this text\n"
    "The first stdout line is the base URL, e.g. http://127.0.0.1:8080\n";

bool parse_uint(const std::string& text, unsigned long long max, unsigned long long& out) {
  if (text.empty() || text.size() > 20) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  errno = 0;
  out = std::strtoull(text.c_str(), nullptr, 10);
  return errno == 0 && out <= max;
}

int fail(const std::string& message) {
  std::cerr << "instagram-emulator: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  igemu::ServerOptions options;
  unsigned long long seed = 42;
  std::string dump_path;

  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    const bool has_inline = arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos;
    if (has_inline) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    const bool known = arg == "--port" || arg == "--token" || arg == "--seed" || arg == "--latency-ms" ||
                       arg == "--request-log" || arg == "--dump-json";
    if (!known) return fail("unknown option " + arg);
    if (!has_inline) {
      if (i + 1 >= argc) return fail("missing value for " + arg);
      value = argv[++i];
    }
    unsigned long long n = 0;
    if (arg == "--port") {
      if (!parse_uint(value, 65535, n)) return fail("bad --port " + value);
      options.port = static_cast<int>(n);
    } else if (arg == "--token") {
      if (value.empty()) return fail("--token must not be empty");
      options.api.access_token = value;
    } else if (arg == "--seed") {
      if (!parse_uint(value, UINT64_MAX, n)) return fail("bad --seed " + value);
      seed = n;
    } else if (arg == "--latency-ms") {
      if (!parse_uint(value, 600000, n)) return fail("bad --latency-ms " + value);
      options.latency_ms = static_cast<int>(n);
    } else if (arg == "--request-log") {
      options.request_log = value;
    } else if (arg == "--dump-json") {
      dump_path = value;
    }
  }

  const igemu::Dataset data = igemu::Dataset::generate(seed);

  if (!dump_path.empty()) {
    const std::string json = igemu::dump_dataset_json(data) + "\n";
    if (dump_path == "-") {
      std::cout << json << std::flush;
      return std::cout ? 0 : 1;
    }
    std::ofstream out(dump_path, std::ios::binary | std::ios::trunc);
    out << json;
    out.close();
    if (!out) {
      std::cerr << "instagram-emulator: cannot write " << dump_path << "\n";
      return 1;
    }
    return 0;
  }

  // Signals are taken by a dedicated thread (sigwait) so stop() never runs inside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client hanging up must never kill the server

  igemu::EmulatorServer server(data, options);
  std::string error;
  const int port = server.bind(error);
  if (port < 0) {
    std::cerr << "instagram-emulator: " << error << "\n";
    return 1;
  }
  std::cout << "http://127.0.0.1:" << port << std::endl;  // std::endl flushes

  std::thread([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  }).detach();

  server.run();
  return 0;
}
