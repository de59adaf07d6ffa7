// Opens a URL in the user's browser: OAuthBrowserCommand, else $BROWSER, else xdg-open.
#pragma once

#include <string>

namespace igodbc::oauth {

// Starts `command URL` detached (the URL is passed as one argument, never through a shell string). Returns
// false when there is no command to run (then the caller prints the URL).
bool openBrowser(const std::string& command, const std::string& url);

}  // namespace igodbc::oauth
