"""Hostile bundles: each one refused before anything is written, never a traceback.

A source site A (rex with Markdown, an attachment, a comment) exports a valid
bundle; a receiving site B trusts A. Every hostile case is built by hand from
that bundle with ``zipfile`` or raw zip records; the cases that must get past
the signature to test what they test are re-signed with A's real key, with the
manifest's hashes and sizes recomputed. Then 500 random mutations of the valid
bundle: each is refused cleanly or imported completely.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import sqlite3
import struct
import time
import traceback
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import state_digest

from copdesk import Workspace
from copdesk.cli import main
from copdesk.errors import BadInput, UntrustedSite
from copdesk.render import item_html
from copdesk.store import revisions as revs
from copdesk.store.database import SCHEMA_VERSION
from copdesk.sync import keys
from copdesk.sync.bundle import LIMITS, MIMETYPE, BundleError, MiB

SCRIPT_SUMMARY = (
    "Fuite **huile**\n\n<script>alert(1)</script>\n\n"
    '<img src=x onerror="alert(2)">\n\n[lien](javascript:alert(3))'
)

# -- the two sites ---------------------------------------------------------------


@dataclass
class Env:
    root: Path
    a_path: Path
    b_path: Path
    pristine: Path  # a copy of B before any import, to restore it after a success
    valid: bytes  # the bundle A exported
    b: Workspace
    b_digest: str  # state_digest of B as it must stay after every refusal
    reference: tuple[Any, ...]  # B's content after a clean import of the valid bundle
    a_site: str
    b_site: str
    c_bundle: bytes  # a valid bundle from a site B does not trust
    c_path: Path
    counter: list[int] = field(default_factory=lambda: [0])

    def file(self, data: bytes) -> Path:
        self.counter[0] += 1
        path = self.root / "cases" / f"case-{self.counter[0]}.copdesk"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return path

    def restore_b(self) -> None:
        """Put B back as it was before any import (after an import that succeeded)."""
        self.b.close()
        shutil.rmtree(self.b_path)
        shutil.copytree(self.pristine, self.b_path)
        self.b = Workspace.open(self.b_path, index=False)
        assert state_digest(self.b_path) == self.b_digest


def content_of(path: Path) -> tuple[Any, ...]:
    """What an import brings: items, revisions, attachments (not times of the import)."""
    conn = sqlite3.connect(path / "copdesk.db")
    try:
        items = conn.execute(
            "SELECT id, kind, head, title, deleted, conflict FROM items ORDER BY id"
        ).fetchall()
        rev_ids = conn.execute("SELECT rev_id FROM revisions ORDER BY rev_id").fetchall()
        blobs = conn.execute("SELECT sha256, size FROM blobs ORDER BY sha256").fetchall()
    finally:
        conn.close()
    files = sorted(
        (str(f.relative_to(path)), f.read_bytes())
        for f in (path / "blobs").rglob("*")
        if f.is_file()
    )
    return tuple(items), tuple(rev_ids), tuple(blobs), tuple(files)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    a = Workspace.create(root / "a", site="Usine A")
    rex = a.items.add(
        "rex", {"title": "Fuite de vérin", "summary": "Le **vérin** fuyait.\n\n- joint"}
    )
    a.items.add("rex", {"title": "Bourrage", "summary": "# Cause\n\nUn *capteur* encrassé."})
    attached = root / "photo.txt"
    attached.write_bytes(b"joint use, remplace le 12/03\n" * 4)
    a.items.attach(rex["id"], attached)
    a.items.comment(rex["id"], "Vu aussi à *Lyon*.")
    bundle = root / "a.copdesk"
    a.sync.export(bundle)
    ident = a.sites.identity()
    a.close()

    c = Workspace.create(root / "c", site="Usine C")
    c.items.add("rex", {"title": "Inconnu", "summary": "d'un site inconnu"})
    c_bundle = root / "c.copdesk"
    c.sync.export(c_bundle)
    c.close()

    b = Workspace.create(root / "b", site="Usine B")
    b.sites.trust(ident["site_id"], ident["key"], ident["name"])
    b_site = b.site_id
    b.close()
    pristine = root / "b-pristine"
    shutil.copytree(root / "b", pristine)

    ref = root / "b-reference"
    shutil.copytree(pristine, ref)
    with Workspace.open(ref, index=False) as r:
        done = r.sync.import_bundle(bundle)
        assert done["new"] == 4 and done["attachments"] == 1
        assert r.check() == []
    reference = content_of(ref)

    e = Env(
        root=root,
        a_path=root / "a",
        b_path=root / "b",
        pristine=pristine,
        valid=bundle.read_bytes(),
        b=Workspace.open(root / "b", index=False),
        b_digest=state_digest(root / "b"),
        reference=reference,
        a_site=ident["site_id"],
        b_site=b_site,
        c_bundle=c_bundle.read_bytes(),
        c_path=root / "c",
    )
    yield e
    e.b.close()


# -- building bundles by hand ----------------------------------------------------


@dataclass
class Parts:
    """The valid bundle taken apart, to change one thing and put it back together."""

    manifest: dict[str, Any]
    lines: list[dict[str, Any]]
    blobs: dict[str, bytes]

    @classmethod
    def of(cls, data: bytes) -> Parts:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            lines = [json.loads(x) for x in zf.read("revisions.jsonl").splitlines()]
            blobs = {n[6:]: zf.read(n) for n in zf.namelist() if n.startswith("blobs/")}
        return cls(manifest, lines, blobs)

    def line_of(self, kind: str) -> dict[str, Any]:
        return next(x for x in self.lines if x["revision"]["kind"] == kind)

    def jsonl(self) -> bytes:
        return b"".join((revs.dump(x) + "\n").encode() for x in self.lines)


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode()


def sign(env: Env, raw: bytes, key_of: Path | None = None) -> bytes:
    return keys.sign(key_of or env.a_path, raw).encode("ascii")


def entry_list(
    env: Env,
    parts: Parts,
    *,
    jsonl: bytes | None = None,
    blobs: dict[str, bytes] | None = None,
    refresh: bool = True,
    manifest: bytes | None = None,
    signature: bytes | None = None,
) -> list[tuple[str, bytes]]:
    """(name, bytes) of a whole bundle; ``refresh`` recomputes files and counts and re-signs."""
    jsonl = parts.jsonl() if jsonl is None else jsonl
    blobs = parts.blobs if blobs is None else blobs
    m = json.loads(json.dumps(parts.manifest))
    if refresh:
        files = {
            "revisions.jsonl": {"sha256": hashlib.sha256(jsonl).hexdigest(), "size": len(jsonl)}
        }
        for sha, data in sorted(blobs.items()):
            files[f"blobs/{sha}"] = {"sha256": sha, "size": len(data)}
        m["files"] = files
        m["counts"] = {**m["counts"], "revisions": len(parts.lines), "attachments": len(blobs)}
    raw = manifest_bytes(m) if manifest is None else manifest
    if signature is None:
        signature = sign(env, raw) if refresh else _original_signature(env)
    out = [("mimetype", MIMETYPE), ("manifest.json", raw), ("signature", signature)]
    out.append(("revisions.jsonl", jsonl))
    out += [(f"blobs/{sha}", data) for sha, data in sorted(blobs.items())]
    return out


def _original_signature(env: Env) -> bytes:
    with zipfile.ZipFile(io.BytesIO(env.valid)) as zf:
        return zf.read("signature")


def zip_of(
    entries: list[tuple[str, bytes]],
    *,
    stored: tuple[str, ...] = ("mimetype", "signature"),
    attrs: dict[str, int] | None = None,
) -> bytes:
    """A zip written by ``zipfile`` (duplicates allowed: its warning is silenced)."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name"
        with zipfile.ZipFile(out, "w") as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
                info.external_attr = (attrs or {}).get(name, 0o644 << 16)
                zf.writestr(info, data)
    return out.getvalue()


