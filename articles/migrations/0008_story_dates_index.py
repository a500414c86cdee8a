"""Import's candidate stories (articles.processing.candidate_rows) are found by date overlap:
a GiST index on each dated story's date range keeps that cheap with 25,000+ stories."""

import django.contrib.postgres.fields.ranges
import django.contrib.postgres.indexes
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_import_batches")]

    operations = [
        migrations.AddIndex(
            model_name="story",
            index=django.contrib.postgres.indexes.GistIndex(
                models.Func(
                    models.F("start_date"),
                    models.F("end_date"),
                    models.Value("[]"),
                    function="daterange",
                    output_field=django.contrib.postgres.fields.ranges.DateRangeField(),
                ),
                condition=models.Q(start_date__isnull=False),
                name="story_dates_idx",
            ),
        ),
    ]
