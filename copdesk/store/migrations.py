"""Schema migrations: MIGRATIONS[n] takes a database from version n to n + 1.

Never edit a released migration; append a new one. ``revisions`` is the truth;
``items``, ``refs`` are the materialised current state, rebuilt from revisions
by :func:`copdesk.store.revisions.rematerialize` (``check`` compares them).
Foreign keys guard the source data (sites, parents, references); the links
between revisions and their derived ``items`` row are verified by ``check``
instead, because deferred keys there made every bulk insert search both tables.
"""

from __future__ import annotations

V1 = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Sites whose revisions we hold; our own has is_self = 1.
    """CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        is_self INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    )""",
    # Immutable revisions: body is the canonical JSON whose SHA-256 is rev_id.
    """CREATE TABLE revisions (
        rev_id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        site TEXT NOT NULL REFERENCES sites(id),
        seq INTEGER NOT NULL,
        generation INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        at TEXT NOT NULL,
        author TEXT,
        body TEXT NOT NULL,
        UNIQUE (site, seq)
    )""",
    "CREATE INDEX revisions_item ON revisions(item_id)",
    """CREATE TABLE rev_parents (
        rev_id TEXT NOT NULL REFERENCES revisions(rev_id),
        parent TEXT NOT NULL,
        PRIMARY KEY (rev_id, parent)
    ) WITHOUT ROWID""",
    "CREATE INDEX rev_parents_parent ON rev_parents(parent)",
    # Current state of every item, chosen among its head revisions.
    """CREATE TABLE items (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        head TEXT NOT NULL,
        heads TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        conflict INTEGER NOT NULL,
        title TEXT NOT NULL,
        status TEXT,
        visibility TEXT,
        community TEXT,
        tags TEXT NOT NULL,
        origin_site TEXT NOT NULL REFERENCES sites(id),
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        change INTEGER NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX items_kind ON items(kind, deleted, updated_at)",
    "CREATE UNIQUE INDEX items_change ON items(change)",
    "CREATE INDEX items_community ON items(community)",
    # Every reference from an item's content to another item (backlinks, lookups).
    """CREATE TABLE refs (
        item_id TEXT NOT NULL REFERENCES items(id),
        field TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (item_id, field, target)
    ) WITHOUT ROWID""",
    "CREATE INDEX refs_target ON refs(target, field)",
    """CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL
    )""",
]

# The search glossary: groups of equivalent terms (synonyms, acronyms), local to the site.
V2 = [
    """CREATE TABLE glossary (
        grp INTEGER NOT NULL,
        term TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE
    )""",
    "CREATE INDEX glossary_grp ON glossary(grp)",
]

# Site names for search facets, read on every search that has hits.
V3 = [
    "CREATE INDEX items_site ON items(json_extract(data, '$.site')) WHERE deleted = 0",
]

# Exchange between sites (bundles). ``feed`` is each origin site's publication
# log: its n-th revision made shareable, numbered by that site. A version vector
# (origin -> highest contiguous n held) says what a site has; private and
# site-only versions never get a number, so they never leave. ``sites`` gains the
# roster of keys and trust and what each peer last acknowledged.
V4 = [
    """CREATE TABLE feed (
        origin TEXT NOT NULL REFERENCES sites(id),
        seq INTEGER NOT NULL,
        rev_id TEXT NOT NULL UNIQUE REFERENCES revisions(rev_id),
        PRIMARY KEY (origin, seq)
    ) WITHOUT ROWID""",
    "ALTER TABLE sites ADD COLUMN public_key TEXT",
    "ALTER TABLE sites ADD COLUMN trust TEXT",  # NULL unknown, 'trusted', 'revoked'
    "ALTER TABLE sites ADD COLUMN trusted_at TEXT",
    "ALTER TABLE sites ADD COLUMN last_in TEXT",
    "ALTER TABLE sites ADD COLUMN last_out TEXT",
    "ALTER TABLE sites ADD COLUMN acked TEXT NOT NULL DEFAULT '{}'",
    # Revisions written while an item was private or site-only, set aside when it is
    # shared: they never left the site and never will (local history only).
    """CREATE TABLE drafts (
        rev_id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        generation INTEGER NOT NULL,
        body TEXT NOT NULL,
        set_aside_at TEXT NOT NULL
    )""",
    "CREATE INDEX drafts_item ON drafts(item_id)",
    """CREATE TABLE folder_seen (
        name TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        producer TEXT,
        status TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
]