def rev_id(revision: dict[str, Any]) -> str:
    return hashlib.sha256(revs.dump(revision).encode()).hexdigest()


def resign(env: Env, parts: Parts, key_of: Path | None = None) -> None:
    """Give every revision a signature by A (or ``key_of``'s key) over its id."""
    for line in parts.lines:
        if isinstance(line, dict) and isinstance(line.get("revision"), dict) and "sig" in line:
            line["sig"] = keys.sign(key_of or env.a_path, rev_id(line["revision"]).encode())


def signed(
    env: Env,
    change: Callable[[Parts], None] | None = None,
    *,
    sign_revisions: bool = True,
    **kw: Any,
) -> bytes:
    """The valid bundle with ``change`` applied to its parts, its revisions signed again by
    A (unless ``sign_revisions`` is false), re-hashed and re-signed."""
    parts = Parts.of(env.valid)
    if change is not None:
        change(parts)
    if sign_revisions:
        resign(env, parts)
    return zip_of(entry_list(env, parts, **kw))


# raw zip records, for what zipfile will not write -----------------------------

_LFH = struct.Struct("<4s5H3L2H")
_CDH = struct.Struct("<4s6H3L5H2L")
_EOCD = struct.Struct("<4s4H2LH")


@dataclass
class Raw:
    name: bytes
    data: bytes  # as stored in the file
    size: int  # uncompressed size
    crc: int
    method: int = 0
    flags: int = 0
    attr: int = 0o644 << 16


def raw_entry(name: str, data: bytes, deflate: bool = False, **kw: Any) -> Raw:
    stored = data
    if deflate:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        stored = c.compress(data) + c.flush()
    return Raw(name.encode(), stored, len(data), zlib.crc32(data), 8 if deflate else 0, **kw)


