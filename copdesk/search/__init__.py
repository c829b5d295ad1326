"""Full-text search (Whoosh, an implementation detail of this package).

The index is a cache of the database: :class:`copdesk.search.index.SearchIndex`
catches up from the items' change counter and rebuilds itself when missing,
stale, corrupt or of an older schema. Nothing outside this package imports Whoosh.
"""
