"""docs/bundle-format.md is enough to check a bundle: this test reads a real exported
bundle with zipfile, json and hashlib only, following the document (not copdesk's code),
and verifies the signatures with the `openssl` command."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from copdesk import Workspace

OPENSSL = shutil.which("openssl")
SPKI_ED25519 = bytes.fromhex("302a300506032b6570032100")  # §5


def pem(key_b64: str) -> str:
    """§5: the 12-byte header, the 32 raw bytes, base64, between the PEM lines."""
    der = SPKI_ED25519 + base64.b64decode(key_b64)
    return (
        f"-----BEGIN PUBLIC KEY-----\n{base64.b64encode(der).decode()}\n-----END PUBLIC KEY-----\n"
    )


def canonical(value) -> bytes:
    """§3.1."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(key_b64: str) -> str:
    digest = hashlib.sha256(key_b64.encode("ascii")).hexdigest()[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def openssl_verify(tmp: Path, key_b64: str, message: bytes, sig_b64: str) -> bool:
    (tmp / "key.pem").write_text(pem(key_b64))
    (tmp / "msg").write_bytes(message)
    (tmp / "sig").write_bytes(base64.b64decode(sig_b64))
    proc = subprocess.run(
        [OPENSSL, "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp / "key.pem"), "-rawin",
         "-in", str(tmp / "msg"), "-sigfile", str(tmp / "sig")],
        capture_output=True,
        text=True,
    )  # fmt: skip
    return proc.returncode == 0 and "Signature Verified Successfully" in proc.stdout


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "lyon"
    with Workspace.create(path, site="Usine de Lyon") as ws:
        rex = ws.items.add("rex", {"title": "Fuite vérin « P12 »", "summary": 'a "b" \\ c\n\td'})
        ws.items.edit(rex["id"], {"priority": "red"})
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
        ws.items.attach(rex["id"], photo)
        ws.items.comment(rex["id"], "Vu à Saint-Étienne — 2 ½ tours")
        ws.sites.rotate_key()  # so the bundle carries a roster record
        ws.items.add("rex", {"title": "Après la rotation"})
        ws.sync.export(tmp_path / "lyon.copdesk")
    return tmp_path / "lyon.copdesk", path


def test_openssl_is_there() -> None:
    assert OPENSSL, "openssl is needed to check the bundle format document"


def test_a_bundle_checked_by_the_document_and_openssl(bundle, tmp_path: Path) -> None:
    path, ws_path = bundle
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with zipfile.ZipFile(path) as zf:
        names = [i.filename for i in zf.infolist()]
        assert names[:4] == ["mimetype", "manifest.json", "signature", "revisions.jsonl"]
        assert zf.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/vnd.copdesk.bundle"
        raw = zf.read("manifest.json")
        signature = zf.read("signature").decode()
        manifest = json.loads(raw)
        entries = {n: zf.read(n) for n in names[3:]}
    assert manifest["format"] == 2
    producer = manifest["producer"]
    assert fingerprint(producer["key"]) == producer["fingerprint"]
    # §5: the producer's signature over the manifest's bytes, with OpenSSL
    assert openssl_verify(scratch, producer["key"], raw, signature)
    assert not openssl_verify(scratch, producer["key"], raw + b" ", signature)
    # §2 files: every other entry's hash and size
    assert set(manifest["files"]) == set(entries)
    for name, data in entries.items():
        assert manifest["files"][name] == {"sha256": hashlib.sha256(data).hexdigest(),
                                           "size": len(data)}  # fmt: skip
    # §4: roster records, each signed by the key in "by" over its canonical bytes
    rotation = [e for e in manifest["roster"] if e["record"]["type"] == "key"]
    assert len(rotation) == 1 and rotation[0]["record"]["by"] == rotation[0]["record"]["prev"]
    assert rotation[0]["record"]["key"] == producer["key"]
    for entry in manifest["roster"]:
        r = entry["record"]
        assert openssl_verify(scratch, r["by"], canonical(r), entry["sig"])
    site_keys = {producer["key"], rotation[0]["record"]["prev"]}
    # §3: revision ids from canonical JSON, signatures of the ids by the origin
    lines = [json.loads(x) for x in entries["revisions.jsonl"].decode().splitlines()]
    assert len(lines) == manifest["counts"]["revisions"]
    ids = []
    for line in lines:
        assert set(line) == {"feed", "n", "revision", "sig"}
        rev = line["revision"]
        rev_id = hashlib.sha256(canonical(rev)).hexdigest()
        text = entries["revisions.jsonl"].decode()
        assert canonical(rev).decode() in text  # the line holds it byte for byte
        ids.append(rev_id)
        assert manifest["feeds"][line["feed"]] == rev["site"] == producer["site"]
        assert any(
            openssl_verify(scratch, k, rev_id.encode("ascii"), line["sig"]) for k in site_keys
        )
    # the ids are the ones copdesk stores, and parents point at them
    conn = sqlite3.connect(ws_path / "copdesk.db")
    stored = {r for (r,) in conn.execute("SELECT rev_id FROM revisions")}
    conn.close()
    assert set(ids) <= stored
    for line in lines:
        assert set(line["revision"]["parents"]) <= set(ids)
    # attachments named by their hash
    for name, data in entries.items():
        if name.startswith("blobs/"):
            assert name == "blobs/" + hashlib.sha256(data).hexdigest()
    # vector and tops: the top of each feed is the revision numbered n there
    for feed, n in manifest["vector"].items():
        top = next(i for line, i in zip(lines, ids, strict=True) if line["feed"] == feed
                   and line["n"] == n)  # fmt: skip
        assert manifest["tops"][feed] == top