def lfh(r: Raw) -> bytes:
    return (
        _LFH.pack(
            b"PK\x03\x04", 20, r.flags, r.method, 0, 0x21, r.crc, len(r.data), r.size,
            len(r.name), 0,
        )
        + r.name
    )  # fmt: skip


def cdh(r: Raw, offset: int, csize: int | None = None, size: int | None = None) -> bytes:
    return (
        _CDH.pack(
            b"PK\x01\x02", 20, 20, r.flags, r.method, 0, 0x21, r.crc,
            len(r.data) if csize is None else csize, r.size if size is None else size,
            len(r.name), 0, 0, 0, 0, r.attr, offset,
        )
        + r.name
    )  # fmt: skip


def eocd(count: int, cd_size: int, cd_offset: int) -> bytes:
    return _EOCD.pack(b"PK\x05\x06", 0, 0, count, count, cd_size, cd_offset, 0)


def raw_zip(entries: list[Raw], lie: dict[bytes, tuple[int, int]] | None = None) -> bytes:
    """Entries one after another; ``lie`` puts other (compressed, full) sizes in the directory."""
    body, directory = b"", b""
    for r in entries:
        csize, size = (lie or {}).get(r.name, (None, None))
        directory += cdh(r, len(body), csize, size)
        body += lfh(r) + r.data
    return body + directory + eocd(len(entries), len(directory), len(body))


def raw_front(env: Env) -> list[Raw]:
    """mimetype, manifest and signature of the valid bundle, as raw entries."""
    with zipfile.ZipFile(io.BytesIO(env.valid)) as zf:
        return [
            raw_entry("mimetype", MIMETYPE),
            raw_entry("manifest.json", zf.read("manifest.json"), deflate=True),
            raw_entry("signature", zf.read("signature")),
        ]


def patch_central(data: bytes, name: str, at: int, fmt: str, fn: Callable[[int], int]) -> bytes:
    """Change the field at offset ``at`` of ``name``'s central directory record."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pos = zf.start_dir  # type: ignore[attr-defined]
    buf = bytearray(data)
    while buf[pos : pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<3H", buf, pos + 28)
        if buf[pos + 46 : pos + 46 + n] == name.encode():
            struct.pack_into(fmt, buf, pos + at, fn(struct.unpack_from(fmt, buf, pos + at)[0]))
            return bytes(buf)
        pos += 46 + n + m + k
    raise AssertionError(f"no {name} in the central directory")


# -- the hostile cases -------------------------------------------------------------


def with_extra_entry(name: str) -> Callable[[Env], bytes]:
    def build(env: Env) -> bytes:
        parts = Parts.of(env.valid)
        return zip_of([*entry_list(env, parts), (name, b"owned\n")])

    return build


def case_symlink(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    return zip_of(entry_list(env, parts), attrs={f"blobs/{sha}": 0o120777 << 16})


def case_duplicate(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    entries = entry_list(env, parts)
    return zip_of([*entries, ("revisions.jsonl", b"{}\n")])


def case_encrypted(env: Env) -> bytes:
    return patch_central(signed(env), "revisions.jsonl", 8, "<H", lambda flags: flags | 0x1)


def case_ratio_bomb(env: Env) -> bytes:
    zeros = bytes(2 * MiB)
    sha = hashlib.sha256(zeros).hexdigest()
    return signed(env, blobs={**Parts.of(env.valid).blobs, sha: zeros})


def case_overlap_bomb(env: Env) -> bytes:
    """Fifield's overlapping files: each entry's data is the next entry, header and all."""
    kernel = b"x" * 64
    names = ["revisions.jsonl"] + [f"blobs/{i:064x}" for i in range(1, 8)]
    datas: list[bytes] = []
    following = kernel
    headers: list[Raw] = []
    for name in reversed(names):
        r = raw_entry(name, following)
        headers.insert(0, r)
        datas.insert(0, following)
        following = lfh(r) + following
    front = raw_front(env)
    body, directory = b"", b""
    for r in front:
        directory += cdh(r, len(body))
        body += lfh(r) + r.data
    for r in headers:
        directory += cdh(r, len(body))
        body += lfh(r)  # its data is what follows: the next headers, then the kernel
    body += kernel
    count = len(front) + len(headers)
    return body + directory + eocd(count, len(directory), len(body))


def case_same_local_header(env: Env) -> bytes:
    """Two directory records pointing at one local header (the plain overlap)."""
    front = raw_front(env)
    jsonl = raw_entry("revisions.jsonl", b"{}\n")
    blob = raw_entry("blobs/" + "1" * 64, b"{}\n")
    body, directory = b"", b""
    for r in [*front, jsonl]:
        directory += cdh(r, len(body))
        body += lfh(r) + r.data
    directory += cdh(blob, len(body) - len(lfh(jsonl) + jsonl.data))
    return body + directory + eocd(5, len(directory), len(body))


def case_bzip2(env: Env) -> bytes:
    return patch_central(signed(env), "revisions.jsonl", 10, "<H", lambda _: 12)


def case_too_many_entries(env: Env) -> bytes:
    r = raw_entry("x", b"")
    one_lfh, count = lfh(r), LIMITS["entries"] + 1
    body = one_lfh * count
    directory = b"".join(cdh(r, i * len(one_lfh)) for i in range(count))
    return body + directory + eocd(0xFFFF, len(directory), len(body))


def case_big_manifest(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    entries = entry_list(env, parts)
    entries[1] = ("manifest.json", entries[1][1] + b" " * MiB)
    return zip_of(entries)


def case_big_attachment(env: Env) -> bytes:
    """The directory claims 100 MiB + 1 (at a ratio under 100:1): refused before reading."""
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    blob = raw_entry(f"blobs/{sha}", parts.blobs[sha])
    entries = [*raw_front(env), raw_entry("revisions.jsonl", parts.jsonl(), deflate=True), blob]
    return raw_zip(entries, lie={blob.name: (2 * MiB, LIMITS["attachment"] + 1)})


def case_big_total(env: Env) -> bytes:
    blobs = [raw_entry(f"blobs/{i:064x}", b"") for i in range(1, 23)]
    lie = {r.name: (MiB, 99 * MiB) for r in blobs}
    parts = Parts.of(env.valid)
    return raw_zip([*raw_front(env), raw_entry("revisions.jsonl", parts.jsonl()), *blobs], lie)


def case_into_directory(env: Env) -> bytes:
    """The last entry's compressed size runs into the central directory."""
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    blob = raw_entry(f"blobs/{sha}", parts.blobs[sha])
    entries = [*raw_front(env), raw_entry("revisions.jsonl", parts.jsonl()), blob]
    return raw_zip(entries, lie={blob.name: (len(blob.data) + 40, blob.size)})


