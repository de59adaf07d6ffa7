#include "net/logger.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "net/redact.h"
#include "net/utc_time.h"

namespace igodbc::graph {

namespace {

constexpr std::array<std::string_view, 12> kKeys = {
    "access_token",      "appsecret_proof", "client_secret",    "code",
    "fb_exchange_token", "input_token",     "refresh_token",    "code_verifier",
    "id_token",          "password",        "OAuthAccessToken", "OAuthClientSecret"};

bool valueEnd(char c) {
  return c == '&' || c == '"' || c == '\'' || c == '#' || c == ';' || c == ',' ||
         std::isspace(static_cast<unsigned char>(c));
}

bool keyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

std::string redactText(std::string_view text) {
  std::string out(text);
  for (std::string_view key : kKeys) {
    size_t pos = 0;
    while ((pos = out.find(key, pos)) != std::string::npos) {
      size_t after = pos + key.size();
      if (pos > 0 && keyChar(out[pos - 1])) {  // part of a longer key (e.g. "zipcode")
        pos = after;
        continue;
      }
      // key=value, or "key":"value" (JSON), or key: value
      size_t v = after;
      if (v < out.size() && out[v] == '"') ++v;
      if (v < out.size() && (out[v] == '=' || out[v] == ':')) {
        ++v;
        while (v < out.size() && out[v] == ' ') ++v;
        if (v < out.size() && out[v] == '"') ++v;
        size_t end = v;
        while (end < out.size() && !valueEnd(out[end])) ++end;
        if (end > v) out.replace(v, end - v, "***");
        pos = v + 3;
      } else {
        pos = after;
      }
    }
  }
  // Authorization: Bearer <token> / OAuth <token>
  for (std::string_view scheme : {"Bearer ", "OAuth "}) {
    size_t pos = 0;
    while ((pos = out.find(scheme, pos)) != std::string::npos) {
      size_t v = pos + scheme.size();
      size_t end = v;
      while (end < out.size() && !std::isspace(static_cast<unsigned char>(out[end])) && out[end] != '"')
        ++end;
      if (end > v) out.replace(v, end - v, "***");
      pos = v + 3;
    }
  }
  return out;
}

Logger::Logger(const std::string& path, int verbosity) : file_(nullptr), verbosity_(verbosity) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("Cannot open LogFile " + path + ": " + std::strerror(errno));
  file_ = ::fdopen(fd, "a");
  if (file_ == nullptr) {
    ::close(fd);
    throw std::runtime_error("Cannot open LogFile " + path);
  }
}

Logger::~Logger() {
  if (file_ != nullptr) std::fclose(file_);
}

void Logger::addSecret(const std::string& secret) {
  if (secret.size() < 4) return;  // too short to scrub without mangling ordinary text
  std::lock_guard<std::mutex> g(mutex_);
  for (const std::string& s : secrets_)
    if (s == secret) return;
  secrets_.push_back(secret);
}

void Logger::write(int level, std::string_view category, const std::string& text) {
  if (!enabled(level)) return;
  std::lock_guard<std::mutex> g(mutex_);
  std::string line = redactText(text);
  for (const std::string& s : secrets_) line = scrubSecret(std::move(line), s);
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::string stamp = formatUtc(static_cast<int64_t>(t), "%Y-%m-%dT%H:%M:%S");
  std::fprintf(file_, "%s.%03dZ %d [%.*s] %s\n", stamp.c_str(), static_cast<int>(ms), level,
               static_cast<int>(category.size()), category.data(), line.c_str());
  std::fflush(file_);
}

}  // namespace igodbc::graph
