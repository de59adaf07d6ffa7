-- client: isql
help
help MediaChildren
