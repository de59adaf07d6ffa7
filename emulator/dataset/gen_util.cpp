#include "dataset/gen_util.h"

namespace igemu {
namespace gen {

std::string num(int64_t v) {
  return std::to_string(v);
}
std::string boolean(bool v) {
  return v ? "true" : "false";
}

std::string digits(Rng& r, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>('0' + r.below(10));
  return s;
}

std::string hex(Rng& r, size_t n) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += kHex[r.below(16)];
  return s;
}

std::string b64(Rng& r, size_t n) {
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += kAlpha[r.below(64)];
  return s;
}

std::string alnum(Rng& r, size_t n) {
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += kAlpha[r.below(62)];
  return s;
}

std::string image_url(Rng& r) {
  return "https://scontent.cdninstagram.com/v/t51.29350-15/" + digits(r, 9) + "_" + digits(r, 17) + "_" +
         digits(r, 19) + "_n.jpg?stp=dst-jpg_e35_tt6&_nc_cat=10" + digits(r, 1) +
         "&ccb=1-7&_nc_sid=18de74&_nc_ohc=" + b64(r, 16) + "&_nc_ht=scontent.cdninstagram.com&oh=00_" +
         b64(r, 40) + "&oe=" + hex(r, 8);
}

std::string video_url(Rng& r) {
  return "https://scontent.cdninstagram.com/o1/v/t16/f2/m86/" + hex(r, 32) +
         "_video_dashinit.mp4?stp=dst-mp4&efg=" + b64(r, 48) +
         "&_nc_ht=scontent.cdninstagram.com&_nc_cat=10" + digits(r, 1) + "&vs=" + hex(r, 16) +
         "&ccb=9-4&oh=00_" + b64(r, 40) + "&oe=" + hex(r, 8) + "&_nc_sid=1d576d";
}

// ---------------------------------------------------------------------------------------------
// Caption material. The first captioned media of every account get the "special" captions in
// order, so each account's first page holds every hard case; the rest are composed from fragments.

const std::vector<std::string>& special_captions() {
  static const std::vector<std::string> captions = [] {
    // Adjacent literals below are one caption split over lines, not a missing comma.
    // NOLINTBEGIN(bugprone-suspicious-missing-comma)
    std::vector<std::string> v = {
        "Good morning \u2615\U0001F600 #coffee #morning",
        "\u6771\u4EAC\u306E\u30AB\u30D5\u30A7\u3067\u671D\u3054\u306F\u3093 "
        "\U0001F373\n\u4ECA\u65E5\u306F\u6674\u308C "
        "\u2600\uFE0F",
        "\u0642\u0647\u0648\u0629 \u0627\u0644\u0635\u0628\u0627\u062D \u2615 \u0645\u0639 "
        "\u0627\u0644\u0623\u0635\u062F\u0642\u0627\u0621",
        "\u05D1\u05D5\u05E7\u05E8 \u05D8\u05D5\u05D1! \u05E7\u05E4\u05D4 \u05D5\u05DE\u05D0\u05E4\u05D4 "
        "\U0001F950",
        "She said \"best latte in town\" and I said 'thank you!'",
        "Line one\nLine two\n\nLine four, after an empty line",
        "Tab\tseparated, a backslash \\ and a slash / in one caption",
        "Mixed: English, \u4E2D\u6587, \u0627\u0644\u0639\u0631\u0628\u064A\u0629, "
        "\u05E2\u05D1\u05E8\u05D9\u05EA, "
        "\U0001F600\u2615\U0001F1EF\U0001F1F5 \U0001F469\u200D\U0001F373 \u2014 \"quotes\" & "
        "'apostrophes'\n#all "
        "#the #things",
        "Family \U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466, thumbs \U0001F44D\U0001F3FD and "
        "a "
        "heart \u2764\uFE0F",
        "\u00DCn\u00EFc\u00F6d\u00E9 fa\u00E7ade \u2014 cr\u00E8me br\u00FBl\u00E9e & caf\u00E9 au lait "
        "<b>not "
        "html</b>",
        "Thanks @barista.jane for the recipe! \U0001F64F",
    };
    // NOLINTEND(bugprone-suspicious-missing-comma)
    // A caption at the documented 2,200-character maximum (all ASCII so the count is exact).
    std::string long_caption = "Long read: ";
    while (long_caption.size() < 2200) long_caption += "slow mornings, fresh bread and good coffee. ";
    long_caption.resize(2200);
    v.push_back(long_caption);
    return v;
  }();
  return captions;
}

const std::vector<std::string>& caption_fragments() {
  static const std::vector<std::string> v = {
      "New single-origin beans just landed",
      "Weekend brunch is back \U0001F95E",
      "Flat white o'clock \u2615",
      "\u65B0\u3057\u3044\u30E1\u30CB\u30E5\u30FC\u304C\u59CB\u307E\u308A\u307E\u3057\u305F",
      "\u5496\u5561\u548C\u86CB\u7CD5",
      "\uC11C\uC6B8 \uCE74\uD398 \uD22C\uC5B4",
      "\u0635\u0628\u0627\u062D \u0627\u0644\u062E\u064A\u0631",
      "\u05E9\u05D1\u05EA \u05E9\u05DC\u05D5\u05DD",
      "Behind the scenes at the roastery \U0001F525",
      "Our barista's \"secret\" recipe",
      "Croissants fresh out of the oven \U0001F950",
      "Sunday roast",
      "Crema art by our team \U0001F3A8",
      "Open late tonight!",
      "Stra\u00DFenfest am Samstag \U0001F389",
      "Caf\u00E9 cr\u00E8me & pain au chocolat",
  };
  return v;
}

const std::vector<std::string>& hashtags() {
  static const std::vector<std::string> v = {"#coffee",
                                             "#latteart",
                                             "#brunch",
                                             "#bakery",
                                             "#espresso",
                                             "#\u5496\u5561",
                                             "#\u30B3\u30FC\u30D2\u30FC",
                                             "#caf\u00E9",
                                             "#reels",
                                             "#slowliving"};
  return v;
}

std::string composed_caption(Rng& r) {
  std::string s;
  const int parts = static_cast<int>(r.range(1, 3));
  for (int i = 0; i < parts; ++i) {
    if (i) s += r.chance(0.3) ? "\n" : " ";
    s += r.pick(caption_fragments());
  }
  const int tags = static_cast<int>(r.range(0, 3));
  if (tags) s += r.chance(0.5) ? "\n\n" : " ";
  for (int i = 0; i < tags; ++i) {
    if (i) s += ' ';
    s += r.pick(hashtags());
  }
  return s;
}

std::string IdAllocator::unique(Rng& r, const std::string& prefix, size_t total_digits) {
  for (;;) {
    std::string id = prefix + digits(r, total_digits - prefix.size());
    if (used_.insert(id).second) return id;
  }
}

std::string IdAllocator::media_like(Rng& r) {
  const std::string prefix = r.chance(0.5) ? "17" : "18";
  return unique(r, prefix, r.chance(0.8) ? 17 : 18);
}

}  // namespace gen
}  // namespace igemu
