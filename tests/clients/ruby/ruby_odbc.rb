# Ruby's `odbc` (Debian ruby-odbc): DSN and DRIVER= connections, tables/columns, a bound parameter, emoji
# text, NULL as nil, 10,000 rows, and an error carrying its SQLSTATE. The plain flavour reads SQL_C_CHAR, which
# this driver returns as UTF-8; ruby-odbc's odbc_utf8 flavour decodes UTF-16 surrogate pairs wrongly (an
# emoji comes back as U+9003D), a client bug.
require 'odbc'

$passed = 0
$failed = 0
def check(cond, what)
  if cond
    $passed += 1
  else
    $failed += 1
    warn "FAIL: #{what}"
  end
end

emoji_id = '17530498280938772'
emoji_caption = "Good morning \u2615\u{1F600} #coffee #morning"
driver_string = "DRIVER={Instagram ODBC Driver};GraphURL=#{ENV['EMULATOR_URL']};OAuthAccessToken=demo-token"

connections = [
  -> { ODBC.connect('InstagramTest', '', '') },
  lambda {
    drv = ODBC::Driver.new
    drv.name = 'instagram'
    drv.attrs = { 'DRIVER' => '{Instagram ODBC Driver}', 'GraphURL' => ENV['EMULATOR_URL'],
                  'OAuthAccessToken' => 'demo-token' }
    ODBC::Database.new.drvconnect(drv)
  },
  -> { ODBC::Database.new.drvconnect(driver_string) }
]

connections.each_with_index do |open, n|
  db = open.call
  check(db.connected?, "connection #{n}")

  st = db.tables
  names = st.fetch_all.map { |r| r[2] }
  st.drop
  check(names.include?('Media'), 'tables lists Media')
  st = db.columns('Media')
  cols = st.fetch_all.map { |r| r[3] }
  st.drop
  check(cols.include?('Caption'), 'columns lists Caption')

  st = db.run('SELECT Id, Caption FROM Media WHERE Id = ?', emoji_id)
  row = st.fetch
  st.drop
  row[1].force_encoding('UTF-8') if row
  check(row && row[1] == emoji_caption, "emoji caption (got #{row.inspect})")

  db.do('CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n ' \
        'WHERE i < 10000) SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n')
  st = db.run('SELECT i, odd FROM "Local"."big" ORDER BY i')
  count = 0
  sum = 0
  nulls = 0
  while (r = st.fetch)
    count += 1
    sum += r[0]
    nulls += 1 if r[1].nil?
  end
  st.drop
  check(count == 10_000 && sum == 50_005_000, "10,000 rows (got #{count})")
  check(nulls == 5000, "NULL as nil (got #{nulls})")

  begin
    db.run('SELECT * FROM NoSuchTable')
    check(false, 'error expected')
  rescue ODBC::Error => e
    # ruby-odbc is an ODBC 2 application: 42S02 is spelled S0002 there.
    check(e.message.start_with?('S0002'), "SQLSTATE S0002 (got #{e.message})")
    check(e.message.include?('NoSuchTable'), 'message names the table')
  end
  db.disconnect
end

puts "ruby: #{$passed} passed, #{$failed} failed"
exit($failed.zero? ? 0 : 1)
