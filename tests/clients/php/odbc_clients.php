<?php
// PHP's odbc_* functions and PDO_ODBC (Debian php-odbc): DSN and DRIVER= connections, odbc_tables /
// odbc_columns, prepared statements with parameters, emoji text, NULLs, 10,000 rows, errors with SQLSTATE.
$failed = 0;
$passed = 0;
function check($cond, $what) {
    global $failed, $passed;
    if ($cond) { $passed++; } else { $failed++; fwrite(STDERR, "FAIL: $what\n"); }
}
$emojiId = '17530498280938772';
$emojiCaption = "Good morning \u{2615}\u{1F600} #coffee #morning";
$driver = "DRIVER={Instagram ODBC Driver};GraphURL=" . getenv('EMULATOR_URL') . ";OAuthAccessToken=demo-token";
$big = "CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
     . "SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n";

foreach (['InstagramTest', $driver] as $dsn) {
    // odbc_* functions.
    $c = odbc_connect($dsn, '', '');
    check($c !== false, "odbc_connect $dsn");
    $names = [];
    $t = odbc_tables($c, null, 'Instagram', '%', 'TABLE');
    while ($r = odbc_fetch_array($t)) $names[] = $r['TABLE_NAME'];
    check(in_array('Media', $names), 'odbc_tables lists Media');
    $cols = [];
    $t = odbc_columns($c, null, 'Instagram', 'Media', '%');
    while ($r = odbc_fetch_array($t)) $cols[] = $r['COLUMN_NAME'];
    check(in_array('Caption', $cols), 'odbc_columns lists Caption');
    $s = odbc_prepare($c, 'SELECT Id, Caption FROM Media WHERE Id = ?');
    check(odbc_execute($s, [$emojiId]), 'odbc_execute with a parameter');
    $r = odbc_fetch_array($s);
    check($r && $r['Caption'] === $emojiCaption, 'emoji caption through odbc_*');
    check(odbc_exec($c, $big) !== false, 'scratch table of 10,000 rows');
    $s = odbc_exec($c, 'SELECT i, odd FROM "Local"."big" ORDER BY i');
    $count = 0; $sum = 0; $nulls = 0;
    while ($r = odbc_fetch_array($s)) { $count++; $sum += $r['i']; if ($r['odd'] === null) $nulls++; }
    check($count === 10000 && $sum === 50005000, "10,000 rows through odbc_* (got $count)");
    check($nulls === 5000, "NULLs through odbc_* (got $nulls)");
    $bad = @odbc_exec($c, 'SELECT * FROM NoSuchTable');
    // odbc_* runs as an ODBC 2 application, so the state is the ODBC 2 spelling of 42S02.
    check($bad === false && odbc_error($c) === 'S0002', 'odbc_error gives S0002 (got ' . odbc_error($c) . ')');
    check(strpos(odbc_errormsg($c), 'NoSuchTable') !== false, 'odbc_errormsg names the table');
    odbc_close($c);

    // PDO_ODBC with its defaults: SQL_CUR_USE_IF_NEEDED (unixODBC loads its cursor library unless the driver
    // has scrollable static cursors, and that library crashes on the data-at-execution parameters PDO_ODBC
    // always sends) and forward-only statements. No attribute here on purpose.
    $pdo = new PDO("odbc:$dsn", null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $st = $pdo->prepare('SELECT Id, Caption FROM Media WHERE Id = ?');
    $st->execute([$emojiId]);
    $r = $st->fetch(PDO::FETCH_ASSOC);
    check($r['Caption'] === $emojiCaption, 'emoji caption through PDO');
    check($r['Id'] === $emojiId, 'bound Id column through PDO');
    check($st->fetch(PDO::FETCH_ASSOC) === false, 'one row for one Id through PDO');
    $pdo->exec($big);
    $count = 0; $nulls = 0;
    foreach ($pdo->query('SELECT i, odd FROM Local.big', PDO::FETCH_NUM) as $row) {
        $count++;
        if ($row[1] === null) $nulls++;
    }
    check($count === 10000 && $nulls === 5000, "10,000 rows and NULLs through PDO (got $count, $nulls)");
    // A parameterised query over several rows, and the same statement executed again. PDO_ODBC sends every
    // parameter as text, and Local.big's untyped column compares numbers below text, hence the casts.
    $st = $pdo->prepare('SELECT i FROM "Local"."big" WHERE i > CAST(? AS INTEGER) AND i <= CAST(? AS INTEGER) ORDER BY i');
    $st->execute([9990, 10000]);
    check($st->fetchAll(PDO::FETCH_COLUMN) == range(9991, 10000), 'parameterised range through PDO');
    $st->execute([0, 3]);
    check($st->fetchAll(PDO::FETCH_COLUMN) == [1, 2, 3], 'the same PDO statement executed again');
    try {
        $pdo->query('SELECT * FROM NoSuchTable');
        check(false, 'PDO error expected');
    } catch (PDOException $e) {
        check($e->getCode() === '42S02', 'PDO SQLSTATE 42S02 (got ' . $e->getCode() . ')');
        check(strpos($e->getMessage(), 'NoSuchTable') !== false, 'PDO message names the table');
    }
    $pdo = null;
}
echo "php: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
