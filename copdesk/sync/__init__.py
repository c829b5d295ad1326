"""Exchange between sites by bundle files (no server): signed, incremental, conflict-keeping."""
