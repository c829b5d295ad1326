"""Files the wheel and the frozen app need are reachable as package resources."""

from __future__ import annotations

from importlib import resources


def test_icons_are_package_resources() -> None:
    icon = resources.files("copdesk.resources").joinpath("icons/copdesk.svg")
    assert icon.is_file()
    assert icon.read_text("utf-8").lstrip().startswith("<svg")


def test_demo_content_is_a_package_resource() -> None:
    demo = resources.files("copdesk.demo").joinpath("demo_content.json")
    assert demo.is_file() and demo.read_bytes().startswith(b"{")


def test_every_package_and_data_file_reaches_the_wheel_without_warnings() -> None:
    """Packages are found under copdesk/ (a simple layout: `pip install -e .` is a plain
    .pth entry and prints no warning); every file that is not Python is package data of
    its nearest package, and the licence is an SPDX string (issue 15: the install
    scrolled a hundred lines of setuptools warnings)."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text())
    assert isinstance(config["project"]["license"], str)
    tool = config["tool"]["setuptools"]
    assert tool["package-dir"] == {"": "."} and tool["packages"]["find"]["include"] == ["copdesk*"]
    data = tool["package-data"]
    packages = {p.parent for p in (root / "copdesk").rglob("__init__.py")}
    missed = []
    for f in (root / "copdesk").rglob("*"):
        if f.is_dir() or f.suffix in (".py", ".pyc") or "__pycache__" in f.parts:
            continue
        if f.suffix == ".ts":  # the translators' source: the .qm is what ships
            continue
        owner = next(d for d in f.parents if d in packages)
        name = ".".join(owner.relative_to(root).parts)
        rel = f.relative_to(owner).as_posix()
        if not any(fnmatch.fnmatch(rel, glob) for glob in data.get(name, [])):
            missed.append(f"{name}: {rel}")
    assert missed == []
