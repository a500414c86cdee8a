"""Known vulnerabilities in the locked dependencies, from PyPI's advisories, for when pip-audit
cannot get them (`make audit` runs this when pip-audit does not finish).

pip-audit asks PyPI about each locked version (/pypi/NAME/VERSION/json). Some networks,
these development machines among them, serve only the project pages (/pypi/NAME/json), and
those carry the advisories of the project's latest release alone. So a locked version that is
the latest release is audited from its project page; any other is reported as not audited,
and the run fails: nothing passes unchecked.

    .venv/bin/python -m newsroom.dependency_audit [--lock uv.lock]

Exit status: 0 when every locked package was audited and none has a known vulnerability, 1
when one has, 2 when some could not be audited (and none audited has one).
"""

import argparse
import json
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

PYPI = "https://pypi.org/pypi"
Fetch = Callable[[str], dict | None]


def locked_packages(lock: Path) -> list[tuple[str, str]]:
    """(name, version) of every package uv.lock takes from a registry (not the project)."""
    packages = tomllib.loads(lock.read_text())["package"]
    return sorted(
        (package["name"], package["version"])
        for package in packages
        if "registry" in package.get("source", {})
    )


def fetch_json(url: str) -> dict | None:
    """The JSON at `url`, or None when PyPI has no such page (or cannot be reached)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)
    except (urllib.error.URLError, TimeoutError, ValueError):
        return None


def advisories(name: str, version: str, fetch: Fetch = fetch_json) -> list[dict] | None:
    """PyPI's advisories in force for name==version, or None when PyPI's pages do not say."""
    page = fetch(f"{PYPI}/{name}/{version}/json")
    if page is None:
        page = fetch(f"{PYPI}/{name}/json")
        # The project page's advisories are those of its latest release only.
        if page is None or page.get("info", {}).get("version") != version:
            return None
    return [entry for entry in page.get("vulnerabilities") or [] if not entry.get("withdrawn")]


def audit(packages: list[tuple[str, str]], fetch: Fetch = fetch_json, out=sys.stdout) -> int:
    """Print what PyPI says of each package; the exit status (see the module's docstring)."""
    vulnerable, unknown = [], []
    for name, version in packages:
        found = advisories(name, version, fetch)
        if found is None:
            unknown.append(f"{name}=={version}")
            continue
        for entry in found:
            fixed = ", ".join(entry.get("fixed_in") or []) or "no fixed release"
            names = ", ".join([entry.get("id", "?"), *(entry.get("aliases") or [])])
            vulnerable.append(f"{name}=={version}: {names} (fixed in {fixed})")
    audited = len(packages) - len(unknown)
    print(f"{audited} of {len(packages)} locked packages audited from PyPI's advisories", file=out)
    for line in vulnerable:
        print(f"vulnerable: {line}", file=out)
    for line in unknown:
        print(
            f"not audited: {line} (PyPI served no advisories for this version: it is not the "
            "latest release, or PyPI could not be reached)",
            file=out,
        )
    if vulnerable:
        return 1
    if unknown:
        return 2
    print("no known vulnerabilities", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, default=Path(__file__).parent.parent / "uv.lock")
    args = parser.parse_args(argv)
    return audit(locked_packages(args.lock))


if __name__ == "__main__":
    sys.exit(main())
