import datetime
import json
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from articles.coverage import link_all_pending_relatives
from articles.imports import import_file
from articles.models import editors_group

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_ADMIN = ("admin", "newsroom-admin")
DEMO_EDITOR = ("editor", "newsroom-editor")


class Command(BaseCommand):
    help = (
        "Import the bundled demo corpus (once: a second run imports nothing new) and, on the "
        "embedded local database only, create a demo admin and a demo editor account."
    )

    def handle(self, **options):
        manifest = json.loads((DEMO_DIR / "manifest.json").read_text())["files"]
        imported = 0
        for path in sorted(DEMO_DIR.glob("*.txt")):
            given = manifest.get(path.name, {})
            published = given.get("published")
            report = import_file(
                f"demo/{path.name}",
                path.read_bytes(),
                outlet=given.get("outlet"),
                published=datetime.date.fromisoformat(published) if published else None,
            )
            if report.status == "imported":
                imported += 1
            elif report.status != "duplicate":
                self.stderr.write(f"demo/{path.name}: {report.message}")
        link_all_pending_relatives()
        self.stdout.write(f"Demo corpus: {imported} article(s) imported.")
        if os.environ.get("DATABASE_URL"):
            return  # never create known passwords on a real server
        self.create_demo_user(*DEMO_ADMIN, staff=True)
        editor = self.create_demo_user(*DEMO_EDITOR, staff=False)
        # Editors review and correct; they do not administer.
        editor.groups.add(editors_group())
        self.stdout.write(
            self.style.SUCCESS(
                f"Log in at http://127.0.0.1:8000/accounts/login/ as admin "
                f"'{DEMO_ADMIN[0]}' with password '{DEMO_ADMIN[1]}', or as editor "
                f"'{DEMO_EDITOR[0]}' with password '{DEMO_EDITOR[1]}' "
                f"(local demo database in {settings.DATABASES['default']['HOST']})."
            )
        )

    def create_demo_user(self, username, password, *, staff):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.is_staff = staff
            user.is_superuser = staff
            user.save()
        return user
