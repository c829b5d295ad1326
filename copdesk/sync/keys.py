"""The site's Ed25519 key pair: bundles are signed with it, peers trust its public half.

The private key lives in ``keys/site.key`` inside the workspace (owner-only
permissions), never in the database, so a database backup or copy carries no
secret. Public keys travel as base64 of the 32 raw bytes; people compare the
short fingerprint (by phone, on paper) before trusting a site.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from copdesk.errors import BadInput, WorkspaceError

KEY_FILE = Path("keys") / "site.key"


def fingerprint(public_key: str) -> str:
    """Short, readable digest of a public key: 'a1b2-c3d4-e5f6-0718-293a'."""
    digest = hashlib.sha256(public_key.encode("ascii")).hexdigest()[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def public_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@functools.lru_cache(maxsize=256)
def _public(text: str) -> Ed25519PublicKey:
    return parse_public(text)


def parse_public(text: str) -> Ed25519PublicKey:
    """A public key from its base64 text; BadInput when it is not one."""
    try:
        raw = base64.b64decode(str(text).strip(), validate=True)
        if len(raw) != 32:
            raise ValueError
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error):
        raise BadInput("not a copdesk site key (expected 44 characters of base64)") from None


def create(workspace: Path, path: Path | None = None) -> str:
    """Make the site's key pair (in ``path``, default keys/site.key); returns the public
    key text."""
    path = path or workspace / KEY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return public_text(key.public_key())


def load(workspace: Path) -> Ed25519PrivateKey:
    path = workspace / KEY_FILE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise WorkspaceError(
            f"this site's key {path} is missing: bundles cannot be signed"
        ) from None
    except ValueError:
        raise WorkspaceError(f"this site's key {path} is damaged") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise WorkspaceError(f"{path} is not an Ed25519 key")
    return key


def sign(workspace: Path, data: bytes) -> str:
    return base64.b64encode(load(workspace).sign(data)).decode("ascii")


def signer(workspace: Path) -> Callable[[bytes], str]:
    """sign() with the key loaded once (thousands of revisions at one export)."""
    key = load(workspace)
    return lambda data: base64.b64encode(key.sign(data)).decode("ascii")


def verify(public_key: str, data: bytes, signature: bytes | str) -> bool:
    """Whether ``signature`` (base64 text) is ``public_key``'s Ed25519 signature of ``data``."""
    try:
        raw = base64.b64decode(signature.strip(), validate=True)
        _public(public_key).verify(raw, data)
    except (InvalidSignature, ValueError, binascii.Error, BadInput):
        return False
    return True


def pem(public_key: str) -> str:
    """The public key as PEM (SubjectPublicKeyInfo), for OpenSSL and other tools."""
    return (
        _public(public_key)
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
