"""What the installers are made of, checked without building them: one app id, icon and
version (copdesk/appinfo.py) in the Linux files, the Debian package's control data and the
Inno Setup script; the bundle type's magic matches a real bundle's bytes.

Building them for real (PyInstaller, dpkg-deb, lintian…) is `make package`'s job."""

from __future__ import annotations

import configparser
import importlib.util
import json
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from helpers import make_pdf

from copdesk import Workspace, appinfo
from copdesk.cli import main
from copdesk.commands import ORDER
from copdesk.documents import runner
from copdesk.sync.bundle import MIMETYPE

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deb() -> ModuleType:
    return load(PACKAGING / "deb.py")


@pytest.fixture(scope="module")
def facts() -> dict[str, str]:
    return {
        "APP_ID": appinfo.APP_ID, "VERSION": appinfo.version(), "DATE": "2026-01-31",
        "BUNDLE_MIME": appinfo.BUNDLE_MIME, "BUNDLE_SUFFIX": appinfo.BUNDLE_SUFFIX,
        "LICENSE": appinfo.LICENSE, "PUBLISHER": appinfo.PUBLISHER, "YEAR": "2026",
    }  # fmt: skip


def test_one_version_in_every_form() -> None:
    assert appinfo.version() == VERSION
    assert appinfo.debian_version("1.2.3") == "1.2.3"
    assert appinfo.debian_version("1.2.3rc1") == "1.2.3~rc1"  # sorts before 1.2.3 in dpkg
    assert appinfo.debian_version("1.2.3.dev4") == "1.2.3~~dev4"
    assert appinfo.windows_version("1.2.3rc1") == "1.2.3.0"
    assert appinfo.windows_version("2") == "2.0.0.0"
    with pytest.raises(ValueError, match="not a plain release"):
        appinfo.debian_version("1.2-local")


def test_the_desktop_entry_opens_bundles(deb: ModuleType, facts: dict[str, str]) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(deb.fill(PACKAGING / "linux" / "desktop.in", facts))
    fields = entry["Desktop Entry"]
    assert fields["Exec"] == "copdesk %f" and fields["Icon"] == appinfo.APP_ID
    assert fields["MimeType"] == f"{appinfo.BUNDLE_MIME};"
    assert fields["Name"] == appinfo.NAME and "GenericName[fr]" in fields


def test_the_metainfo_names_the_same_app(deb: ModuleType, facts: dict[str, str]) -> None:
    root = ET.fromstring(deb.fill(PACKAGING / "linux" / "metainfo.xml.in", facts))
    assert root.findtext("id") == appinfo.APP_ID
    assert root.findtext("launchable") == f"{appinfo.APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == appinfo.BUNDLE_MIME
    assert root.find("releases/release").get("version") == VERSION
    assert root.findtext("project_license") == appinfo.LICENSE


def test_the_mime_type_recognises_a_real_bundle(
    deb: ModuleType, facts: dict[str, str], tmp_path: Path
) -> None:
    root = ET.fromstring(deb.fill(PACKAGING / "linux" / "mime.xml.in", facts))
    kind = root.find(f"{MIME_NS}mime-type")
    assert kind.get("type") == appinfo.BUNDLE_MIME
    assert kind.find(f"{MIME_NS}glob").get("pattern") == f"*{appinfo.BUNDLE_SUFFIX}"
    outer = kind.find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")
    Workspace.create(tmp_path / "ws", site="Lyon").close()
    bundle = tmp_path / f"lyon{appinfo.BUNDLE_SUFFIX}"
    assert main(["--workspace", str(tmp_path / "ws"), "export", "--to", str(bundle)]) == 0
    data = bundle.read_bytes()
    for match in (outer, inner):
        value = match.get("value").encode().decode("unicode_escape").encode("latin-1")
        offset = int(match.get("offset"))
        assert data[offset : offset + len(value)] == value
    assert inner.get("value") == "mimetype" + MIMETYPE.decode()


def test_every_placeholder_is_filled(deb: ModuleType, facts: dict[str, str]) -> None:
    for template in (PACKAGING / "linux").iterdir():
        text = deb.fill(template, facts)
        assert not re.search(r"@[A-Z_]+@", text), template.name
    with pytest.raises(SystemExit, match="placeholder"):
        deb.fill(PACKAGING / "linux" / "desktop.in", {})


def test_debian_names_of_libraries(deb: ModuleType) -> None:
    assert appinfo.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert appinfo.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert appinfo.debian_package("libxcb-cursor.so.0.0.0") == "libxcb-cursor0"
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"} <= set(deb.ALWAYS)
    # a wheel's private copy (auditwheel) is no Debian package: the build stops instead
    assert deb.VENDORED.search("libharfbuzz-fb49c9fc.so.0")
    assert not deb.VENDORED.search("libxcb-render-util.so.0")
    assert not deb.VENDORED.search("libQt6Core.so.6")


