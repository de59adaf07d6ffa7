-- client: isql -3
SELECT Seq, Method, Status, Rows FROM sys_requests
SELECT COUNT(*) AS n, MIN(Timestamp) AS oldest FROM Media WHERE AccountId = '17841494064273030'
SELECT Seq, Method, Status, Rows, substr(Url, instr(Url, '/v24.0')) AS Request FROM sys_requests
