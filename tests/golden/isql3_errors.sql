-- client: isql -3
SELECT * FROM NoSuchTable
SELECT Nope FROM Media
