// Node's `odbc` package from npm (built from source against unixODBC by install.sh): DSN and DRIVER=
// connections, tables/columns, a bound parameter, emoji text, NULL as null, 10,000 rows, and an error with
// its SQLSTATE. Run with `node --test`; NODE_PATH points at the cached install.
const test = require('node:test');
const assert = require('node:assert');
const odbc = require('odbc');

const emojiId = '17530498280938772';
const emojiCaption = 'Good morning \u2615\u{1F600} #coffee #morning';
const driverString =
  `DRIVER={Instagram ODBC Driver};GraphURL=${process.env.EMULATOR_URL};OAuthAccessToken=demo-token`;

for (const [name, connectionString] of [['DSN', 'DSN=InstagramTest'], ['DRIVER=', driverString]]) {
  test(`odbc through ${name}`, async () => {
    const conn = await odbc.connect(connectionString);
    try {
      const tables = await conn.tables(null, 'Instagram', null, 'TABLE');
      assert.ok(tables.some((t) => t.TABLE_NAME === 'Media'), 'tables lists Media');
      const columns = await conn.columns(null, 'Instagram', 'Media', null);
      assert.ok(columns.some((c) => c.COLUMN_NAME === 'Caption'), 'columns lists Caption');

      const rows = await conn.query('SELECT Id, Caption FROM Media WHERE Id = ?', [emojiId]);
      assert.strictEqual(rows[0].Caption, emojiCaption);

      await conn.query(
        'CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n ' +
          'WHERE i < 10000) SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n');
      const big = await conn.query('SELECT i, odd FROM "Local"."big" ORDER BY i');
      assert.strictEqual(big.length, 10000);
      assert.strictEqual(big.reduce((s, r) => s + Number(r.i), 0), 50005000);
      assert.strictEqual(big.filter((r) => r.odd === null).length, 5000);

      await assert.rejects(conn.query('SELECT * FROM NoSuchTable'), (e) => {
        assert.strictEqual(e.odbcErrors[0].state, '42S02');
        assert.match(e.odbcErrors[0].message, /NoSuchTable/);
        return true;
      });
    } finally {
      await conn.close();
    }
  });
}
