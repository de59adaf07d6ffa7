#include "schema/tables_doc.h"

#include "schema/metrics.h"
#include "schema/schema.h"
#include "schema/views.h"
#include "schema/writes.h"

namespace igodbc::schema {

namespace {

std::string pushText(unsigned push) {
  std::string out;
  auto add = [&](const char* s) { out += (out.empty() ? "" : ", ") + std::string(s); };
  if (push & kPushEq) add("=");
  if (push & kPushIn) add("IN");
  if (push & kPushRange) add("<, <=, >, >=");
  if (push & kPushNull) add("IS NULL");
  return out.empty() ? "–" : out;
}

std::string sourceText(const Column& c) {
  switch (c.origin) {
    case Origin::Json:
      return "`" + std::string(c.json) + "`";
    case Origin::Path:
      return "‹path›";
    case Origin::Parent:
      return "‹parent›";
    case Origin::Derived:
      return "‹derived›";
  }
  return "";
}

std::string notesText(const Column& c) {
  std::string out(c.notes);
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  if (c.flags & kNoCase) add("compared case-insensitively");
  if (c.flags & kFacebookLoginOnly) add("Facebook Login only");
  if (c.flags & kInstagramLoginOnly) add("Instagram Login only");
  if (!c.availableFrom.empty()) add("from " + std::string(c.availableFrom));
  return out;
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + ("`" + std::string(n) + "`");
  return out;
}

std::string kindsText(unsigned kinds) {
  std::string out;
  for (MediaKind k :
       {MediaKind::FeedImage, MediaKind::FeedVideo, MediaKind::Carousel, MediaKind::Reels, MediaKind::Story})
    if (kinds & kindBit(k)) out += (out.empty() ? "" : ", ") + std::string(mediaKindName(k));
  return out;
}

std::string rolloutText(const Rollout& r, const char* none) {
  if (r.never()) return none;
  std::string out;
  if (r.version) out = "v" + std::to_string(r.version) + "+";
  if (!r.allVersionsFrom.empty()) out += (out.empty() ? "" : " / ") + std::string(r.allVersionsFrom);
  return out;
}

// The table's writes (schema/writes.h) in one line.
std::string writesText(const Writes& w) {
  std::string parts;
  auto add = [&](const std::string& s) { parts += (parts.empty() ? "" : "; ") + s; };
  if (!w.insertRoutes.empty()) {
    std::string routes;
    for (const InsertRoute& r : w.insertRoutes)
      routes += (routes.empty() ? "" : " or ") +
                ("`POST /{" + std::string(r.keyColumn) + "}/" + std::string(r.edge) + "`");
    std::string limits;
    if (w.textMaxChars > 0) limits += ", at most " + std::to_string(w.textMaxChars) + " characters";
    if (w.textMaxHashtags >= 0) limits += ", at most " + std::to_string(w.textMaxHashtags) + " hashtags";
    add("INSERT → " + routes + " with `message` = `" + std::string(w.textColumn) + "`" + limits +
        (w.generatedColumn.empty() ? ""
                                   : "; new `" + std::string(w.generatedColumn) + "` in `sys_identity`"));
  }
  for (const UpdatableColumn& u : w.updatable)
    add("UPDATE `" + std::string(u.column) + "` → `POST /{Id}` with `" + std::string(u.formField) + "`");
  if (!w.deleteKeys.empty())
    add("DELETE (WHERE " + joined(w.deleteKeys) + " = or IN) → `DELETE /{Id}`" +
        (w.deleteNeedsFacebookLogin ? ", Facebook Login only" : ""));
  return "Writes: " + parts + ".\n";
}

}  // namespace

std::string tablesMarkdown() {
  std::string md =
      "# Tables, views and system tables\n\n"
      "Generated from `schema/` by `gen_tables_doc`; do not edit by hand (the `tables_doc_current` test "
      "fails\n"
      "when this file is stale).\n\n";
  for (const Table& t : allTables()) md += "* [" + std::string(t.name) + "](#" + std::string(t.name) + ")\n";
  for (const Table& t : allTables()) {
    md += "\n## <a id=\"" + std::string(t.name) + "\"></a>" + std::string(kSchemaName) + "." +
          std::string(t.name) + "\n\n";
    md += std::string(tableKindName(t.kind)) + ". " + std::string(t.purpose) + "\n\n";
    md += "| # | Column | Type | Null | Source | Pushdown | Notes |\n|---|---|---|---|---|---|---|\n";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const Column& c = t.columns[i];
      md += "| " + std::to_string(i + 1) + " | `" + std::string(c.name) + "` | " + declaredType(c) + " | " +
            (c.nullable ? "yes" : "no") + " | " + sourceText(c) + " | " + pushText(c.push) + " | " +
            notesText(c) + " |\n";
    }
    md += "\nPrimary key: " + (t.primaryKey.empty() ? std::string("none") : joined(t.primaryKey)) + ".\n";
    for (const auto& u : t.uniqueKeys) md += "Unique key: " + joined(u) + ".\n";
    for (const ForeignKey& fk : t.foreignKeys)
      md += "Foreign key: `" + std::string(fk.column) + "` → `" + std::string(fk.refTable) + "." +
            std::string(fk.refColumn) + "`.\n";
    if (t.kind != TableKind::SystemTable && !t.readOnlyHint.empty())
      md += "Read-only: " + std::string(t.readOnlyHint) + "\n";
    if (t.writes) md += writesText(*t.writes);
    if (const RequiredFilter* f = requiredFilter(t.name))
      md += "Required filter: " + requiredColumnsText(*f) +
            " (= or IN, directly or through a join; for example: `" + std::string(f->example) + "`).\n";
  }
  md += "\n## CData compatibility objects (CDataCompat=true only)\n\n| View | Columns |\n|---|---|\n";
  for (const Table& v : compatViews()) {
    std::string cols;
    for (const Column& c : v.columns) cols += (cols.empty() ? "" : ", ") + std::string(c.name);
    md += "| `" + std::string(v.name) + "` | " + cols + " |\n";
  }
  for (const Table& t : allTables()) {
    const Table* extended = compatTable(t.name);
    if (!extended) continue;
    md += "\nAlias columns on `" + std::string(t.name) + "`:";
    for (size_t i = t.columns.size(); i < extended->columns.size(); ++i)
      md += std::string(i == t.columns.size() ? " " : ", ") + "`" + std::string(extended->columns[i].name) +
            "` = `" + std::string(extended->columns[i].notes) + "`";
    md += ".\n";
  }
  md +=
      "\n## Media metric rules\n\n"
      "In `metric=` order. Available / Retired: `vNN+ / date` = on version NN or newer, and on every version "
      "from that date.\n\n"
      "| Metric | Kinds | Breakdown | Unit | Available | Retired | Request | Wide column |\n"
      "|---|---|---|---|---|---|---|---|\n";
  for (const MediaMetricRule& r : mediaMetricRules()) {
    std::string available = rolloutText(r.available, "always");
    if (r.facebookLoginOnly) available += ", Facebook Login only";
    std::string wide(r.mediaColumn);
    if (!r.storyColumn.empty() && r.storyColumn != r.mediaColumn)
      wide += (wide.empty() ? "" : ", ") + std::string(r.storyColumn);
    md += "| `" + std::string(r.name) + "` | " + kindsText(r.kinds) + " | " +
          (r.breakdown.empty() ? "–" : std::string(r.breakdown)) + " | " + std::string(r.unit) + " | " +
          available + " | " + rolloutText(r.retired, "–") + " | " +
          std::string(metricRequestName(r.request)) + " | " + (wide.empty() ? "–" : wide) + " |\n";
  }
  md +=
      "\n## Account metric rules\n\n"
      "| Table | Metric | Groups | Periods | Metric types | Breakdowns | Available | Retired | Request |\n"
      "|---|---|---|---|---|---|---|---|---|\n";
  for (const AccountMetricRule& r : accountMetricRules()) {
    auto dash = [](std::string_view s) { return s.empty() ? std::string("–") : std::string(s); };
    md += "| " + std::string(r.table) + " | `" + std::string(r.name) + "` | " + dash(r.groups) + " | " +
          dash(r.periods) + " | " + dash(r.metricTypes) + " | " + dash(r.breakdowns) + " | " +
          rolloutText(r.available, "always") + " | " + rolloutText(r.retired, "–") + " | " +
          std::string(metricRequestName(r.request)) + " |\n";
  }
  return md;
}

}  // namespace igodbc::schema
