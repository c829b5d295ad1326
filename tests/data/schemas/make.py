"""Make tests/data/schemas/vN.zip: a small workspace written by the last copdesk of each
schema version, for the migration tests. Run from a checkout of that commit:

    git worktree add --detach /tmp/v1 4b365cd^   # schema 1 (then 6a13bc9^: 2,
    PYTHONPATH=/tmp/v1 python tests/data/schemas/make.py v1   #  78b3475^: 3, 9f3cd68: 4,
                                                  #  75e6331^1: 5, 46a8416^1: 6)

(``git archive COMMIT | tar -x -C /tmp/vN`` gives the same tree without a worktree.)
It uses the API of those versions (Workspace.add, edit, member, rate…, or from schema 5
on the parts: ws.items.add, ws.people.member…), whatever of it exists, so the same
script serves every version.
"""

import contextlib
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

    def api(name):
        """The flat API of schemas 1-4 (ws.add), or the parts from schema 5 (ws.items.add)."""
        for owner in (ws, getattr(ws, "items", None), getattr(ws, "people", None)):
            if owner is not None and hasattr(owner, name):
                return getattr(owner, name)
        return None

    # the history is a fixture, not a test of who may do what (schema 6 on)
    held = ws.permissions.bypass() if hasattr(ws, "permissions") else contextlib.nullcontext()
    held.__enter__()
    marie = api("add")("person", {"name": "Marie Dupont", "site": "Usine de Lyon"})["id"]
    jean = api("add")("person", {"name": "Jean Martin"})["id"]
    if api("use"):
        api("use")(marie)
    presses = api("add")("community", {"name": "Presses", "form": "trade"})["id"]
    skill = api("add")("skill", {"name": "Réglage presse", "domain": "Presses"})["id"]
    rex = api("add")(
        "rex",
        {"title": "Fuite P12", "community": presses, "summary": "Joint usé", "tags": ["fuite"]},
    )["id"]
    api("edit")(rex, {"status": "proposed", "lessons": "Changer le joint tous les ans."})
    api("add")(
        "howto", {"title": "Purger un vérin", "steps": "1. Ouvrir\n2. Purger", "holders": [jean]}
    )
    gone = api("add")("rex", {"title": "Doublon"})["id"]
    api("delete")(gone)
    if api("member"):
        api("member")(presses, jean, "expert")
    if api("rate"):
        api("rate")(jean, skill, 3)
        api("rate")(jean, skill, 4)
    if api("comment"):
        api("comment")(rex, "Vu aussi sur la P7")
    if api("attach"):
        photo = Path(tmp) / "photo.txt"
        photo.write_text("une photo du joint", "utf-8")
        api("attach")(rex, photo)
    held.__exit__(None, None, None)
    ws.close()
    shutil.rmtree(root / "index", ignore_errors=True)  # a cache: rebuilt on open
    shutil.make_archive(str(out.with_suffix("")), "zip", root)
print(out)