# Signed exchange (bundle format 2), restored and copied workspaces.
# - Every revision carries its origin site's Ed25519 signature over its id (``sig``,
#   NULL until the origin signs it at its first export, or for revisions received
#   from format-1 bundles); ``sig_checked`` is 0 while it was only covered by its
#   producer's bundle signature (the producer was its origin): it is checked before
#   this site relays it. The (site, seq) pair is no longer unique: a workspace
#   restored from a backup may have reused numbers, and peers must hold both.
# - A site may publish in several *feeds* (a new one when it finds it was restored or
#   copied), so feed numbers never collide; ``feeds`` says which site owns each one.
#   A revision may be numbered in two feeds (re-issued after a restore).
# - ``roster`` holds signed records that travel in bundles: key rotations,
#   revocations, new feeds. ``site_keys`` holds every key of every site, with
#   whether this site's administrator trusted it by hand (an anchor).
# - ``local_items``: comments, attachments and answers written while what they are
#   about was private; they never leave, even once it is shared.
# The revisions table is rebuilt (SQLite cannot drop a constraint), so this migration
# runs with foreign keys off and checks them before committing.
FOREIGN_KEYS_OFF = "-- foreign keys off"
V5 = [
    FOREIGN_KEYS_OFF,
    """CREATE TABLE revisions_v5 (
        rev_id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        site TEXT NOT NULL REFERENCES sites(id),
        seq INTEGER NOT NULL,
        generation INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        at TEXT NOT NULL,
        author TEXT,
        body TEXT NOT NULL,
        sig TEXT,
        sig_checked INTEGER NOT NULL DEFAULT 0
    )""",
    "INSERT INTO revisions_v5 (rev_id, item_id, site, seq, generation, deleted, at, author, body)"
    " SELECT rev_id, item_id, site, seq, generation, deleted, at, author, body FROM revisions",
    "DROP TABLE revisions",
    "ALTER TABLE revisions_v5 RENAME TO revisions",
    "CREATE INDEX revisions_item ON revisions(item_id)",
    "CREATE INDEX revisions_site_seq ON revisions(site, seq)",
    """CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL REFERENCES sites(id),
        started_at TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    "INSERT INTO feeds (id, site, started_at, reason) SELECT id, id, added_at, 'first' FROM sites",
    """CREATE TABLE feed_v5 (
        origin TEXT NOT NULL REFERENCES feeds(id),
        seq INTEGER NOT NULL,
        rev_id TEXT NOT NULL REFERENCES revisions(rev_id),
        PRIMARY KEY (origin, seq)
    ) WITHOUT ROWID""",
    "INSERT INTO feed_v5 SELECT origin, seq, rev_id FROM feed",
    "DROP TABLE feed",
    "ALTER TABLE feed_v5 RENAME TO feed",
    "CREATE INDEX feed_rev ON feed(rev_id)",
    """CREATE TABLE roster (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        type TEXT NOT NULL,
        record TEXT NOT NULL,
        sig TEXT NOT NULL,
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX roster_site ON roster(site)",
    """CREATE TABLE site_keys (
        site TEXT NOT NULL REFERENCES sites(id),
        key TEXT NOT NULL,
        anchor INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL,
        PRIMARY KEY (site, key)
    ) WITHOUT ROWID""",
    "INSERT INTO site_keys (site, key, anchor, added_at) SELECT id, public_key, 1,"
    " coalesce(trusted_at, added_at) FROM sites WHERE public_key IS NOT NULL",
    "CREATE TABLE local_items (item_id TEXT PRIMARY KEY) WITHOUT ROWID",
    # Revisions published before signatures existed are signed and sent once more in
    # a new feed at the first export, so that peers can relay them.
    "INSERT INTO meta (key, value) SELECT 'reissue', 'signatures' WHERE EXISTS"
    " (SELECT 1 FROM feed f JOIN meta m ON m.key = 'site_id' AND f.origin = m.value)",
]

# Who may do what (copdesk.model.permissions): site administrators are a role of the
# site, kept here and never exchanged; PINs (salted scrypt hashes) and the computer
# logins tied to a person prove who is writing on a shared PC. An upgraded workspace
# makes its current person (else its first local person) the administrator, so
# nobody is locked out.
V6 = [
    """CREATE TABLE site_roles (
        person TEXT NOT NULL,
        role TEXT NOT NULL,
        granted_by TEXT,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (person, role)
    ) WITHOUT ROWID""",
    """CREATE TABLE pins (
        person TEXT PRIMARY KEY,
        salt TEXT NOT NULL,
        hash TEXT NOT NULL,
        params TEXT NOT NULL,
        set_at TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        failed_at TEXT
    )""",
    """CREATE TABLE logins (
        login TEXT PRIMARY KEY,
        person TEXT NOT NULL
    )""",
    """INSERT INTO site_roles (person, role, granted_at)
        SELECT id, 'admin', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM items
        WHERE kind = 'person' AND deleted = 0 AND id = coalesce(
            (SELECT value FROM meta WHERE key = 'current_person'),
            (SELECT i.id FROM items i WHERE i.kind = 'person' AND i.deleted = 0
             AND i.origin_site = (SELECT value FROM meta WHERE key = 'site_id')
             ORDER BY i.created_at, i.id LIMIT 1))""",
]

# Documents (copdesk.documents): the text extracted from each stored file, local to
# this site (never in a bundle: each site extracts, with its own version of the
# readers). ``extracts`` says what was read of a blob (its format, whether text was
# found, what could not be read, as a message code and facts) and ``change`` grows
# with every extraction, so the search index knows what to catch up; ``extract_parts``
# holds the text per page, sheet or heading, with where it came from.
V7 = [
    """CREATE TABLE extracts (
        sha256 TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT,
        facts TEXT NOT NULL DEFAULT '{}',
        pages INTEGER,
        chars INTEGER NOT NULL DEFAULT 0,
        extractor INTEGER NOT NULL,
        at TEXT NOT NULL,
        change INTEGER NOT NULL
    )""",
    "CREATE INDEX extracts_change ON extracts(change)",
    """CREATE TABLE extract_parts (
        sha256 TEXT NOT NULL,
        n INTEGER NOT NULL,
        place TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (sha256, n)
    ) WITHOUT ROWID""",
]

MIGRATIONS: list[list[str]] = [V1, V2, V3, V4, V5, V6, V7]


def steps(version: int, tables: set[str]) -> list[tuple[int, int]]:
    """The migrations that bring a database at ``version`` (holding ``tables``) to the
    last schema: (index in MIGRATIONS, the version it leaves) in order.

    Two branches each numbered their schema 5: for a few weeks copdesk wrote schema 5
    with the roles of V6 (``site_roles``) and without the exchange tables of V5. Such
    a database gets V5 only and is then at 6 (V6 again would fail: its tables exist).
    """
    if version == 5 and "site_roles" in tables and "feeds" not in tables:
        return [(4, 6), *((n, n + 1) for n in range(6, len(MIGRATIONS)))]
    return [(n, n + 1) for n in range(version, len(MIGRATIONS))]
