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

#include "dataset/dataset.h"
#include "dataset/dump.h"
#include "server/server.h"

namespace {

const char kUsage[] =
    "usage: instagram-emulator [options]\n"
    "  --port N            listen on 127.0.0.1:N (default 0 = any free port)\n"
    "  --token T           the one accepted access token (default demo-token)\n"
    "  --seed N            data generator seed (default 42)\n"
    "  --latency-ms N      delay added to every request (default 0)\n"
    "  --request-log FILE  append one JSON line per request (access_token redacted)\n"
    "  --dump-json FILE    write the generated dataset as JSON ('-' = stdout) and exit\n"
    "  --now UNIX          the emulator clock at start (default 1793538000 = 2026-11-01T13:00:00Z,\n"
    "                      one hour after the newest media)\n"
    "  --clock-rate N      emulator seconds per real second (default 0: the clock stands still)\n"
    "  --buc-budget N      calls per Instagram account per 24 h before error 80002 (default 0: no limit)\n"
    "  --app-budget N      platform calls per hour before error 4 (default 0: no limit)\n"
    "  --publish-quota N   content_publishing_limit quota_total (default 100)\n"
    "  --permissions LIST  granted permissions, comma-separated (default: all the driver uses)\n"
    "  --app-id ID         app id for debug_token (default 138483919580948)\n"
    "  --app-secret S      app secret for debug_token's app token ID|S (default demo-app-secret)\n"
    "  --faults SPEC       inject faults (see emulator/server/faults.h), e.g. '5xx:0.05,reset:0.02@/media'\n"
    "  --fault-seed N      seed of the fault decisions (default 1)\n"
    "  --oauth-deny 0|1    login dialogs deny access (error=access_denied)\n"
    "  --oauth-short-lived S  lifetime of short-lived tokens (default 5110; Instagram at most 3600)\n"
    "  --oauth-long-lived S   lifetime of long-lived tokens (default 5184000 = 60 days)\n"
    "  --oauth-refresh-min-age S  age before ig_refresh_token is allowed (default 86400)\n"
    "  --oauth-expire-after-calls N  an issued token expires after N Graph calls (default 0: never)\n"
    "  --tls-cert FILE --tls-key FILE  serve HTTPS with this PEM certificate and key\n"
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
                       arg == "--request-log" || arg == "--dump-json" || arg == "--now" ||
                       arg == "--clock-rate" || arg == "--buc-budget" || arg == "--app-budget" ||
                       arg == "--publish-quota" || arg == "--permissions" || arg == "--app-id" ||
                       arg == "--app-secret" || arg == "--faults" || arg == "--fault-seed" ||
                       igemu::is_auth_server_flag(arg);
    if (!known) return fail("unknown option " + arg);
    if (!has_inline) {
      if (i + 1 >= argc) return fail("missing value for " + arg);
      value = argv[++i];
    }
    unsigned long long n = 0;
    if (igemu::is_auth_server_flag(arg)) {
      if (std::string e = igemu::apply_auth_server_flag(options.auth, arg, value); !e.empty()) return fail(e);
    } else if (arg == "--port") {
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
    } else if (arg == "--now") {
      if (!parse_uint(value, 253402300799ULL, n)) return fail("bad --now " + value);
      options.api.now = static_cast<int64_t>(n);
    } else if (arg == "--clock-rate") {
      if (!parse_uint(value, 1000000000ULL, n)) return fail("bad --clock-rate " + value);
      options.api.clock_rate = static_cast<double>(n);
    } else if (arg == "--buc-budget" || arg == "--app-budget" || arg == "--publish-quota") {
      if (!parse_uint(value, 1000000000ULL, n)) return fail("bad " + arg + " " + value);
      int& target = arg == "--buc-budget"   ? options.api.buc_budget
                    : arg == "--app-budget" ? options.api.app_budget
                                            : options.api.publish_quota;
      target = static_cast<int>(n);
    } else if (arg == "--permissions") {
      options.api.permissions.clear();
      size_t start = 0;
      while (start <= value.size()) {
        size_t end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        if (end > start) options.api.permissions.push_back(value.substr(start, end - start));
        start = end + 1;
      }
    } else if (arg == "--faults") {
      options.faults = value;
    } else if (arg == "--fault-seed") {
      if (!parse_uint(value, UINT64_MAX, n)) return fail("bad --fault-seed " + value);
      options.fault_seed = n;
    } else if (arg == "--app-id") {
      if (value.empty()) return fail("--app-id must not be empty");
      options.api.app_id = value;
    } else if (arg == "--app-secret") {
      if (value.empty()) return fail("--app-secret must not be empty");
      options.api.app_secret = value;
    }
  }

  const igemu::Dataset data = igemu::Dataset::generate(seed);

  if (!dump_path.empty()) {
    const std::string json = igemu::dump_dataset_json(data, options.api.now) + "\n";
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
  std::cout << (options.auth.tls_cert.empty() ? "http" : "https") << "://127.0.0.1:" << port
            << std::endl;  // std::endl flushes

  std::thread([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  }).detach();

  server.run();
  return 0;
}
