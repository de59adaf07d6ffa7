#include "driver/handles/connection.h"

#include "driver/connect/connection_props.h"
#include "driver/connect/token_provider_factory.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/environment.h"
#include "driver/handles/handle_registry.h"
#include "driver/handles/statement.h"
#include "graph/client.h"
#include "oauth/token_provider.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

Connection::Connection(std::shared_ptr<Environment> e) : Handle(kKind), env(std::move(e)) {}

Connection::~Connection() {
  std::lock_guard<std::mutex> lock(engineMutex_);
  engine_.reset();
}

bool Connection::odbc2() const {
  return env->odbcVersion == SQL_OV_ODBC2;
}

sql::Engine& Connection::engine() {
  if (!engine_) throw OdbcError("08003", "Connection not open");
  return *engine_;
}

void Connection::open(const ConnectionSettings& s, std::string dsnName) {
  graph::Config config;
  config.baseUrl = s.graphUrl;
  config.version = s.version;
  config.timeoutSeconds = s.timeoutSeconds;
  config.maxRetries = s.maxRetries;
  config.maxConcurrency = s.maxConcurrency;
  config.retryMaxSeconds = static_cast<double>(s.retryMaxSeconds);
  config.governorThreshold = s.rateLimitThreshold;
  config.cacheSeconds = static_cast<double>(s.cacheSeconds);
  config.instagramLogin = s.authMode == "InstagramLogin";
  if (loginTimeout > 0) config.connectTimeoutSeconds = static_cast<long>(loginTimeout);
  config.network = networkOptions(s);
  config.logger = makeLogger(s);
  ConnectedTokens tokens = connectTokens(s, dsnName, static_cast<long>(loginTimeout), config.logger);
  if (!tokens.warning.empty()) diags.add("01000", sql::prefixed(tokens.warning));
  auto client = std::make_shared<graph::Client>(config, tokens.provider);

  sql::Settings es;
  es.authMode = s.authMode;
  es.businessAccountIds = s.businessAccountIds;
  es.pageSize = s.pageSize;
  es.metricRulesDate = s.metricRulesDate;
  es.scratchDatabase = s.scratchDatabase;
  es.limits = s.limits;
  es.cdataCompat = s.cdataCompat;
  es.connectionProps = connectionProps(s);
  es.tokens = tokens.session;
  es.pageToken = !s.oauth.authenticateAsPage.empty();
  auto engine = std::make_unique<sql::Engine>(es, client);
  engine->setAutocommit(autocommit);

  std::lock_guard<std::mutex> lock(engineMutex_);
  settings = s;
  dsn = std::move(dsnName);
  graph_ = std::move(client);
  engine_ = std::move(engine);
}

void Connection::close() {
  // Statements and explicit descriptors die with the connection (ODBC: SQLDisconnect frees them).
  for (Statement* st : std::vector<Statement*>(statements)) {
    st->release();
    unregisterHandle(st);
  }
  statements.clear();
  for (Descriptor* d : std::vector<Descriptor*>(descriptors)) {
    d->markFreed();
    unregisterHandle(d);
  }
  descriptors.clear();
  std::unique_ptr<sql::Engine> old;
  {
    std::lock_guard<std::mutex> lock(engineMutex_);
    old = std::move(engine_);
    graph_.reset();
  }
  if (old && !old->autocommit()) {
    try {
      old->rollback();  // an open scratch-table transaction ends with the connection
    } catch (...) {
    }
  }
  old.reset();
  settings = ConnectionSettings{};
  dsn.clear();
}

void Connection::interrupt() {
  std::lock_guard<std::mutex> lock(engineMutex_);
  if (engine_) engine_->interrupt();
}

SQLRETURN Connection::endTransaction(SQLSMALLINT completionType) {
  if (completionType != SQL_COMMIT && completionType != SQL_ROLLBACK)
    throw OdbcError("HY012", "Invalid transaction operation code " + std::to_string(completionType));
  if (!engine_) throw OdbcError("08003", "Connection not open");
  if (completionType == SQL_COMMIT) {
    engine_->commit();
    return SQL_SUCCESS;
  }
  // SQL_CURSOR_ROLLBACK_BEHAVIOR is SQL_CB_CLOSE: SQLite aborts reads a ROLLBACK overtakes, so cursors close
  // (statements stay prepared) rather than fail at their next fetch.
  for (Statement* st : statements)
    if (st->cursorOpen()) st->closeCursor();
  const int64_t written = engine_->uncommittedWrites();
  engine_->rollback();
  if (written > 0) {  // Instagram writes are immediate Graph calls
    diags.add("01000", sql::prefixed(std::to_string(written) + (written == 1 ? " row was" : " rows were") +
                                     " written to Instagram since the last commit and cannot be rolled back; "
                                     "only scratch tables were rolled back"));
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

InfoContext Connection::infoContext() const {
  InfoContext ctx;
  ctx.dsn = dsn;
  ctx.serverName = engine_ ? urlHost(settings.graphUrl) : std::string();
  ctx.readOnly = accessMode == SQL_MODE_READ_ONLY;
  ctx.odbc2 = odbc2();
  return ctx;
}

std::string urlHost(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find('/', start);
  std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority[0] == '[') return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

}  // namespace igodbc::driver
