"""The bundle file: a signed zip of revisions and attachments, read defensively.

Layout (in this order): ``mimetype`` (stored, first), ``manifest.json``,
``signature`` (Ed25519 over the manifest bytes), ``revisions.jsonl``, then
``blobs/<sha256>`` for each attachment. The manifest names the SHA-256 and size
of every other entry, so one signature covers the whole bundle.

A bundle comes from another computer and may be damaged or hostile. Reading it
never extracts anything: the zip directory is checked entry by entry before any
content is read (names, duplicates, types, encryption, compression, sizes,
ratios, overlapping entries, which this Python's ``zipfile`` does not check),
then every entry is streamed with byte caps and hashed as it streams.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from copdesk.errors import BadInput
from copdesk.model.message import msg

MIMETYPE = b"application/vnd.copdesk.bundle"
FORMAT = 2  # bundle layout; newer is refused with "upgrade copdesk"; 1 is still read
EXTENSION = ".copdesk"

MiB = 1024 * 1024
LIMITS = {
    "bundle": 512 * MiB,  # the file as carried
    "entries": 50_000,
    "manifest": 1 * MiB,
    "signature": 1024,
    "line": 4 * MiB,  # one JSON line of revisions.jsonl
    "attachment": 100 * MiB,
    "total": 2048 * MiB,  # all entries uncompressed
    "ratio": 100,  # uncompressed:compressed, for entries over 1 MiB
    "depth": 32,  # JSON nesting
}
_RATIO_FROM = 1 * MiB
_CHUNK = 1024 * 1024

_BLOB = re.compile(r"blobs/[0-9a-f]{64}")
_FIXED = ("mimetype", "manifest.json", "signature", "revisions.jsonl")
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


class BundleError(BadInput):
    """The bundle is refused; nothing was written (exit 2, one line)."""


def _refuse(reason: str, code: str | None = None, **facts: Any) -> BundleError:
    """A refused bundle, in one line. ``code`` (with its facts) names the reason in the
    message catalogue, for the window to say it in its language (the frequent ones:
    a half-copied file, a newer copdesk, a file that is not a bundle)."""
    why: Any = msg(code, **facts) if code else reason
    return BundleError(f"bundle refused: {reason}", code="bundle.refused", facts={"reason": why})


# -- strict JSON ---------------------------------------------------------------


def _no_float(text: str) -> Any:
    raise ValueError(f"a fractional number ({text[:20]}) where only whole numbers are allowed")


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("an object repeats a key")
    return out


def depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, without recursion."""
    best, todo = 0, [(value, 1)]
    while todo:
        v, d = todo.pop()
        if isinstance(v, dict | list):
            best = max(best, d)
            todo.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))
    return best


