"""Project files: the sdist carries what the tests read, LICENSE, CHANGELOG, URLs."""

from __future__ import annotations

import pathlib
import tomllib

ROOT = pathlib.Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_sdist_includes_what_the_tests_read() -> None:
    """Tests run from an unpacked sdist read the docs, the README and the examples."""
    include = set(PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    needed = {
        "/hms_async",
        "/tests",
        "/examples",
        "/docs",
        "/mkdocs.yml",
        "/README.md",
        "/CHANGELOG.md",
        "/LICENSE",
        "/noxfile.py",
    }

    assert sorted(needed - include) == []
    for path in include:
        assert (ROOT / path.lstrip("/")).exists(), path


def test_license_is_the_mit_text_the_metadata_names() -> None:
    """pyproject says MIT and ships LICENSE, which holds the MIT text."""
    project = PYPROJECT["project"]

    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_project_urls_name_the_docs_and_the_changelog() -> None:
    """The package index shows where the docs, the source and the changelog are."""
    urls = PYPROJECT["project"]["urls"]

    assert {"Documentation", "Source", "Changelog", "Issues"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_changelog_keeps_an_unreleased_section_first() -> None:
    """Keep a Changelog: the newest section, Unreleased, comes first."""
    sections = [
        line
        for line in (ROOT / "CHANGELOG.md").read_text().splitlines()
        if line.startswith("## ")
    ]

    assert sections[0] == "## [Unreleased]"
