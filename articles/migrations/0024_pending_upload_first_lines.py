"""An upload waiting for its outlet keeps the first lines of its text, shown to the admin who
names the outlet. Uploads already waiting get theirs here, read plainly (imports from now on
store the lines of the text as read, without an HTML page's markup)."""

import re

from django.db import migrations, models

LINES = 6


def first_lines(data: bytes) -> str:
    text = bytes(data)[:20000].decode("utf-8", errors="replace")
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]*>", "\n", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join([line[:300] for line in lines if line][:LINES])


def fill_first_lines(apps, schema_editor):
    PendingUpload = apps.get_model("articles", "PendingUpload")
    for pending in PendingUpload.objects.filter(first_lines="").iterator(chunk_size=100):
        pending.first_lines = first_lines(pending.original)
        pending.save(update_fields=["first_lines"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0023_seed_outlets")]

    operations = [
        migrations.AddField(
            model_name="pendingupload",
            name="first_lines",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill_first_lines, migrations.RunPython.noop),
    ]
