"""The Windows installer's facts, from copdesk/appinfo.py: iscc's command line and the
version resource of the executables. Runs anywhere (tests check it on Linux); only
``build`` needs Windows and Inno Setup 6.

    python packaging/windows/iscc.py FROZEN_DIR ICON OUT_DIR   # on Windows, after PyInstaller
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "copdesk.iss"


def defines(frozen: Path, icon: Path, out: Path) -> dict[str, str]:
    from copdesk import appinfo

    return {
        "AppId": appinfo.APP_ID,
        "AppName": appinfo.NAME,
        "AppVersion": appinfo.version(),
        "WindowsVersion": appinfo.windows_version(),
        "Publisher": appinfo.PUBLISHER,
        "BundleSuffix": appinfo.BUNDLE_SUFFIX,
        "BundleMime": appinfo.BUNDLE_MIME,
        "BundleProgId": appinfo.BUNDLE_PROGID,
        "SourceDir": str(frozen),
        "IconFile": str(icon),
        "OutputDir": str(out),
    }


def command(frozen: Path, icon: Path, out: Path, iscc: str = "iscc") -> list[str]:
    return [iscc, *(f"/D{k}={v}" for k, v in defines(frozen, icon, out).items()), str(SCRIPT)]


def version_info() -> str:
    """PyInstaller's version resource (EXE(version=…)) for copdesk.exe and copdeskw.exe."""
    from copdesk import appinfo

    numbers = tuple(int(n) for n in appinfo.windows_version().split("."))
    strings = {
        "CompanyName": appinfo.PUBLISHER, "FileDescription": appinfo.SUMMARY,
        "FileVersion": appinfo.version(), "InternalName": appinfo.NAME,
        "LegalCopyright": f"{appinfo.PUBLISHER}, {appinfo.LICENSE} licence",
        "OriginalFilename": f"{appinfo.NAME}.exe", "ProductName": appinfo.NAME,
        "ProductVersion": appinfo.version(),
    }  # fmt: skip
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ]
)
"""


def build(frozen: Path, icon: Path, out: Path) -> Path:
    iscc = shutil.which("iscc") or r"C:\\Program Files (x86)\\Inno Setup 6\\ISCC.exe"
    subprocess.run(command(frozen, icon, out, iscc), check=True)
    from copdesk import appinfo

    return out / f"{appinfo.NAME}-{appinfo.version()}-setup.exe"


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