def test_the_man_page_lists_every_command(deb: ModuleType) -> None:
    import datetime as dt

    page = deb.man_page(VERSION, dt.datetime(2026, 1, 31, tzinfo=dt.UTC))
    assert page.startswith(f'.TH COPDESK 1 "2026-01-31" "copdesk {VERSION}"')
    for name in ORDER:
        assert f"\\fB{name}\\fR" in page, name
    assert "EXIT STATUS" in page


def test_the_windows_installer_takes_id_and_version_from_appinfo(tmp_path: Path) -> None:
    iscc = load(PACKAGING / "windows" / "iscc.py")
    command = iscc.command(tmp_path / "copdesk", tmp_path / "copdesk.ico", tmp_path)
    assert f"/DAppVersion={VERSION}" in command and f"/DAppId={appinfo.APP_ID}" in command
    assert f"/DWindowsVersion={appinfo.windows_version()}" in command
    assert f"/DBundleSuffix={appinfo.BUNDLE_SUFFIX}" in command
    script = (PACKAGING / "windows" / "copdesk.iss").read_text("utf-8")
    defined = {arg[2:].split("=")[0] for arg in command if arg.startswith("/D")}
    assert set(re.findall(r"\{#(\w+)\}", script)) <= defined  # every fact comes from there
    assert VERSION not in script and appinfo.APP_ID not in script  # and is written nowhere else
    assert r'ValueData: """{app}\{#AppName}w.exe"" ""%1"""' in script  # opens a bundle
    assert "{autoprograms}" in script and "PrivilegesRequired=lowest" in script
    assert (
        "[UninstallDelete]" not in script
        and "localappdata" not in script.lower().split("[setup]")[1]
    )  # the workspace (%LOCALAPPDATA%\copdesk) is never touched: uninstall keeps data
    info = iscc.version_info()
    numbers = tuple(int(n) for n in appinfo.windows_version().split("."))
    assert f"filevers={numbers}" in info and f"'ProductVersion', '{VERSION}'" in info


def test_the_spec_uses_appinfo_and_the_metadata() -> None:
    spec = (PACKAGING / "copdesk.spec").read_text("utf-8")
    assert 'copy_metadata("copdesk")' in spec  # or --version says 0+unknown
    assert "appinfo.NAME" in spec and '"PySide6.QtWebEngineCore"' in spec
    assert "freeze_support()" in (PACKAGING / "copdesk_main.py").read_text("utf-8")
    assert '"PIL"' in spec  # test tools' Pillow would bring its private libraries along


def test_a_frozen_copdesk_runs_its_console_program_as_child(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert appinfo.self_command() == [sys.executable, "-m", "copdesk"]
    window = tmp_path / "copdeskw.exe"
    window.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(window))
    assert appinfo.self_command() == [str(window)]  # no console program beside it
    (tmp_path / "copdesk.exe").touch()
    assert appinfo.self_command() == [str(tmp_path / "copdesk.exe")]


def test_a_frozen_copdesk_reads_documents_through_its_own_program(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Frozen, there is no Python to start with ``-c``: the file-reading child is the
    frozen program itself, whose entry point (packaging/copdesk_main.py) boots the
    reader. A stand-in program that runs that entry point (and notes how it was called)
    plays the frozen executable, in a folder with spaces and accents."""
    folder = tmp_path / "Logiciels installés"
    folder.mkdir()
    calls = tmp_path / "calls.txt"
    program = folder / "copdesk"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        f'exec "{sys.executable}" "{PACKAGING / "copdesk_main.py"}" "$@"\n',
        "utf-8",
    )
    program.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert runner.command(512, 9) == [str(program), runner.READER, "512", "9"]

    pdf = make_pdf(tmp_path / "gamme presse.pdf", ["Sommaire", "Couple de serrage M12 : 85 N·m"])
    with runner.Extractor() as reader:
        result = reader.read(pdf, pdf.name)
    assert (result["status"], result["format"], result["pages"]) == ("ok", "pdf", 2)
    assert "85 N·m" in json.dumps(result["parts"][-1], ensure_ascii=False)
    assert calls.read_text("utf-8").split() == [runner.READER, "1024", "45"]

    with ws.permissions.bypass():
        doc = ws.documents.add([pdf], {"title": "Gamme presse"})  # reads through the same
    [hit] = ws.search.query("serrage M12")["hits"]
    assert (hit["id"], hit["file"]["place"]) == (doc["id"], {"page": 2})
    assert calls.read_text("utf-8").count(runner.READER) == 2
