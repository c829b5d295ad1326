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


def test_every_subpackage_reaches_the_wheel() -> None:
    """pyproject lists packages explicitly: a new subpackage must be added there."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).parents[2]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(root).parts) for p in (root / "copdesk").rglob("__init__.py")
    }
    assert found <= listed, sorted(found - listed)