def strict_json(data: bytes | str, what: str) -> Any:
    """Parse JSON that came from outside: UTF-8, no floats, NaN, duplicate keys, deep nesting."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = json.loads(
            text,
            parse_float=_no_float,
            parse_constant=_no_constant,
            object_pairs_hook=_no_duplicates,
        )
    except UnicodeDecodeError:
        raise _refuse(f"{what} is not valid UTF-8") from None
    except RecursionError:
        raise _refuse(f"{what} is nested deeper than {LIMITS['depth']} levels") from None
    except ValueError as exc:  # JSONDecodeError, huge integers, our hooks
        raise _refuse(f"{what} is not valid JSON ({str(exc).splitlines()[0][:80]})") from None
    if depth(value) > LIMITS["depth"]:
        raise _refuse(f"{what} is nested deeper than {LIMITS['depth']} levels")
    return value


# -- writing -------------------------------------------------------------------


@dataclass
class BundleWriter:
    """Writes a bundle to a temporary name; :meth:`finish` signs and renames it."""

    target: Path
    workdir: Path
    lines: int = 0
    blobs: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._jsonl_path = self.workdir / "revisions.jsonl"
        self._jsonl = open(self._jsonl_path, "wb")  # noqa: SIM115 - closed in finish()
        self._digest = hashlib.sha256()
        self._size = 0
        self._blob_paths: dict[str, tuple[Path, bool]] = {}

    def add_line(self, line: str) -> None:
        raw = line.encode("utf-8") + b"\n"
        self._jsonl.write(raw)
        self._digest.update(raw)
        self._size += len(raw)
        self.lines += 1

    def add_blob(self, sha256: str, path: Path, size: int, compress: bool) -> None:
        if sha256 not in self.blobs:
            self.blobs[sha256] = size
            self._blob_paths[sha256] = (path, compress)

    def finish(self, manifest: dict[str, Any], sign: Any, keep_existing: bool = False) -> bool:
        """Write the zip (mimetype first), sign the manifest, rename into place.

        With ``keep_existing``, a target that already holds the same content is left
        alone (returns False), so a shared folder does not churn on every run.
        """
        self._jsonl.close()
        files = {"revisions.jsonl": {"sha256": self._digest.hexdigest(), "size": self._size}}
        for sha, size in sorted(self.blobs.items()):
            files[f"blobs/{sha}"] = {"sha256": sha, "size": size}
        manifest = {**manifest, "files": files}
        if keep_existing and _same_content(self.target, manifest):
            shutil.rmtree(self.workdir, ignore_errors=True)
            return False
        body = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode()
        signature = sign(body).encode("ascii")
        tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.part")
        try:
            with zipfile.ZipFile(tmp, "w") as zf:
                zf.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), MIMETYPE)
                _write(zf, "manifest.json", body)
                _write(zf, "signature", signature, compress=False)
                zf.write(self._jsonl_path, "revisions.jsonl", zipfile.ZIP_DEFLATED, 6)
                for sha in sorted(self._blob_paths):
                    path, compress = self._blob_paths[sha]
                    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                    zf.write(path, f"blobs/{sha}", method)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, self.target)
        finally:
            tmp.unlink(missing_ok=True)
            shutil.rmtree(self.workdir, ignore_errors=True)
        return True

    def abort(self) -> None:
        self._jsonl.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


_SAME = (
    "format",
    "schema",
    "producer",
    "peer",
    "partial",
    "vector",
    "tops",
    "covers",
    "feeds",
    "sites",
    "roster",
    "files",
)


def _same_content(path: Path, manifest: dict[str, Any]) -> bool:
    """Whether ``path`` is a bundle with the same manifest but for its date."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("manifest.json")
            if info.file_size > LIMITS["manifest"]:
                return False
            old = json.loads(zf.read(info))
        return all(old.get(k) == manifest.get(k) for k in _SAME)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError):
        return False


def _write(zf: zipfile.ZipFile, name: str, data: bytes, compress: bool = True) -> None:
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


# -- reading -------------------------------------------------------------------


