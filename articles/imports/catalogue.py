"""The outlets an import recognises: the stored Outlet rows, as the catalogue articles.ingest
reads, built once per process and rebuilt when an outlet changes.

A change committed by any process (the admin, another worker, an import adding an outlet)
renews the outlets' change stamp (migration 0022); each import reads it, one indexed query, and
rebuilds when it moved. A change made in this process counts at once, before its commit, so a
transaction sees its own new outlet (and the tests, whose transactions never commit, too). A
change rolled back stays in this process's catalogue until the next change to any outlet: at
worst an outlet that is not stored is recognised, and stored again by the import that finds it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.caching import OUTLETS, stamps
from articles.ingest import KNOWN_OUTLETS, Catalogue, KnownOutlet
from articles.models import Outlet

_built: tuple[tuple[str, int], Catalogue] | None = None
_changes_here = 0  # outlet rows saved or deleted in this process


@receiver(post_save, sender=Outlet)
@receiver(post_delete, sender=Outlet)
def _outlet_changed(**kwargs) -> None:
    global _changes_here
    _changes_here += 1


def forget_outlet_catalogue() -> None:
    """Build the catalogue afresh when next asked (the tests, whose changes are rolled back)."""
    global _built
    _built = None


def outlet_catalogue() -> Catalogue:
    """The catalogue of the stored outlets as they are now."""
    global _built
    version = (stamps(OUTLETS), _changes_here)
    if _built is None or _built[0] != version:
        _built = (version, Catalogue(known_outlets()))
    return _built[1]


def known_outlets() -> list[KnownOutlet]:
    """The stored outlets, over the code's list (known_outlets.json): a row stands in place of
    the listed outlet it names, and the others follow. The list is the floor so that reading
    does not depend on the seed being there (a database emptied between tests, or not yet
    migrated); the seed made a row of each, which is what an admin edits."""
    rows = [row.known_outlet() for row in Outlet.objects.order_by("pk")]
    claimed: dict[str, KnownOutlet] = {}
    for row in rows:
        for name in (row.outlet.name, *row.aliases):
            claimed.setdefault(name.casefold(), row)
    listed = [claimed.get(known.outlet.name.casefold(), known) for known in KNOWN_OUTLETS]
    shown = {id(known) for known in listed}
    return list(dict.fromkeys(listed)) + [row for row in rows if id(row) not in shown]
