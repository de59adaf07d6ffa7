#!/usr/bin/perl
# Perl DBI + DBD::ODBC (Debian libdbd-odbc-perl): DSN and DRIVER= connections, table_info/column_info,
# a bound parameter, emoji text, NULL as undef, 10,000 rows, and an error with its SQLSTATE.
use strict;
use warnings;
use utf8;
use DBI;
use Test::More;

my $emoji_id = '17530498280938772';
my $emoji_caption = "Good morning \x{2615}\x{1F600} #coffee #morning";
my $driver = "DRIVER={Instagram ODBC Driver};GraphURL=$ENV{EMULATOR_URL};OAuthAccessToken=demo-token";

for my $dsn ('dbi:ODBC:DSN=InstagramTest', "dbi:ODBC:$driver") {
    my $dbh = DBI->connect($dsn, '', '', { RaiseError => 1, PrintError => 0, odbc_utf8_on => 1 });
    ok($dbh, "connect $dsn");

    my $tables = $dbh->table_info(undef, 'Instagram', '%', 'TABLE')->fetchall_arrayref({});
    ok((grep { $_->{TABLE_NAME} eq 'Media' } @$tables), 'table_info lists Media');
    my $columns = $dbh->column_info(undef, 'Instagram', 'Media', '%')->fetchall_arrayref({});
    ok((grep { $_->{COLUMN_NAME} eq 'Caption' } @$columns), 'column_info lists Caption');

    my $row = $dbh->selectrow_hashref('SELECT Id, Caption FROM Media WHERE Id = ?', undef, $emoji_id);
    is($row->{Caption}, $emoji_caption, 'parameterised query reads emoji text');

    $dbh->do("CREATE TABLE Local.big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
           . "WHERE i < 10000) SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS odd FROM n");
    my $sth = $dbh->prepare('SELECT i, odd FROM "Local"."big" ORDER BY i');
    $sth->execute;
    my ($count, $sum, $nulls) = (0, 0, 0);
    while (my $r = $sth->fetchrow_arrayref) {
        $count++;
        $sum += $r->[0];
        $nulls++ unless defined $r->[1];
    }
    is($count, 10000, '10,000 rows');
    is($sum, 50005000, 'sum of the rows');
    is($nulls, 5000, 'NULL reads as undef');

    my $named = $dbh->prepare('SELECT Id FROM Media');
    like($named->{CursorName}, qr/^SQL_CUR\d+$/, 'CursorName reads the name the driver generated');

    my $ok = eval { $dbh->do('SELECT * FROM NoSuchTable'); 1 };
    ok(!$ok, 'unknown table fails');
    is($dbh->state, '42S02', 'SQLSTATE 42S02');
    like($dbh->errstr, qr/NoSuchTable/, 'message names the table');
    $dbh->disconnect;
}
done_testing();
