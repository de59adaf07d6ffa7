// LogFile / Verbosity: one timestamped line per event, every secret redacted (the key=value secrets of
// redact.h anywhere in the text, Authorization headers, and every string registered with addSecret).
// Levels: 1 errors and token events (login, refresh, rejection); 2 + one line per HTTP request (method,
// redacted URL, status, time); 3 + retries and waits; 4-5 + response details (bytes, API version).
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::graph {

class Logger {
 public:
  // Appends to `path` (created 0600). Throws std::runtime_error when the file cannot be opened.
  Logger(const std::string& path, int verbosity);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  bool enabled(int level) const { return level <= verbosity_; }
  // Scrubbed from every later line.
  void addSecret(const std::string& secret);
  void write(int level, std::string_view category, const std::string& text);

 private:
  std::mutex mutex_;
  std::FILE* file_;
  int verbosity_;
  std::vector<std::string> secrets_;
};

// Replaces the values of secret keys (access_token=…, "access_token":"…", client_secret, code, …) and
// Authorization header values inside free text with ***.
std::string redactText(std::string_view text);

}  // namespace igodbc::graph
