"""newsroom/dependency_audit.py: PyPI's advisories for the locked versions, and nothing passed
unchecked. PyPI's pages are given as dicts: the tests do not reach the network."""

import io
from pathlib import Path

from newsroom.dependency_audit import advisories, audit, locked_packages

ROOT = Path(__file__).resolve().parent.parent
ADVISORY = {
    "id": "PYSEC-2099-1",
    "aliases": ["CVE-2099-0001"],
    "fixed_in": ["2.0.1"],
    "withdrawn": None,
}
WITHDRAWN = {"id": "PYSEC-2099-2", "aliases": [], "fixed_in": [], "withdrawn": "2099-01-02"}


def pypi(pages: dict[str, dict]):
    """A fetch function serving these pages by path after /pypi/, None for any other."""
    return lambda url: pages.get(url.removeprefix("https://pypi.org/pypi/"))


def test_the_locked_packages_are_read_from_uv_lock_without_the_project_itself():
    packages = dict(locked_packages(ROOT / "uv.lock"))
    assert packages["django"].startswith("6.1")
    assert "rapidfuzz" in packages and "psycopg" in packages
    assert "newsroom" not in packages


def test_a_release_page_gives_that_version_its_advisories_in_force():
    fetch = pypi(
        {"lib/2.0.0/json": {"info": {"version": "2.0.0"}, "vulnerabilities": [ADVISORY, WITHDRAWN]}}
    )
    assert advisories("lib", "2.0.0", fetch) == [ADVISORY]


def test_without_release_pages_the_project_page_speaks_only_for_the_latest_release():
    fetch = pypi({"lib/json": {"info": {"version": "2.0.1"}, "vulnerabilities": []}})
    assert advisories("lib", "2.0.1", fetch) == []
    # Its empty list says nothing of an older release.
    assert advisories("lib", "2.0.0", fetch) is None
    assert advisories("other", "1.0", fetch) is None


def test_the_audit_fails_on_a_vulnerable_package_and_names_its_advisory_and_fix():
    fetch = pypi(
        {
            "lib/json": {"info": {"version": "2.0.0"}, "vulnerabilities": [ADVISORY]},
            "safe/json": {"info": {"version": "1.0"}, "vulnerabilities": []},
        }
    )
    out = io.StringIO()
    assert audit([("lib", "2.0.0"), ("safe", "1.0")], fetch, out) == 1
    assert "vulnerable: lib==2.0.0: PYSEC-2099-1, CVE-2099-0001 (fixed in 2.0.1)" in out.getvalue()
    assert "safe" not in out.getvalue().split("audited from", 1)[1]


def test_the_audit_fails_when_a_package_could_not_be_audited():
    fetch = pypi({"safe/json": {"info": {"version": "1.0"}, "vulnerabilities": []}})
    out = io.StringIO()
    assert audit([("old", "0.9"), ("safe", "1.0")], fetch, out) == 2
    assert "1 of 2 locked packages audited" in out.getvalue()
    assert "not audited: old==0.9" in out.getvalue()
    assert "no known vulnerabilities" not in out.getvalue()


def test_the_audit_passes_only_when_every_package_was_audited_and_none_is_vulnerable():
    fetch = pypi({"safe/1.0/json": {"info": {"version": "1.0"}, "vulnerabilities": []}})
    out = io.StringIO()
    assert audit([("safe", "1.0")], fetch, out) == 0
    assert out.getvalue().endswith("no known vulnerabilities\n")
