# R with RODBC (Debian r-cran-rodbc): DSN and DRIVER= connections, sqlTables/sqlColumns, a parameterised
# query (RODBC has no bind API, so sqlQuery runs a prepared statement via sqlExecute), emoji text, NA for NULL,
# 10,000 rows, and an error with its SQLSTATE. RODBC has no API for query parameters; its bound parameters
# are in sqlSave (a prepared INSERT with SQLBindParameter), so the parameter travels that way.
suppressMessages(library(RODBC))
passed <- 0
failed <- 0
check <- function(cond, what) {
  if (isTRUE(cond)) passed <<- passed + 1 else {
    failed <<- failed + 1
    message("FAIL: ", what)
  }
}
emoji_id <- "17530498280938772"
emoji_caption <- "Good morning \u2615\U0001F600 #coffee #morning"
driver <- paste0("DRIVER={Instagram ODBC Driver};GraphURL=", Sys.getenv("EMULATOR_URL"),
                 ";OAuthAccessToken=demo-token")

for (ch in list(odbcConnect("InstagramTest", DBMSencoding = "UTF-8"),
                odbcDriverConnect(driver, DBMSencoding = "UTF-8"))) {
  check(inherits(ch, "RODBC"), "connect")
  tables <- sqlTables(ch, schema = "Instagram")
  check("Media" %in% tables$TABLE_NAME, "sqlTables lists Media")
  cols <- sqlColumns(ch, "Media", schema = "Instagram")
  check("Caption" %in% cols$COLUMN_NAME, "sqlColumns lists Caption")

  sqlSave(ch, data.frame(id = emoji_id, stringsAsFactors = FALSE), tablename = "wanted", rownames = FALSE,
          fast = TRUE, varTypes = c(id = "VARCHAR(32)"))
  row <- sqlQuery(ch, "SELECT m.Id, m.Caption FROM Media m JOIN wanted w ON m.Id = w.id",
                  stringsAsFactors = FALSE, as.is = TRUE)
  check(identical(enc2utf8(row$Caption[1]), emoji_caption), paste("emoji caption, got", row$Caption[1]))

  sqlQuery(ch, paste("CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1",
                     "FROM n WHERE i < 10000) SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n"))
  big <- sqlQuery(ch, 'SELECT i, odd FROM "Local"."big" ORDER BY i', stringsAsFactors = FALSE)
  check(nrow(big) == 10000 && sum(as.numeric(big$i)) == 50005000, paste("10,000 rows, got", nrow(big)))
  check(sum(is.na(big$odd)) == 5000, "NULL reads as NA")

  err <- sqlQuery(ch, "SELECT * FROM NoSuchTable")
  check(is.character(err) && any(grepl("^42S02", err)), paste("SQLSTATE 42S02, got", paste(err, collapse = " | ")))
  check(any(grepl("NoSuchTable", err)), "message names the table")
  odbcClose(ch)
}
cat(sprintf("R: %d passed, %d failed\n", passed, failed))
quit(status = if (failed == 0) 0 else 1)
