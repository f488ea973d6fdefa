"""The demo programme, its editions and accounts (for `make run` and the tests), and the same at any scale."""