def case_mimetype_not_first(env: Env) -> bytes:
    entries = entry_list(env, Parts.of(env.valid))
    return zip_of([entries[1], entries[0], *entries[2:]])


def case_mimetype_wrong(env: Env) -> bytes:
    entries = entry_list(env, Parts.of(env.valid))
    return zip_of([("mimetype", b"application/zip"), *entries[1:]])


def case_mimetype_deflated(env: Env) -> bytes:
    return zip_of(entry_list(env, Parts.of(env.valid)), stored=("signature",))


def case_no_manifest(env: Env) -> bytes:
    entries = entry_list(env, Parts.of(env.valid))
    return zip_of([e for e in entries if e[0] != "manifest.json"])


def case_listed_not_present(env: Env) -> bytes:
    entries = entry_list(env, Parts.of(env.valid), refresh=False)
    return zip_of([e for e in entries if not e[0].startswith("blobs/")])


def case_present_not_listed(env: Env) -> bytes:
    entries = entry_list(env, Parts.of(env.valid), refresh=False)
    return zip_of([*entries, ("blobs/" + "e" * 64, b"stowaway")])


def case_blob_not_its_name(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    return signed(env, blobs={sha: b"not the bytes of this hash"})


def case_blob_same_size_other_bytes(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    data = parts.blobs[sha]
    entries = entry_list(env, parts, refresh=False)
    return zip_of([e if e[0] != f"blobs/{sha}" else (e[0], data[::-1]) for e in entries])


def case_blob_listed_under_other_hash(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    (sha,) = parts.blobs
    entries = entry_list(env, parts)
    m = json.loads(entries[1][1])
    m["files"][f"blobs/{sha}"]["sha256"] = "0" * 64
    raw = manifest_bytes(m)
    return zip_of([entries[0], ("manifest.json", raw), ("signature", sign(env, raw)), *entries[3:]])


def case_orphan_attachment(env: Env) -> bytes:
    extra = b"an attachment no revision names"
    sha = hashlib.sha256(extra).hexdigest()
    return signed(env, blobs={**Parts.of(env.valid).blobs, sha: extra})


def case_missing_parent(env: Env) -> bytes:
    def change(p: Parts) -> None:
        first = p.line_of("rex")
        rev = dict(first["revision"], op="edit", parents=["ab" * 32], seq=99)
        rev["content"] = dict(rev["content"], title="Fuite de vérin (suite)")
        p.lines.append(next_line(p, rev))

    return signed(env, change)


def next_line(p: Parts, revision: dict[str, Any]) -> dict[str, Any]:
    """A line after the last one of A's feed (its signature is set by ``signed``)."""
    return {"feed": p.lines[0]["feed"], "n": len(p.lines) + 1, "revision": revision, "sig": ""}


def case_same_feed_number(env: Env) -> bytes:
    def change(p: Parts) -> None:
        p.lines[-1]["n"] = p.lines[0]["n"]

    return signed(env, change)


def case_count_mismatch(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    entries = entry_list(env, parts)
    m = json.loads(entries[1][1])
    m["counts"]["revisions"] += 1
    raw = manifest_bytes(m)
    return zip_of([entries[0], ("manifest.json", raw), ("signature", sign(env, raw)), *entries[3:]])


def manifest_change(fn: Callable[[dict[str, Any]], None]) -> Callable[[Env], bytes]:
    """A manifest changed by ``fn`` and re-signed with A's key."""

    def build(env: Env) -> bytes:
        return signed(env, lambda p: fn(p.manifest))

    return build


def raw_manifest(raw: bytes) -> Callable[[Env], bytes]:
    def build(env: Env) -> bytes:
        parts = Parts.of(env.valid)
        return zip_of(entry_list(env, parts, manifest=raw, signature=sign(env, raw)))

    return build


def raw_line(text: bytes, at: int = 0) -> Callable[[Env], bytes]:
    """Replace line ``at`` of revisions.jsonl by ``text``, re-hash and re-sign."""

    def build(env: Env) -> bytes:
        parts = Parts.of(env.valid)
        lines = parts.jsonl().splitlines(keepends=True)
        lines[at] = text + b"\n"
        return zip_of(entry_list(env, parts, jsonl=b"".join(lines)))

    return build


def revision_change(
    fn: Callable[[dict[str, Any]], None], kind: str = "rex"
) -> Callable[[Env], bytes]:
    def build(env: Env) -> bytes:
        return signed(env, lambda p: fn(p.line_of(kind)["revision"]))

    return build


def case_deep_line(env: Env) -> bytes:
    def change(p: Parts) -> None:
        deep: Any = "fond"
        for _ in range(40):
            deep = [deep]
        p.line_of("rex")["revision"]["content"]["tags"] = deep

    return signed(env, change)


def case_over_long_line(env: Env) -> bytes:
    """One line of 4 MiB + 1, stored so that no ratio check refuses it first."""
    parts = Parts.of(env.valid)
    filler = b"a" * (LIMITS["line"] + 1)
    jsonl = b'{"feed":1,"revision":"' + filler + b'"}\n' + parts.jsonl()
    return zip_of(
        entry_list(env, parts, jsonl=jsonl), stored=("mimetype", "signature", "revisions.jsonl")
    )


def case_wrong_jsonl_hash(env: Env) -> bytes:
    """A valid line changed after signing (same size): only the hash betrays it."""
    parts = Parts.of(env.valid)
    entries = entry_list(env, parts, refresh=False)
    jsonl = entries[3][1]
    assert b"Bourrage" in jsonl
    entries[3] = ("revisions.jsonl", jsonl.replace(b"Bourrage", b"Bourrags"))
    return zip_of(entries)


def case_no_final_newline(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    return zip_of(entry_list(env, parts, jsonl=parts.jsonl().rstrip(b"\n")))


def case_altered_manifest(env: Env) -> bytes:
    """Producer name changed after signing: the old signature no longer fits."""
    parts = Parts.of(env.valid)
    parts.manifest["producer"]["name"] = "Usine A (vraiment)"
    entries = entry_list(env, parts, refresh=False, manifest=manifest_bytes(parts.manifest))
    return zip_of(entries)


def case_garbage_signature(env: Env) -> bytes:
    return zip_of(entry_list(env, Parts.of(env.valid), signature=b"bm90IGEgc2lnbmF0dXJl"))


def case_signed_by_other_key(env: Env) -> bytes:
    """Claims to be A (right key and fingerprint in the manifest) but signed by C."""
    parts = Parts.of(env.valid)
    raw = manifest_bytes(parts.manifest)
    return zip_of(
        entry_list(env, parts, refresh=False, manifest=raw, signature=sign(env, raw, env.c_path))
    )


def case_unknown_site(env: Env) -> bytes:
    return env.c_bundle


def case_a_site_with_c_key(env: Env) -> bytes:
    """A's site id with C's key, fingerprint and signature: not the key B trusts for A."""
    with zipfile.ZipFile(io.BytesIO(env.c_bundle)) as zf:
        c_producer = json.loads(zf.read("manifest.json"))["producer"]
    parts = Parts.of(env.valid)
    parts.manifest["producer"] = dict(c_producer, site=env.a_site, name="Usine A")
    entries = entry_list(env, parts)
    raw = entries[1][1]
    entries[2] = ("signature", sign(env, raw, env.c_path))
    return zip_of(entries)


def case_claims_this_site(env: Env) -> bytes:
    parts = Parts.of(env.valid)
    parts.manifest["producer"]["site"] = env.b_site
    return zip_of(entry_list(env, parts))


def _deep_manifest() -> bytes:
    return b'{"format":1,"schema":1,"x":' + b"[" * 40 + b"]" * 40 + b"}"


# name: (builder, what the message must say, exit code)
CASES: dict[str, tuple[Callable[[Env], bytes], str, int]] = {
    # names and entry types
    "traversal-dotdot": (with_extra_entry("../x"), "unexpected entry '../x'", 2),
    "traversal-absolute": (with_extra_entry("/x"), "unexpected entry '/x'", 2),
    "traversal-drive": (with_extra_entry("C:\\x"), "unexpected entry", 2),
    "traversal-backslash": (with_extra_entry("..\\x"), "unexpected entry", 2),
    "traversal-in-blobs": (with_extra_entry("blobs/../../x"), "unexpected entry", 2),
    "directory-entry": (with_extra_entry("blobs/"), "unexpected entry", 2),
    "symlink": (case_symlink, "symbolic link", 2),
    "duplicate-entry": (case_duplicate, "appears twice", 2),
    "encrypted": (case_encrypted, "encrypted", 2),
    "unsupported-compression": (case_bzip2, "unsupported compression", 2),
    # sizes and bombs
    "ratio-bomb": (case_ratio_bomb, "expands more than 100:1", 2),
    "overlap-bomb": (case_overlap_bomb, "overlaps", 2),
    "same-local-header": (case_same_local_header, "different name in its local header", 2),
    "into-zip-directory": (case_into_directory, "overlap the zip directory", 2),
    "too-many-entries": (case_too_many_entries, "more than 50,000 entries", 2),
    "manifest-over-1MiB": (case_big_manifest, "'manifest.json' is larger than 1,048,576", 2),
    "attachment-over-100MiB": (case_big_attachment, "larger than 104,857,600 bytes", 2),
    "total-over-2GiB": (case_big_total, "more than 2048 MiB uncompressed", 2),
    "not-a-zip": (lambda env: b"PK\x03\x04 not really a zip" * 10, "not a readable zip", 2),
    "empty-file": (lambda env: b"", "not a readable zip", 2),
    # layout
    "mimetype-not-first": (case_mimetype_not_first, "no mimetype entry first", 2),
    "mimetype-wrong": (case_mimetype_wrong, "wrong mimetype", 2),
    "mimetype-compressed": (case_mimetype_deflated, "wrong mimetype", 2),
    "no-manifest": (case_no_manifest, "missing manifest.json", 2),
    "listed-not-present": (case_listed_not_present, "in the manifest or the zip but not both", 2),
    "present-not-listed": (case_present_not_listed, "in the manifest or the zip but not both", 2),
    "blob-not-its-name": (case_blob_not_its_name, "does not match its hash", 2),
    "blob-bytes-changed": (case_blob_same_size_other_bytes, "does not match its hash", 2),
    "blob-listed-other-hash": (case_blob_listed_under_other_hash, "listed under another hash", 2),
    "orphan-attachment": (case_orphan_attachment, "attachment that no revision refers to", 2),
    "same-feed-number": (case_same_feed_number, "two revisions under one number", 2),
    "count-mismatch": (case_count_mismatch, "differs from the manifest's count", 2),
    # JSON
    "deep-json-line": (case_deep_line, "nested deeper than 32 levels", 2),
    "deep-json-recursion": (raw_line(b"[" * 100_000 + b"]" * 100_000), "nested deeper", 2),
    "deep-json-manifest": (raw_manifest(_deep_manifest()), "manifest.json is nested deeper", 2),
    "huge-number": (raw_line(b'{"feed":' + b"9" * 5000 + b',"revision":{}}'), "not valid JSON", 2),
    "number-over-2^53": (
        raw_line(
            b'{"feed":"3f2a6f0e-1111-4222-8333-944455556666","n":18446744073709551616,'
            b'"revision":{},"sig":""}'
        ),
        "invalid feed number",
        2,
    ),
    "float": (raw_line(b'{"feed":1e999,"revision":{}}'), "fractional number", 2),
    "nan": (raw_line(b'{"feed":NaN,"revision":{}}'), "NaN is not allowed", 2),
    "repeated-key": (raw_line(b'{"feed":1,"feed":2,"revision":{}}'), "repeats a key", 2),
    "over-long-line": (case_over_long_line, "over 4 MiB", 2),
    "invalid-utf8-line": (raw_line(b'{"feed":1,"revision":"\xff\xfe"}'), "not valid UTF-8", 2),
    "invalid-utf8-manifest": (raw_manifest(b'{"format":1,"x":"\xc3\x28"}'), "not valid UTF-8", 2),
    "no-final-newline": (case_no_final_newline, "does not end with a newline", 2),
    # hashes, signatures, trust
    "wrong-hash": (case_wrong_jsonl_hash, "does not match the hash in the manifest", 2),
    "bad-signature-altered": (case_altered_manifest, "bad signature", 2),
    "bad-signature-garbage": (case_garbage_signature, "bad signature", 2),
    "signed-by-other-key": (case_signed_by_other_key, "bad signature", 2),
    "unknown-site": (case_unknown_site, "does not trust", 1),
    "known-site-other-key": (case_a_site_with_c_key, "different key than the trusted one", 1),
    "claims-this-site": (case_claims_this_site, "claims to come from this site", 2),
    # versions and unknown fields
    "newer-schema": (
        manifest_change(lambda m: m.update(schema=SCHEMA_VERSION + 1)),
        "upgrade copdesk",
        2,
    ),
    "newer-bundle-format": (manifest_change(lambda m: m.update(format=3)), "upgrade copdesk", 2),
    "newer-revision-format": (revision_change(lambda r: r.update(v=2)), "upgrade copdesk", 2),
    "unknown-manifest-field": (
        manifest_change(lambda m: m.update(hint="run me")),
        "unknown field 'hint'",
        2,
    ),
    "unknown-revision-field": (
        revision_change(lambda r: r.update(script="x")),
        "unknown or missing revision field 'script'",
        2,
    ),
    "unknown-content-field": (
        revision_change(lambda r: r["content"].update(payload="x")),
        "payload",
        2,
    ),
    "unknown-line-field": (
        lambda env: signed(env, lambda p: p.lines[0].update(extra=1)),
        "expected exactly the fields feed, n, revision, sig",
        2,
    ),
    "unknown-kind": (revision_change(lambda r: r.update(kind="macro")), "unknown kind", 2),
    "content-not-canonical": (
        revision_change(lambda r: r["content"].update(title="  Fuite  ")),
        "canonical",
        2,
    ),
}


def leftovers(env: Env) -> list[Path]:
    staging = env.b_path / "staging"
    return list(staging.iterdir()) if staging.exists() else []


def refuse(env: Env, data: bytes) -> BadInput | UntrustedSite:
    """Import ``data`` into B; it must be refused with B left exactly as it was."""
    path = env.file(data)
    try:
        env.b.sync.import_bundle(path)
    except (BadInput, UntrustedSite) as exc:
        assert state_digest(env.b_path) == env.b_digest, "a refused bundle wrote something"
        assert not leftovers(env), "staging files left behind"
        return exc
    env.restore_b()
    pytest.fail("the bundle was imported")


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 20


def test_valid_bundle_imports(env):
    """The base every case is built from is itself fine (so each refusal is the case's)."""
    for rebuilt in (env.valid, signed(env)):
        env.b.sync.import_bundle(env.file(rebuilt))
        assert content_of(env.b_path) == env.reference
        env.restore_b()


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_bundle_refused(env, name, capsys):
    build, reason, code = CASES[name]
    data = build(env)
    assert len(data) < 6 * MiB
    exc = refuse(env, data)
    assert reason in str(exc)
    assert type(exc) is (UntrustedSite if code == 1 else BundleError)

    capsys.readouterr()
    got = main(["--workspace", str(env.b_path), "import", str(env.file(data))])
    out, err = capsys.readouterr()
    assert got == code
    assert out == ""
    assert err.startswith("copdesk: ") and err.count("\n") == 1, err
    assert reason in err
    assert "Traceback" not in err and "internal error" not in err
    assert state_digest(env.b_path) == env.b_digest


def test_a_revision_whose_parent_is_nowhere_is_held_back(env):
    """Not refused: a peer that did not know this site was restored sends revisions on
    parents this site lost; they wait (nothing of them written) and come again."""
    path = env.file(case_missing_parent(env))
    try:
        done = env.b.sync.import_bundle(path)
        assert [h["reason"] for h in done["held_back"]] == ["missing"]
        assert content_of(env.b_path) == env.reference  # the rest, as the valid bundle
    finally:
        env.restore_b()


def test_python_zipfile_alone_accepts_the_overlap_bomb(env):
    """Why copdesk checks the layout itself: zipfile reads the overlapping entries happily."""
    bomb = case_overlap_bomb(env)
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        assert zf.testzip() is None
        sizes = [i.file_size for i in zf.infolist()[3:]]
    assert sum(sizes) > len(bomb)  # more out than in, and it grows with the square of entries


# -- HTML in Markdown: stored as written, rendered inert ---------------------------


def test_script_in_markdown_is_stored_but_rendered_inert(env, tmp_path, capsys):
    item = "5c1e0f3a-1b2c-4d5e-8f90-a1b2c3d4e5f6"

    def change(p: Parts) -> None:
        rex = p.line_of("rex")
        body = dict(rex["revision"], item=item, seq=50)
        body["content"] = dict(body["content"], title="Piège", summary=SCRIPT_SUMMARY)
        p.lines.append(next_line(p, body))
        comment = p.line_of("comment")
        body = dict(comment["revision"], item="6d2f1a4b-2c3d-4e5f-9a01-b2c3d4e5f607", seq=51)
        body["content"] = dict(body["content"], target=item, body="<script>alert(4)</script>")
        p.lines.append(next_line(p, body))

    d_path = tmp_path / "d"
    shutil.copytree(env.pristine, d_path)
    with Workspace.open(d_path, index=False) as d:
        done = d.sync.import_bundle(env.file(signed(env, change)))
        assert done["new"] == 6
        shown = d.items.get(item)
        assert shown["summary"] == SCRIPT_SUMMARY  # stored as written
        page = item_html(shown, "fr")
    capsys.readouterr()
    assert main(["--workspace", str(d_path), "show", item, "--html"]) == 0
    cli_page = capsys.readouterr().out
    for html in (page, cli_page):
        lowered = html.lower()
        assert "<script" not in lowered
        assert "onerror" not in lowered
        assert "javascript:" not in lowered
        assert "<strong>huile</strong>" in html  # the Markdown itself still renders


# -- mutation fuzz -------------------------------------------------------------------


def hot_spots(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of the local headers, the central directory and its end record."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        spans = [(i.header_offset, i.header_offset + 30 + len(i.filename)) for i in zf.infolist()]
        spans.append((zf.start_dir, len(data)))  # type: ignore[attr-defined]
    return spans


def mutate(data: bytes, rng: random.Random, spots: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)

    def where() -> int:
        lo, hi = rng.choice(spots) if rng.random() < 0.7 else (0, len(buf))
        hi = min(hi, len(buf))
        return rng.randrange(min(lo, hi - 1), hi)

    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if not buf:
            break
        op = rng.randrange(8)
        at = where()
        if op == 0:  # flip bits
            buf[at] ^= rng.randrange(1, 256)
        elif op == 1:  # an interesting byte
            buf[at] = rng.choice((0x00, 0xFF, 0x7F, 0x80, 0x01))
        elif op == 2:  # an interesting 16/32-bit value
            width = rng.choice((2, 4))
            value = rng.choice((0, 1, 0xFFFF, 0x7FFF, 0xFFFFFFFF, 0x7FFFFFFF, len(buf)))
            chunk = (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
            buf[at : at + width] = chunk
        elif op == 3:  # truncate
            del buf[at:]
        elif op == 4:  # insert random bytes
            buf[at:at] = rng.randbytes(rng.randrange(1, 24))
        elif op == 5:  # delete a range
            del buf[at : at + rng.randrange(1, 64)]
        elif op == 6:  # duplicate a range
            start = rng.randrange(len(buf))
            piece = buf[start : start + rng.randrange(1, 128)]
            buf[at:at] = piece
        else:  # copy a range over another (e.g. one header over another)
            start = rng.randrange(len(buf))
            piece = buf[start : start + rng.randrange(1, 64)]
            buf[at : at + len(piece)] = piece
    return bytes(buf)


def test_mutated_bundles_refused_cleanly_or_imported_whole(env):
    rng = random.Random(20240611)
    spots = hot_spots(env.valid)
    path = env.root / "mutant.copdesk"
    outcomes: dict[str, int] = {}
    failures = []
    started = time.perf_counter()
    for case in range(500):
        data = mutate(env.valid, rng, spots)
        path.write_bytes(data)
        try:
            env.b.sync.import_bundle(path)
        except (BadInput, UntrustedSite) as exc:
            reason = str(exc).split("(")[0][:50]
            outcomes[reason] = outcomes.get(reason, 0) + 1
            if state_digest(env.b_path) != env.b_digest:
                failures.append(f"case {case}: refused ({exc}) but B changed")
                env.restore_b()
        except Exception as exc:
            failures.append(f"case {case}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
            (env.root / f"failing-{case}.copdesk").write_bytes(data)
            if state_digest(env.b_path) != env.b_digest:
                env.restore_b()
        else:
            outcomes["imported"] = outcomes.get("imported", 0) + 1
            if content_of(env.b_path) != env.reference:
                failures.append(f"case {case}: imported, but not the valid bundle's content")
            env.restore_b()
        if leftovers(env):
            failures.append(f"case {case}: staging files left behind")
            shutil.rmtree(env.b_path / "staging")
    took = time.perf_counter() - started
    kinds = sorted({f.split(": ", 1)[1].splitlines()[0] for f in failures})
    assert not failures, f"{len(failures)} failures of {len(kinds)} kinds: {kinds}\n" + "\n".join(
        failures[:3]
    )
    assert sum(outcomes.values()) == 500
    assert len(outcomes) > 10, outcomes  # the mutations reach many different checks
    assert outcomes.get("imported", 0) > 0, outcomes  # some harmless ones (zip metadata)
    assert took < 40, f"500 mutations took {took:.1f} s"
