-- client: isql -3
SELECT Id, substr(Caption, 1, 60) AS Caption FROM Media WHERE AccountId = '17841412790652093' AND Caption IS NOT NULL LIMIT 5
