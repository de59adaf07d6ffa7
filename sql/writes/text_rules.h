// Value rules shared by writes and procedures: lengths in Unicode code points, hashtag and
// mention counts, comma lists. Pure functions; the check* ones throw EngineError with the model's texts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::sql {

size_t codePoints(std::string_view utf8);
// '#' or '@' followed by a letter, digit or '_' (any non-ASCII byte counts as a letter).
int countTags(std::string_view text, char marker);
// "a, b,,c" -> {"a","b","c"}.
std::vector<std::string> splitList(std::string_view list);
// The text as a JSON string body (quotes, backslashes and control characters escaped).
std::string jsonEscape(std::string_view text);

// 22001 "{owner}.{column} is {n} characters long; Instagram accepts at most {max}".
void checkLength(std::string_view owner, std::string_view column, std::string_view text, size_t max);
// Comment text rules (Comments.Text, Replies.Text, ReplyToMention.Message): 300 characters, 4 hashtags.
void checkCommentText(std::string_view owner, std::string_view column, std::string_view text);

}  // namespace igodbc::sql
