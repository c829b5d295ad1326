"""Storage: the SQLite database, revisions, blobs and bulk import (no Qt, no search)."""
