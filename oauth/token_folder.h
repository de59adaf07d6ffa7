// The folder that holds a token file and its lock: created private, and refused when another user could
// replace what is in it (another owner, or writable by group or others).
#pragma once

#include <string>

namespace igodbc::oauth {

// The folder part of `path` ("." when there is none).
std::string folderOf(const std::string& path);
// mkdir -p with mode 0700 for the folders it creates. Throws AuthError when one cannot be created.
void makeTokenFolders(const std::string& dir);
// Throws AuthError naming `dir` and the fix when it is not a folder of the current user that only that user
// can write. A folder that does not exist passes (nothing can be read from it).
void checkTokenFolder(const std::string& dir);

}  // namespace igodbc::oauth