@dataclass
class StagedBundle:
    """A bundle copied to local staging whose directory and manifest passed the checks."""

    path: Path
    zf: zipfile.ZipFile
    manifest: dict[str, Any]
    manifest_bytes: bytes
    entries: dict[str, zipfile.ZipInfo]

    def close(self) -> None:
        self.zf.close()

    def read_lines(self, parse: bool = True) -> Iterator[tuple[int, Any]]:
        """(line number, parsed JSON, or the raw bytes) of revisions.jsonl, streamed and
        verified against the manifest's hash."""
        info = self.entries["revisions.jsonl"]
        want = self.manifest["files"]["revisions.jsonl"]
        digest = hashlib.sha256()
        size = 0
        pending = b""
        number = 0
        with _open(self.zf, info) as stream:
            while True:
                chunk = _read(stream, info)
                if chunk:
                    size += len(chunk)
                    if size > want["size"]:
                        raise _refuse("revisions.jsonl is longer than its manifest says")
                    digest.update(chunk)
                    pending += chunk
                lines = pending.split(b"\n")
                pending = lines.pop()
                if len(pending) > LIMITS["line"]:
                    raise _refuse(f"a line of revisions.jsonl is over {LIMITS['line'] // MiB} MiB")
                for raw in lines:
                    number += 1
                    if len(raw) > LIMITS["line"]:
                        raise _refuse(f"line {number} is over {LIMITS['line'] // MiB} MiB")
                    yield (
                        number,
                        (strict_json(raw, f"line {number} of revisions.jsonl") if parse else raw),
                    )
                if not chunk:
                    break
        if pending:
            raise _refuse(
                "revisions.jsonl does not end with a newline (truncated?)", "bundle.truncated"
            )
        if size != want["size"] or digest.hexdigest() != want["sha256"]:
            raise _refuse(
                "revisions.jsonl does not match the hash in the manifest", "bundle.lines_altered"
            )

    def check_entry(self, name: str) -> None:
        """Stream one entry, checking its size and hash against the manifest (no copy)."""
        info = self.entries[name]
        want = self.manifest["files"][name]
        digest = hashlib.sha256()
        size = 0
        with _open(self.zf, info) as stream:
            while chunk := _read(stream, info):
                size += len(chunk)
                if size > want["size"]:
                    raise _refuse(f"{name} is longer than its manifest says")
                digest.update(chunk)
        if size != want["size"] or digest.hexdigest() != want["sha256"]:
            raise _refuse(
                f"{name} does not match its hash in the manifest", "bundle.altered", name=name
            )

    def copy_blob(self, sha256: str, target: Path | None) -> int:
        """Stream one attachment to ``target`` (None: only check it), checking its size
        and hash."""
        if target is None:
            self.check_entry(f"blobs/{sha256}")
            return self.manifest["files"][f"blobs/{sha256}"]["size"]
        name = f"blobs/{sha256}"
        info = self.entries.get(name)
        if info is None:
            raise _refuse(f"attachment {sha256[:12]} is named in the manifest but missing")
        want = self.manifest["files"][name]
        digest = hashlib.sha256()
        size = 0
        with _open(self.zf, info) as stream, open(target, "wb") as out:
            while chunk := _read(stream, info):
                size += len(chunk)
                if size > want["size"]:
                    raise _refuse(f"attachment {sha256[:12]} is longer than its manifest says")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size != want["size"] or digest.hexdigest() != sha256:
            raise _refuse(f"attachment {sha256[:12]} does not match its hash")
        return size


