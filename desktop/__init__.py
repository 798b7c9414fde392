"""Partner Desk GUI and command line. Depends on ``models``; never the other way."""
