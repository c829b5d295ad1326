"""The guides' screenshots, made by copdesk itself: `make screenshots`.

Builds two demo sites that exchanged bundles and edited the same report (so the
Conflicts view has something to show), then runs ``copdesk gui --screenshot`` for each
view the guides show, in English and in French (the interface language is set in a
private settings folder, never the user's), at 1366×768. Re-run it whenever the window
changes: the guides link to docs/screenshots/guide-*.png.

    python docs/make_screenshots.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = "1366x768"
# name: (view, English search or item title, French) — "{howto}" is an item found by title
SHOTS = {
    "home": ("home", None, None),
    "rex": ("rex", None, None),
    "search": ("search:{query}", "hose pressure", "flexible pression"),
    "howto": ("item:{howto}", None, None),
    "documents": ("documents", None, None),
    "dashboard": ("dashboard", None, None),
    "risks": ("risks", None, None),
    "network": ("network", None, None),
    "exchange": ("exchange", None, None),
    "conflicts": ("conflicts", None, None),
}
HOWTO = "Sertir et éprouver un flexible hydraulique en atelier"
# files the Documents view shows (text formats: no library needed to write them)
DOCUMENTS = {
    "Consigne de consignation presse P12.md": (
        "# Consignation\n\nCouper le sectionneur, cadenasser, vérifier l'absence de tension.\n\n"
        "# Purge hydraulique\n\nOuvrir la vanne de décharge de l'accumulateur.\n"
    ),
    "Couples de serrage.csv": "Vis;Classe;Couple (N·m)\nM10;8.8;50\nM12;8.8;85\nM16;8.8;210\n",
}


def copdesk(workspace: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "copdesk", "--workspace", str(workspace), *args],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"make_screenshots: copdesk {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def two_sites(tmp: Path, env: dict[str, str]) -> Path:
    """Lyon (the demo) and Nantes, which imported Lyon's bundle; both edit one report,
    Nantes' edit comes back: Lyon holds a conflict. Returns Lyon's workspace."""
    lyon, nantes = tmp / "lyon", tmp / "nantes"
    copdesk(lyon, "init", "--site", "Usine de Lyon", "--language", "fr", env=env)
    copdesk(lyon, "demo", env=env)
    copdesk(nantes, "init", "--site", "Usine de Nantes", "--language", "fr", env=env)
    ids = {n: json.loads(copdesk(w, "identity", "--json", env=env)) for n, w in
           (("lyon", lyon), ("nantes", nantes))}  # fmt: skip
    to_nantes, to_lyon = tmp / "lyon.copdesk", tmp / "nantes.copdesk"
    copdesk(lyon, "export", "--to", str(to_nantes), env=env)
    copdesk(nantes, "trust", "--from-bundle", str(to_nantes),
            "--fingerprint", ids["lyon"]["fingerprint"], env=env)  # fmt: skip
    copdesk(nantes, "import", str(to_nantes), env=env)
    report = json.loads(copdesk(lyon, "list", "rex", "--status", "validated", "--json", env=env))[0]
    for where, priority in ((lyon, "red"), (nantes, "yellow")):  # near the top of the view
        body = json.dumps({"priority": priority})
        done = subprocess.run(
            [sys.executable, "-m", "copdesk", "--workspace", str(where), "--as",
             report["author"], "edit", report["id"], "--json", "-"],
            input=body, capture_output=True, text=True, env=env,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"make_screenshots: edit at {where.name}: {done.stderr.strip()}")
    copdesk(nantes, "export", "--to", str(to_lyon), env=env)
    copdesk(lyon, "trust", "--from-bundle", str(to_lyon),
            "--fingerprint", ids["nantes"]["fingerprint"], env=env)  # fmt: skip
    copdesk(lyon, "import", str(to_lyon), env=env)
    for name, text in DOCUMENTS.items():
        (tmp / name).write_text(text, "utf-8")
        copdesk(lyon, "add-document", str(tmp / name), "--community",
                "Maintenance presses & hydraulique", env=env)  # fmt: skip
    return lyon


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", help="one screenshot name")
    a = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copdesk-shots-") as tmp_name:
        tmp = Path(tmp_name)
        env = {k: v for k, v in os.environ.items() if not k.startswith("COPDESK_")}
        env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "data"))
        lyon = two_sites(tmp, env)
        howtos = json.loads(copdesk(lyon, "list", "howto", "--json", env=env))
        howto = next(h["id"] for h in howtos if h["title"] == HOWTO)
        for language in ("en", "fr"):
            config = tmp / f"config-{language}"
            (config / "copdesk").mkdir(parents=True)
            (config / "copdesk" / "copdesk.ini").write_text(f"[ui]\nlanguage={language}\n")
            shot_env = {**env, "XDG_CONFIG_HOME": str(config)}
            for name, (view, query_en, query_fr) in SHOTS.items():
                if a.only and name != a.only:
                    continue
                query = query_fr if language == "fr" else query_en
                view = view.format(query=query, howto=howto)
                out = OUT / f"guide-{name}{'' if language == 'en' else '.fr'}.png"
                copdesk(lyon, "gui", "--screenshot", str(out), "--view", view, "--size", SIZE,
                        env=shot_env)  # fmt: skip
                print(out.relative_to(OUT.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
