#include "sql/engine/error_mapping.h"

#include <new>

#include "oauth/token_provider.h"

namespace igodbc::sql {

namespace {

bool isRateLimit(int code) {
  return code == 4 || code == 17 || code == 32 || code == 613 || code == 80001 || code == 80002;
}

}  // namespace

std::string quoteGraph(const graph::GraphError& e) {
  std::string msg = e.graphMessage.empty() ? std::string(e.what()) : e.graphMessage;
  std::string s = "Graph API said \"" + msg + "\" (code " + std::to_string(e.code);
  if (e.subcode) s += "/" + std::to_string(e.subcode);
  if (!e.fbtraceId.empty()) s += ", fbtrace_id " + e.fbtraceId;
  if (e.code == 0 && e.httpStatus) s += ", HTTP " + std::to_string(e.httpStatus);
  return s + ")";
}

bool isUnknownKey(const graph::GraphError& e) {
  return (e.code == 100 && e.subcode == 33) || e.code == 803;
}

Diagnostic diagnoseGraphError(const graph::GraphError& e) {
  std::string state = "HY000", advice;
  if (e.code == 190 || e.code == 102) {
    state = "28000";
    advice = e.authAdvice.empty()
                 ? "The access token is invalid or expired and could not be refreshed; sign in again."
                 : e.authAdvice;
  } else if (e.code == 10 || (e.code >= 200 && e.code <= 299)) {
    state = "42000";
    advice = "The token lacks a permission this query needs; grant it to the app and sign in again.";
  } else if (isRateLimit(e.code)) {
    advice =
        "Instagram's rate limit was reached; wait before running more queries (sys_ratelimit shows the "
        "usage).";
  } else if (e.code == 506) {
    state = "23000";
    advice = "Instagram refused a duplicate post.";
  } else if (e.transient) {
    advice = "Instagram reported a temporary problem; try again later.";
  }
  std::string text = quoteGraph(e) + (e.retryNote.empty() ? "." : "; " + e.retryNote + ".");
  if (!advice.empty()) text += " " + advice;
  return {state, e.code, prefixed(text)};
}

Diagnostic diagnoseOutcomeUnknown(const graph::OutcomeUnknownError& e, const std::string& outcome) {
  // 08007: the connection failed while the outcome of the change was open.
  return {
      "08007", 0,
      prefixed(std::string(e.what()) + ": " +
               (outcome.empty() ? "the write may have been applied; check the table (SELECT the row by its "
                                  "key) before retrying, or it may be made twice"
                                : outcome))};
}

Diagnostic diagnoseCurrentException() {
  try {
    throw;
  } catch (const EngineError& e) {
    return e.diag;
  } catch (const graph::GraphError& e) {
    return diagnoseGraphError(e);
  } catch (const graph::CancelledError&) {
    return {"HY008", 0, prefixed("The statement was cancelled")};
  } catch (const graph::TimeoutError& e) {
    return {"HYT00", 0, prefixed(std::string("The Graph API did not answer in time: ") + e.what())};
  } catch (const graph::OutcomeUnknownError& e) {
    return diagnoseOutcomeUnknown(e, "");
  } catch (const graph::TlsError& e) {
    return {"08S01", 0, prefixed(e.what())};
  } catch (const graph::NetworkError& e) {
    return {"08S01", 0, prefixed(std::string("Cannot reach the Graph API: ") + e.what())};
  } catch (const oauth::TlsAuthError& e) {
    return {"08S01", 0, prefixed(e.what())};
  } catch (const oauth::AuthError& e) {
    return {"28000", 0, prefixed(e.what())};
  } catch (const std::bad_alloc&) {
    return {"HY001", 0, prefixed("Out of memory")};
  } catch (const std::exception& e) {
    return {"HY000", 0, prefixed(std::string("Internal error: ") + e.what())};
  } catch (...) {
    return {"HY000", 0, prefixed("Internal error")};
  }
}

}  // namespace igodbc::sql
