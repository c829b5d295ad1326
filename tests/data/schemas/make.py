"""Make tests/data/schemas/vN.zip: a small workspace written by the last copdesk of each
schema version, for the migration tests. Run from a checkout of that commit:

    git worktree add --detach /tmp/v1 4b365cd^   # schema 1 (then 6a13bc9^: 2,
    PYTHONPATH=/tmp/v1 python tests/data/schemas/make.py v1   #  78b3475^: 3, 9f3cd68: 4)

It uses the API of those versions (Workspace.add, edit, member, rate…), whatever of it
exists, so the same script serves every version.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from copdesk import Workspace

name = sys.argv[1]
out = Path(__file__).resolve().parent / f"{name}.zip"
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "ws"
    ws = Workspace.create(root, site="Usine de Lyon", language="fr")
    marie = ws.add("person", {"name": "Marie Dupont", "site": "Usine de Lyon"})["id"]
    jean = ws.add("person", {"name": "Jean Martin"})["id"]
    if hasattr(ws, "use"):
        ws.use(marie)
    presses = ws.add("community", {"name": "Presses", "form": "trade"})["id"]
    skill = ws.add("skill", {"name": "Réglage presse", "domain": "Presses"})["id"]
    rex = ws.add(
        "rex",
        {"title": "Fuite P12", "community": presses, "summary": "Joint usé", "tags": ["fuite"]},
    )["id"]
    ws.edit(rex, {"status": "proposed", "lessons": "Changer le joint tous les ans."})
    ws.add(
        "howto", {"title": "Purger un vérin", "steps": "1. Ouvrir\n2. Purger", "holders": [jean]}
    )
    gone = ws.add("rex", {"title": "Doublon"})["id"]
    ws.delete(gone)
    if hasattr(ws, "member"):
        ws.member(presses, jean, "expert")
    if hasattr(ws, "rate"):
        ws.rate(jean, skill, 3)
        ws.rate(jean, skill, 4)
    if hasattr(ws, "comment"):
        ws.comment(rex, "Vu aussi sur la P7")
    if hasattr(ws, "attach"):
        photo = Path(tmp) / "photo.txt"
        photo.write_text("une photo du joint", "utf-8")
        ws.attach(rex, photo)
    ws.close()
    shutil.rmtree(root / "index", ignore_errors=True)  # a cache: rebuilt on open
    shutil.make_archive(str(out.with_suffix("")), "zip", root)
print(out)
