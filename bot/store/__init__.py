"""SQLite persistence: connection, migrations and every SQL statement."""
