-- client: isql -3
SELECT Id, Username, FollowersCount, MediaCount, HasProfilePic FROM Accounts
