// The browser command: split into arguments without a shell, the URL appended as one argument.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "oauth/browser.h"

using igodbc::oauth::openBrowser;
using igodbc::oauth::splitCommandLine;

namespace {

using Args = std::vector<std::string>;

std::string tempDir() {
  char tmpl[] = "/tmp/igodbc-browser.XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  return tmpl;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// Waits for the detached browser process to write `path`.
std::string waitForFile(const std::string& path) {
  for (int i = 0; i < 200 && !exists(path); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("browser command lines are split without a shell", "[oauth][browser]") {
  CHECK(splitCommandLine("") == Args{});
  CHECK(splitCommandLine("  xdg-open  ") == Args{"xdg-open"});
  CHECK(splitCommandLine("firefox --new-window") == Args{"firefox", "--new-window"});
  CHECK(splitCommandLine("'/opt/My Browser/run' -x") == Args{"/opt/My Browser/run", "-x"});
  CHECK(splitCommandLine("\"/opt/My Browser/run\" \"a \\\"q\\\" \\\\ b\"") ==
        Args{"/opt/My Browser/run", "a \"q\" \\ b"});
  CHECK(splitCommandLine("a\\ b c") == Args{"a b", "c"});
  CHECK(splitCommandLine("pre'fix'\"ed\" ''") == Args{"prefixed", ""});
  // Shell syntax is plain text: no redirection, separator, variable or substitution.
  CHECK(splitCommandLine("id > pwned; echo $HOME `x` $(y)") ==
        Args{"id", ">", "pwned;", "echo", "$HOME", "`x`", "$(y)"});
  CHECK_FALSE(splitCommandLine("'unterminated"));
  CHECK_FALSE(splitCommandLine("\"unterminated"));
  CHECK_FALSE(splitCommandLine("trailing\\"));
}

TEST_CASE("openBrowser runs the program with the URL as one argument", "[oauth][browser]") {
  const std::string dir = tempDir();
  const std::string script = dir + "/record.sh";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>' \"$a\"; done > \"" << dir << "/args.tmp\"\nmv \""
        << dir << "/args.tmp\" \"" << dir << "/args\"\n";
  }
  ::chmod(script.c_str(), 0700);
  const std::string url = "http://127.0.0.1:1/dialog?a=1&b=$(touch " + dir + "/url-ran);c='x y'";
  REQUIRE(openBrowser("'" + script + "' \"first arg\" second", url));
  CHECK(waitForFile(dir + "/args") == "<first arg><second><" + url + ">");
  CHECK_FALSE(exists(dir + "/url-ran"));
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_CASE("openBrowser never hands the command to a shell", "[oauth][browser]") {
  const std::string dir = tempDir();
  const std::string marker = dir + "/pwned";
  // Through /bin/sh this would create `marker`; as argv it is `id` with four odd arguments, which fails.
  CHECK(openBrowser("id > " + marker + "; echo", "http://127.0.0.1:1/"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(exists(marker));
  // A program that does not exist, or a command that cannot be split: the caller prints the URL instead.
  CHECK_FALSE(openBrowser(dir + "/no-such-browser", "http://127.0.0.1:1/"));
  CHECK_FALSE(openBrowser("'unterminated", "http://127.0.0.1:1/"));
  std::system(("rm -rf '" + dir + "'").c_str());
}
