"""Edit.automatic: what an import decided on its own, told apart from a removed editor's change
(both have no user). The automatic ones stored so far are healing's, whose summaries begin
"Automatically"."""

from django.db import migrations, models

BACKFILL = """
UPDATE articles_edit SET automatic = true
WHERE user_id IS NULL AND summary LIKE 'Automatically %'
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0028_search_words_without_stop_words")]

    operations = [
        migrations.AddField(
            model_name="edit",
            name="automatic",
            field=models.BooleanField(default=False),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
