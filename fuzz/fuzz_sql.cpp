// libFuzzer: arbitrary SQL on a real connection engine (SQLite, the Instagram tables, HTTP to the emulator at
// $EMULATOR_URL). Besides "no crash": no file appears in the working folder (the fuzzer runs in an empty
// one), and the token never shows in a value or an error message. Each input runs at most 2 s of SQL and
// reads at most 200 rows, so one statement cannot stall the run.
#include <dirent.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "graph/client.h"
#include "oauth/token_provider.h"
#include "sql/engine/engine.h"

using namespace igodbc;

namespace {

constexpr const char* kToken = "demo-token";

// Calls Engine::interrupt() when an input has run longer than its budget.
class Watchdog {
 public:
  Watchdog() : thread_([this] { run(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void arm(sql::Engine* e) {
    std::lock_guard<std::mutex> l(m_);
    engine_ = e;
    deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    cv_.notify_all();
  }
  void disarm() {
    std::lock_guard<std::mutex> l(m_);
    engine_ = nullptr;
  }

 private:
  void run() {
    std::unique_lock<std::mutex> l(m_);
    while (!stop_) {
      if (engine_ && std::chrono::steady_clock::now() >= deadline_) {
        engine_->interrupt();
        deadline_ += std::chrono::milliseconds(200);
      }
      cv_.wait_for(l, std::chrono::milliseconds(50));
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  sql::Engine* engine_ = nullptr;
  std::chrono::steady_clock::time_point deadline_;
  bool stop_ = false;
  std::thread thread_;
};

struct World {
  std::string workDir;
  std::unique_ptr<sql::Engine> engine;
  Watchdog watchdog;
};

World* world() {
  static World* w = [] {
    const char* url = std::getenv("EMULATOR_URL");
    if (!url) {
      std::fprintf(stderr,
                   "fuzz_sql: set EMULATOR_URL (run it through tests/integration/with_emulator.sh)\n");
      std::abort();
    }
    auto* out = new World;
    char dir[] = "/tmp/igodbc-fuzz-sql.XXXXXX";
    if (!::mkdtemp(dir) || ::chdir(dir) != 0) std::abort();
    out->workDir = dir;
    graph::Config config;
    config.baseUrl = url;
    config.maxRetries = 0;
    config.timeoutSeconds = 5;
    auto client = std::make_shared<graph::Client>(config, oauth::makeStaticTokenProvider(kToken, ""));
    sql::Settings settings;
    settings.limits.maxValueBytes = 1 << 20;  // within libFuzzer's rss limit
    out->engine = std::make_unique<sql::Engine>(settings, client);
    return out;
  }();
  return w;
}

bool folderEmpty(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (!d) return false;
  bool empty = true;
  while (dirent* e = ::readdir(d))
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) empty = false;
  ::closedir(d);
  return empty;
}

// SQL can spell the token itself ('demo-' || 'token', or a syntax error quoting it): only an input that holds
// no four characters of it proves a leak when the token comes out.
bool spellsToken(std::string_view sql) {
  const std::string_view token(kToken);
  for (size_t i = 0; i + 4 <= token.size(); ++i)
    if (sql.find(token.substr(i, 4)) != std::string_view::npos) return true;
  return false;
}

bool gCheckLeaks = true;

void mustNotLeak(std::string_view text, const char* where) {
  if (gCheckLeaks && text.find(kToken) != std::string_view::npos) {
    std::fprintf(stderr, "fuzz_sql: the token appeared in %s\n", where);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World* w = world();
  std::string_view sql(reinterpret_cast<const char*>(data), size);
  gCheckLeaks = !spellsToken(sql);
  w->watchdog.arm(w->engine.get());
  try {
    std::unique_ptr<sql::Statement> st = w->engine->prepare(sql::translateEscapes(sql));
    for (int row = 0; row < 200 && st->step(); ++row)
      for (int c = 0; c < st->columnCount(); ++c)
        mustNotLeak(st->type(c) == sql::ValueType::Blob ? st->getBlob(c) : st->getText(c), "a value");
  } catch (const sql::EngineError& e) {
    mustNotLeak(e.what(), "an error message");
    mustNotLeak(e.diag.message, "a diagnostic");
  } catch (const std::exception& e) {
    mustNotLeak(e.what(), "an error message");
  }
  w->watchdog.disarm();
  try {
    w->engine->rollback();
  } catch (const std::exception&) {
  }
  if (!folderEmpty(w->workDir)) {
    std::fprintf(stderr, "fuzz_sql: SQL created a file in %s\n", w->workDir.c_str());
    std::abort();
  }
  return 0;
}
