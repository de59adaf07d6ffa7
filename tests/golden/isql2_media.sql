-- client: isql
SELECT Id, MediaType, MediaProductType, Timestamp, LikeCount FROM Media WHERE AccountId = '17841412790652093' LIMIT 6
