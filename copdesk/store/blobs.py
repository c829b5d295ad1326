"""Attachments stored once, named by the SHA-256 of their bytes (blobs/ab/abcdef…).

Files are written to a temporary name, flushed to disk, then renamed, so a blob
that exists is always complete; a crash leaves at most an unreferenced ``.part``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from copdesk.errors import BadInput
from copdesk.store.files import regular_file

MAX_BLOB = 100 * 1024 * 1024  # one attachment, as in bundles
_CHUNK = 1024 * 1024


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_stream(self, stream: BinaryIO, limit: int = MAX_BLOB) -> tuple[str, int]:
        """Store bytes read from ``stream``; returns (sha256, size)."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        tmp = self.root / f".incoming-{os.getpid()}-{id(stream)}.part"
        try:
            with open(tmp, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise BadInput(f"attachment is larger than {limit // (1024 * 1024)} MiB")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.is_file():
                tmp.unlink()
            else:
                final.parent.mkdir(exist_ok=True)
                os.replace(tmp, final)
            return sha, size
        finally:
            if tmp.exists():
                tmp.unlink()

    def put_file(self, source: Path) -> tuple[str, int]:
        regular_file(source, "a file to attach")
        try:
            with open(source, "rb") as stream:
                return self.put_stream(stream)
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            raise BadInput(f"cannot read {source}: {exc.strerror}") from None

    def verify(self, sha256: str) -> str | None:
        """None when the blob is present and intact, else what is wrong."""
        path = self.path(sha256)
        if not path.is_file():
            return "missing"
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
        return None if digest.hexdigest() == sha256 else "content does not match its hash"

    def copy_to(self, sha256: str, target: Path) -> None:
        shutil.copyfile(self.path(sha256), target)

    def all(self) -> Iterator[str]:
        if self.root.is_dir():
            for sub in sorted(self.root.iterdir()):
                if sub.is_dir():
                    yield from sorted(p.name for p in sub.iterdir() if p.is_file())
