-- client: iusql
SELECT Id, Username, FollowersCount FROM Accounts ORDER BY Username
