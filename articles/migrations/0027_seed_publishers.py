"""Publishers added to the code's list after 0023 (the Kremlin's, the White House's and the
State Department's sites, Global Voices, The Conversation, Wikinews, VOA's other names), frozen
in data/known_outlets_0027.json, seeded the way 0023 seeds: missing rows created, rows already
there given the names and domains they lacked."""

import importlib
import json
from pathlib import Path

from django.db import migrations

SEEDING = importlib.import_module("articles.migrations.0023_seed_outlets")
SEED = Path(__file__).with_name("data") / "known_outlets_0027.json"


def seed(apps, schema_editor):
    SEEDING.seed_from(apps, SEED)


def unseed(apps, schema_editor):
    # The rows it made and no article uses go; names given to rows already there stay (the
    # state before knew nothing of them, and they name nothing else).
    Outlet = apps.get_model("articles", "Outlet")
    Article = apps.get_model("articles", "Article")
    names = [entry["name"] for entry in json.loads(SEED.read_text("utf-8"))]
    made = Outlet.objects.filter(name__in=names).exclude(name="Voice of America")
    made.exclude(pk__in=Article.objects.filter(outlet__in=made).values("outlet")).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0026_search_words")]

    operations = [migrations.RunPython(seed, unseed)]
