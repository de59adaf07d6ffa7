// Opens a URL in the user's browser: OAuthBrowserCommand, else $BROWSER, else xdg-open.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace igodbc::oauth {

// Splits a command line into arguments without a shell: whitespace separates, '...' is literal, "..." is
// literal but for \" and \\, a backslash outside quotes escapes the next character. No variables, globs,
// redirections or command separators: `id > x; y` is the four plain arguments id, >, x; and y. nullopt for
// an unterminated quote or a trailing backslash.
std::optional<std::vector<std::string>> splitCommandLine(const std::string& command);

// Runs `command` (split as above) with the URL appended as one more argument, detached, with no shell.
// Returns false when there is no command, it cannot be split or its program is not found (then the caller
// prints the URL).
bool openBrowser(const std::string& command, const std::string& url);

}  // namespace igodbc::oauth
