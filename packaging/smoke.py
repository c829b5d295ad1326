"""Smoke test of an installed or frozen copdesk: the commands a first day uses, for real.

    python packaging/smoke.py PROGRAM [--version X.Y.Z]

PROGRAM is the frozen executable (``build/package/dist/copdesk/copdesk``) or the one a
.deb installed. In a scratch folder whose name has spaces and accents it runs:
``--version``, ``init``, ``demo``, ``search``, ``add-document`` of a PDF (read by the
file-reading child: frozen, the program itself) and a search in it, ``gui --screenshot``
(offscreen), an ``export`` of a bundle, its ``trust`` and ``import`` into a second
site's workspace; then
the bad inputs: the window with no display, and ``QT_QPA_PLATFORM`` naming a plugin it
does not have (one line each, exit 1 and 2). Prints one line per check and the cold
start; exits 1 at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"


class Smoke:
    def __init__(self, program: Path, scratch: Path) -> None:
        self.program = program
        self.scratch = scratch
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("COPDESK_", "PYTHON"))}
        self.env["XDG_CONFIG_HOME"] = str(scratch / "config")  # settings: never the user's
        self.env["XDG_DATA_HOME"] = str(scratch / "data")

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.program), *args],
            cwd=self.scratch, env=env or self.env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    def ok(self, what: str, *args: str) -> subprocess.CompletedProcess:
        done = self.run(*args)
        if done.returncode != 0:
            raise SystemExit(f"smoke: {what} failed ({done.returncode}): {done.stderr.strip()}")
        print(f"ok  {what}")
        return done

    def one_line(self, what: str, code: int, args: list[str], env: dict[str, str]) -> str:
        done = self.run(*args, env=env)
        line = done.stderr
        if done.returncode != code or line.count("\n") != 1 or not line.startswith("copdesk: "):
            raise SystemExit(f"smoke: {what}: exit {done.returncode}, stderr {line!r}")
        print(f"ok  {what}: exit {code}, {line.strip()}")
        return line


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF saying ``text`` (ASCII), written by hand: no library needed."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def cold_start(program: Path | list[str], args: list[str], runs: int = 5) -> float:
    """The median wall time of ``program args`` (a fresh process each time); ``program``
    is an executable or a command (``[python, "-m", "copdesk"]``)."""
    command = [str(program)] if isinstance(program, Path) else list(program)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*command, *args], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def smoke(program: Path, version: str | None, keep: bool = False) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="copdesk smoke ")) / "Données d'essai é"
    scratch.mkdir()
    s = Smoke(program, scratch)
    try:
        out = s.ok("--version", "--version").stdout
        if not out.startswith(f"copdesk {version or ''}") or "database schema" not in out:
            raise SystemExit(f"smoke: --version printed {out!r}")
        lyon, nantes = str(scratch / "Usine de Lyon"), str(scratch / "Usine de Nantes")
        s.ok("init", "--workspace", lyon, "init", "--site", "Usine de Lyon", "--language", "fr")
        demo = s.ok("demo", "--workspace", lyon, "demo").stdout
        if "42 rex" not in demo:
            raise SystemExit(f"smoke: demo said {demo!r}")
        found = s.ok("search", "--workspace", lyon, "search", "flexible", "--json").stdout
        hits = json.loads(found)
        if not hits["hits"]:
            raise SystemExit("smoke: search found nothing")
        # the file-reading child: frozen, the program runs itself (--document-reader)
        pdf = scratch / "consigne presse é.pdf"
        pdf.write_bytes(tiny_pdf("Couple de serrage M12 : 85 Nm, en croix"))
        doc = json.loads(s.ok("add-document (a PDF, read by the child)", "--workspace", lyon,
                              "add-document", str(pdf), "--json").stdout)  # fmt: skip
        if [f["status"] for f in doc["files"]] != ["ok"]:
            raise SystemExit(f"smoke: the PDF was not read: {doc['files']}")
        found = s.ok("search in the PDF", "--workspace", lyon, "search", "serrage M12",
                     "--json").stdout  # fmt: skip
        if not any(h["id"] == doc["id"] and h.get("file") for h in json.loads(found)["hits"]):
            raise SystemExit("smoke: search did not find the PDF's text")
        shot = scratch / "écran rex.png"
        shot_env = {**s.env, "QT_QPA_PLATFORM": "offscreen"}
        done = s.run("--workspace", lyon, "gui", "--screenshot", str(shot), "--view", "rex",
                     "--size", "1280x800", env=shot_env)  # fmt: skip
        if done.returncode != 0 or shot.read_bytes()[:8] != PNG or shot.stat().st_size < 20_000:
            raise SystemExit(f"smoke: screenshot failed: {done.stderr.strip()}")
        print("ok  gui --screenshot")
        bundle = str(scratch / "paquet de Lyon.copdesk")
        s.ok("export", "--workspace", lyon, "export", "--to", bundle)
        s.ok("init (second site)", "--workspace", nantes, "init", "--site", "Usine de Nantes")
        print_id = s.ok("identity", "--workspace", lyon, "identity", "--json").stdout
        fingerprint = json.loads(print_id)["fingerprint"]
        s.ok("trust", "--workspace", nantes, "trust", "--from-bundle", bundle,
             "--fingerprint", fingerprint)  # fmt: skip
        imported = s.ok("import", "--workspace", nantes, "import", bundle, "--json").stdout
        counts = json.loads(imported)
        rex = json.loads(s.ok("list", "--workspace", nantes, "list", "rex", "--json").stdout)
        if len(rex) < 30:
            raise SystemExit(f"smoke: after import, {len(rex)} reports; import said {counts}")
        again = s.ok("re-import", "--workspace", nantes, "import", bundle, "--json").stdout
        if json.loads(again) == counts and counts.get("new"):
            raise SystemExit("smoke: the re-import applied the bundle again")
        headless = {k: v for k, v in s.env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        headless.pop("QT_QPA_PLATFORM", None)
        if sys.platform.startswith("linux"):
            s.one_line("window with no display", 1, ["--workspace", lyon, "gui"], headless)
        bad = {**headless, "QT_QPA_PLATFORM": "nosuchplugin"}
        s.one_line("QT_QPA_PLATFORM=nosuchplugin", 2, ["--workspace", lyon, "gui"], bad)
    finally:
        if not keep:
            shutil.rmtree(scratch.parent, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("program", type=Path)
    parser.add_argument("--version", help="the version --version must print")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    a = parser.parse_args()
    smoke(a.program.absolute(), a.version, a.keep)
    print(f"cold start, copdesk --version: {cold_start(a.program, ['--version']) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