def _open(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return zf.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        raise _refuse(f"{info.filename} cannot be read ({exc})") from None


def _read(stream: IO[bytes], info: zipfile.ZipInfo) -> bytes:
    try:
        return stream.read(_CHUNK)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _refuse(f"{info.filename} is damaged ({str(exc)[:80]})") from None


def stage(source: Path, staging: Path, sha256: list[str] | None = None) -> Path:
    """Copy the bundle to local staging (a USB key may vanish mid-import), size-capped.

    ``sha256``, when given, receives the hash of the bytes copied: what is checked and
    imported is this copy, so that is the content a caller may remember as seen.
    """
    staging.mkdir(parents=True, exist_ok=True)
    target = staging / f"incoming-{os.getpid()}-{os.urandom(4).hex()}{EXTENSION}"
    size = 0
    digest = hashlib.sha256()
    try:
        with open_regular(source) as src, open(target, "wb") as out:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > LIMITS["bundle"]:
                    raise _refuse(
                        f"the file is larger than {LIMITS['bundle'] // MiB} MiB",
                        "bundle.too_large",
                        mib=LIMITS["bundle"] // MiB,
                    )
                digest.update(chunk)
                out.write(chunk)
    except OSError as exc:
        target.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise BadInput(
            f"cannot read {source}: {reason}",
            code=FILE_ERRORS.get(exc.errno, "file.cannot_read"),
            facts={"path": str(source), "reason": reason},
        ) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if sha256 is not None:
        sha256.append(digest.hexdigest())
    return target


FILE_ERRORS = {
    errno.ENOENT: "file.missing",
    errno.EACCES: "file.denied",
    errno.EPERM: "file.denied",
}


def open_regular(source: Path) -> IO[bytes]:
    """Open a file for reading, refusing anything but a regular file *before* reading.

    The file is opened without blocking and checked with fstat on the open handle, so
    a FIFO (whose plain open would wait forever for a writer) or a device is refused
    at once, and a file swapped for one between a check and the open cannot slip by.
    """
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BadInput(
                f"{source} is not a file", code="file.not_a_file", facts={"path": str(source)}
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _expected(name: str) -> bool:
    return name in _FIXED or _BLOB.fullmatch(name) is not None


def check_directory(zf: zipfile.ZipFile, size: int) -> dict[str, zipfile.ZipInfo]:
    """Every check that needs only the zip directory and local headers."""
    infos = zf.infolist()
    if len(infos) > LIMITS["entries"]:
        raise _refuse(f"more than {LIMITS['entries']:,} entries")
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        shown = name[:60].encode("unicode_escape").decode("ascii")
        if not _expected(name):
            raise _refuse(f"unexpected entry '{shown}'")
        if name in entries:
            raise _refuse(f"entry '{shown}' appears twice")
        if info.is_dir():
            raise _refuse(f"entry '{shown}' is a directory")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(f"entry '{shown}' is a symbolic link")
        if info.flag_bits & 0x1:
            raise _refuse(f"entry '{shown}' is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(f"entry '{shown}' uses an unsupported compression")
        cap = LIMITS["attachment"] if name.startswith("blobs/") else None
        cap = LIMITS["manifest"] if name == "manifest.json" else cap
        cap = LIMITS["signature"] if name in ("mimetype", "signature") else cap
        if cap is not None and info.file_size > cap:
            raise _refuse(f"entry '{shown}' is larger than {cap:,} bytes")
        if info.file_size > _RATIO_FROM and info.file_size > LIMITS["ratio"] * max(
            info.compress_size, 1
        ):
            raise _refuse(f"entry '{shown}' expands more than {LIMITS['ratio']}:1 (zip bomb?)")
        total += info.file_size
        entries[name] = info
    if total > LIMITS["total"]:
        raise _refuse(f"more than {LIMITS['total'] // MiB} MiB uncompressed in all")
    if not infos or infos[0].filename != "mimetype":
        raise _refuse(
            "not a copdesk bundle (no mimetype entry first)",
            "bundle.not_bundle",
            why=msg("bundle.no_mimetype"),
        )
    for name in _FIXED:
        if name not in entries:
            raise _refuse(f"missing {name}")
    _check_layout(zf, infos, size)
    return entries


def _check_layout(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], size: int) -> None:
    """Entries must not overlap each other or the directory (overlap zip bombs)."""
    fp = zf.fp
    assert fp is not None
    end_of_data = zf.start_dir  # type: ignore[attr-defined]
    spans = []
    for info in infos:
        if not 0 <= info.header_offset < size:  # zipfile lets a damaged directory go negative
            raise _refuse(f"entry {info.filename!r} points outside the file")
        fp.seek(info.header_offset)
        header = fp.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            raise _refuse(f"entry {info.filename!r} points outside the file")
        fields = _LOCAL_HEADER.unpack(header)
        if fields[0] != b"PK\x03\x04":
            raise _refuse(f"entry {info.filename!r} has no local header")
        name_len, extra_len = fields[10], fields[11]
        name = fp.read(name_len)
        if (
            name.decode("utf-8", "replace") != info.filename
            and name.decode("cp437", "replace") != info.filename
        ):
            raise _refuse(f"entry {info.filename!r} has a different name in its local header")
        start = info.header_offset
        end = start + _LOCAL_HEADER.size + name_len + extra_len + info.compress_size
        spans.append((start, end, info.filename))
    spans.sort()
    previous_end = 0
    for start, end, name in spans:
        if start < previous_end:
            raise _refuse(f"entry {name!r} overlaps another entry (zip bomb?)")
        previous_end = end
    if previous_end > end_of_data or end_of_data > size:
        raise _refuse("entries overlap the zip directory")


_MANIFEST_KEYS_1 = {
    "format",
    "schema",
    "producer",
    "created_at",
    "peer",
    "partial",
    "vector",
    "covers",
    "sites",
    "counts",
    "files",
}
_MANIFEST_KEYS = {1: _MANIFEST_KEYS_1, 2: _MANIFEST_KEYS_1 | {"tops", "feeds", "roster"}}
_COUNTS = {1: {"revisions", "attachments"}, 2: {"revisions", "attachments", "items", "loose"}}


def open_staged(path: Path) -> StagedBundle:
    """Open a staged bundle: directory checks, manifest parsed, versions and signature checked."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        detail = str(exc)[:80]
        raise _refuse(
            f"not a readable zip file ({detail})", "bundle.not_zip", detail=detail
        ) from None
    except NotImplementedError as exc:
        raise _refuse(f"unsupported zip feature ({exc})") from None
    try:
        entries = check_directory(zf, path.stat().st_size)
        mimetype = _read_small(zf, entries["mimetype"], len(MIMETYPE) + 1)
        if mimetype != MIMETYPE or entries["mimetype"].compress_type != zipfile.ZIP_STORED:
            raise _refuse(
                "not a copdesk bundle (wrong mimetype)",
                "bundle.not_bundle",
                why=msg("bundle.wrong_mimetype"),
            )
        raw = _read_small(zf, entries["manifest.json"], LIMITS["manifest"])
        manifest = strict_json(raw, "manifest.json")
        if not isinstance(manifest, dict):
            raise _refuse("manifest.json is not an object")
        _check_versions(manifest)
        _check_manifest(manifest, entries)
        signature = _read_small(zf, entries["signature"], LIMITS["signature"])
        from copdesk.sync import keys  # cryptography loads only when a bundle is read

        producer = manifest["producer"]
        if keys.fingerprint(producer["key"]) != producer["fingerprint"]:
            raise _refuse("the producer's fingerprint does not match its key")
        if not keys.verify(producer["key"], raw, signature):
            raise _refuse(
                "bad signature: the manifest was altered or not signed by its producer",
                "bundle.bad_signature",
            )
    except BaseException:
        zf.close()
        raise
    return StagedBundle(path, zf, manifest, raw, entries)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    out = b""
    with _open(zf, info) as stream:
        while chunk := _read(stream, info):
            out += chunk
            if len(out) > cap:
                raise _refuse(f"{info.filename} is larger than {cap:,} bytes")
    return out


def _check_versions(manifest: dict[str, Any]) -> None:
    from copdesk.store.database import SCHEMA_VERSION

    fmt, schema = manifest.get("format"), manifest.get("schema")
    if not isinstance(fmt, int) or not isinstance(schema, int) or fmt < 1 or schema < 1:
        raise _refuse("manifest.json has no valid format and schema versions")
    if fmt > FORMAT or schema > SCHEMA_VERSION:
        raise _refuse(
            f"made by a newer copdesk (bundle format {fmt}, schema {schema}; this copdesk "
            f"reads format {FORMAT}, schema {SCHEMA_VERSION}): upgrade copdesk",
            "bundle.newer",
            fmt=fmt,
            schema=schema,
            reads_fmt=FORMAT,
            reads_schema=SCHEMA_VERSION,
        )


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA = re.compile(r"[0-9a-f]{64}")
MAX_SEQ = 2**53


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def _vector_ok(v: Any, pairs: bool = False) -> bool:
    if not isinstance(v, dict) or len(v) > 10_000:
        return False
    for k, n in v.items():
        if not is_uuid(k):
            return False
        ns = n if pairs else [n]
        if pairs and (not isinstance(n, list) or len(n) != 2 or n[0] > n[1]):
            return False
        if not all(isinstance(x, int) and 0 <= x <= MAX_SEQ for x in ns):
            return False
    return True


def _check_manifest(m: dict[str, Any], entries: dict[str, zipfile.ZipInfo]) -> None:
    fmt = m["format"]
    unknown = set(m) - _MANIFEST_KEYS[fmt]
    if unknown:
        raise _refuse(f"manifest.json has unknown field {sorted(unknown)[0]!r}")
    missing = _MANIFEST_KEYS[fmt] - {"peer"} - set(m)
    if missing:
        raise _refuse(f"manifest.json lacks {sorted(missing)[0]!r}")
    p = m["producer"]
    if (
        not isinstance(p, dict)
        or set(p) != {"site", "name", "key", "fingerprint"}
        or not is_uuid(p["site"])
        or not all(isinstance(p[k], str) and 0 < len(p[k]) <= 200 for k in p)
    ):
        raise _refuse("manifest.json has an invalid producer")
    from copdesk.sync import keys

    try:
        keys.parse_public(p["key"])
    except BadInput:
        raise _refuse("manifest.json has an invalid producer key") from None
    if m.get("peer") is not None and not is_uuid(m["peer"]):
        raise _refuse("manifest.json has an invalid peer")
    if not isinstance(m["partial"], bool) or not isinstance(m["created_at"], str):
        raise _refuse("manifest.json has an invalid partial flag or date")
    if not _vector_ok(m["vector"]) or not _vector_ok(m["covers"], pairs=True):
        raise _refuse("manifest.json has an invalid version vector")
    if fmt >= 2:
        tops, feeds = m["tops"], m["feeds"]
        if (
            not isinstance(tops, dict)
            or set(tops) != set(m["vector"])
            or not all(isinstance(t, str) and _SHA.fullmatch(t) for t in tops.values())
        ):
            raise _refuse("manifest.json has invalid tops of its version vector")
        if not isinstance(feeds, dict) or not all(
            is_uuid(f) and is_uuid(s) for f, s in feeds.items()
        ):
            raise _refuse("manifest.json has an invalid feed list")
    sites = m["sites"]
    if not isinstance(sites, dict) or not all(
        is_uuid(k) and isinstance(v, str) and 0 < len(v) <= 200 for k, v in sites.items()
    ):
        raise _refuse("manifest.json has an invalid site list")
    counts = m["counts"]
    if (
        not isinstance(counts, dict)
        or set(counts) != _COUNTS[fmt]
        or not all(isinstance(v, int) and 0 <= v <= MAX_SEQ for v in counts.values())
    ):
        raise _refuse("manifest.json has invalid counts")
    files = m["files"]
    if not isinstance(files, dict):
        raise _refuse("manifest.json has no file list")
    listed = set(files)
    present = set(entries) - {"mimetype", "manifest.json", "signature"}
    if listed != present:
        odd = sorted(listed ^ present)[0]
        raise _refuse(f"entry {odd!r} is in the manifest or the zip but not both")
    for name, f in files.items():
        if (
            not isinstance(f, dict)
            or set(f) != {"sha256", "size"}
            or not isinstance(f["sha256"], str)
            or not _SHA.fullmatch(f["sha256"])
            or not isinstance(f["size"], int)
            or f["size"] != entries[name].file_size
        ):
            raise _refuse(f"the manifest's size or hash of {name!r} is invalid")
        if name.startswith("blobs/") and f["sha256"] != name[6:]:
            raise _refuse(f"attachment {name!r} is listed under another hash")
    if counts["attachments"] != len(files) - 1:
        raise _refuse("manifest.json counts do not match its files")
