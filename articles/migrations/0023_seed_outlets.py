"""The outlets the code knew (articles/ingest/known_outlets.json as of this migration, frozen in
data/known_outlets_0023.json) become rows: missing ones are created, and a row already there
under one of an outlet's names (the demo's, imports') gets its aliases, domains and credit
forms, and its homepage and country where it had none.

Backwards, the rows of the list that no article refers to are deleted (the seed made them, or
nothing depends on them) and the others lose what the seed gave them.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

SEED = Path(__file__).with_name("data") / "known_outlets_0023.json"
FILLED = ("aliases", "domains", "credit_forms")


def seed_outlets(apps, schema_editor):
    seed_from(apps, SEED)


def seed_from(apps, seed: Path) -> None:
    Outlet = apps.get_model("articles", "Outlet")
    by_name = {row.name.casefold(): row for row in Outlet.objects.all()}
    slugs = set(Outlet.objects.values_list("slug", flat=True))
    new = []
    for entry in json.loads(seed.read_text("utf-8")):
        names = [entry["name"], entry["short_name"], *entry["aliases"]]
        row = next((by_name[n.casefold()] for n in names if n.casefold() in by_name), None)
        if row is None:
            row = Outlet(**entry, slug=unique_slug(entry["short_name"] or entry["name"], slugs))
            by_name[row.name.casefold()] = row
            new.append(row)
            continue
        for field in FILLED:
            setattr(row, field, list(dict.fromkeys([*getattr(row, field), *entry[field]])))
        row.homepage = row.homepage or entry["homepage"]
        row.country = row.country or entry["country"]
        row.save(update_fields=[*FILLED, "homepage", "country"])
    Outlet.objects.bulk_create(new)


def unique_slug(label: str, taken: set[str]) -> str:
    """As Outlet.unique_slug: "ap", then "ap-2"... (the historical model has no methods)."""
    base = slugify(label)[:70] or "outlet"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def unseed_outlets(apps, schema_editor):
    unseed_from(apps, SEED)


def unseed_from(apps, seed: Path) -> None:
    Outlet = apps.get_model("articles", "Outlet")
    Article = apps.get_model("articles", "Article")
    names = [entry["name"] for entry in json.loads(seed.read_text("utf-8"))]
    seeded = Outlet.objects.filter(name__in=names)
    used = Article.objects.filter(outlet__in=seeded).values("outlet")
    seeded.exclude(pk__in=used).delete()
    Outlet.objects.update(aliases=[], domains=[], credit_forms=[])


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_outlet_names")]

    operations = [migrations.RunPython(seed_outlets, unseed_outlets)]
