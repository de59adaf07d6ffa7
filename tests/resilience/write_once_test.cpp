// A write is never repeated unless it provably never reached the server. Drives graph::Client::post
// against a fault-injecting emulator (the connection resets after the comment was stored: exactly one
// comment, one POST) and against a closed port (never connected: retried up to MaxRetries). Also: reads
// through the same faults are retried, and every attempt is a row of the request log (sys_requests.Attempt).
//   write_once_test EMULATOR_BINARY
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "graph/client.h"
#include "oauth/token_provider.h"

using namespace igodbc;

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
  if (!ok) ++failures;
}

struct Emulator {
  FILE* out = nullptr;
  std::string url, dir;
  pid_t pid = 0;
  Emulator(const std::string& bin, const std::string& faults) {
    char tmpl[] = "/tmp/igodbc-writeonce.XXXXXX";
    dir = mkdtemp(tmpl);
    std::string cmd =
        "exec '" + bin + "' --port 0 --faults '" + faults + "' --request-log " + dir + "/log.jsonl & echo $!";
    out = popen(cmd.c_str(), "r");
    char line[256];
    for (int i = 0; i < 2 && fgets(line, sizeof line, out); ++i) {
      std::string text(line);
      text = text.substr(0, text.find('\n'));
      if (text.rfind("http", 0) == 0)
        url = text;
      else
        pid = static_cast<pid_t>(std::atol(text.c_str()));
    }
  }
  ~Emulator() {
    if (pid > 0) kill(pid, SIGTERM);
    if (out) pclose(out);
    std::system(("rm -rf '" + dir + "'").c_str());
  }
  int countLines(const std::string& needle) {
    usleep(100000);
    std::ifstream f(dir + "/log.jsonl");
    int n = 0;
    for (std::string line; std::getline(f, line);)
      if (line.find(needle) != std::string::npos) ++n;
    return n;
  }
};

std::unique_ptr<graph::Client> client(const std::string& url, int maxRetries) {
  graph::Config c;
  c.baseUrl = url;
  c.maxRetries = maxRetries;
  c.retryMaxSeconds = 10;
  c.retryBaseSeconds = 0.01;
  return std::make_unique<graph::Client>(c, oauth::makeStaticTokenProvider("demo-token", ""));
}

std::string firstMediaId(graph::Client& g) {
  auto accounts = g.get("me/accounts", {{"fields", "instagram_business_account"}});
  std::string ig = (*accounts.json)["data"][0]["instagram_business_account"]["id"].GetString();
  auto media = g.get(ig + "/media", {{"fields", "id"}, {"limit", "1"}});
  return (*media.json)["data"][0]["id"].GetString();
}

int commentCount(graph::Client& g, const std::string& media, const std::string& text) {
  auto r = g.get(media + "/comments", {{"fields", "id,text"}, {"limit", "50"}});
  int n = 0;
  for (auto& c : (*r.json)["data"].GetArray())
    if (c.HasMember("text") && text == c["text"].GetString()) ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: write_once_test EMULATOR\n";
    return 2;
  }
  {
    // The reset comes after the server stored the comment: the driver must not post it again.
    Emulator emu(argv[1], "reset:1@POST /comments");
    check(!emu.url.empty(), "fault emulator started");
    auto g = client(emu.url, 4);
    const std::string media = firstMediaId(*g);
    const std::string text = "posted once under a connection reset";
    bool networkError = false;
    try {
      g->post(media + "/comments", {{"message", text}});
    } catch (const graph::NetworkError&) {
      networkError = true;
    }
    check(networkError, "the reset POST fails with a network error (08S01), not retried");
    check(emu.countLines("\"POST\"") == 1, "exactly one POST reached the emulator");
    check(commentCount(*g, media, text) == 1, "exactly one comment exists");
    int attempts = 0;
    for (const auto& e : g->log().snapshot())
      if (e.method == "POST") attempts = std::max(attempts, e.attempt);
    check(attempts == 1, "the request log shows one POST attempt");
  }
  {
    // Throttled and 5xx writes reached the server: not repeated either.
    Emulator emu(argv[1], "5xx:1@POST /comments");
    auto g = client(emu.url, 4);
    const std::string media = firstMediaId(*g);
    try {
      g->post(media + "/comments", {{"message", "x"}});
    } catch (const graph::GraphError&) {
    }
    check(emu.countLines("\"POST\"") == 1, "a 5xx answer to a write is not retried");
  }
  {
    // Nothing listens: the request provably never left, so even a write is retried (and then fails).
    auto g = client("http://127.0.0.1:9", 2);
    bool notSent = false;
    try {
      g->post("123/comments", {{"message", "x"}});
    } catch (const graph::NetworkError& e) {
      notSent = e.notSent;
    }
    int attempts = 0;
    for (const auto& e : g->log().snapshot()) attempts = std::max(attempts, e.attempt);
    check(notSent && attempts == 3, "a write that never connected is retried MaxRetries times (3 attempts)");
  }
  std::cout << (failures ? "FAILED\n" : "all passed\n");
  return failures ? 1 : 0;
}
