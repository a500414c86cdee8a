"""Outlets carry what reading recognises them by: aliases, domains and credit forms.

And a change stamp of their own (scope -2 of articles_change_stamp, see articles/caching.py),
renewed at the commit of any change to the outlet table, so that every process reading
articles knows when to rebuild its catalogue of outlets (articles/imports/catalogue.py). The
shared stamp (-1) would not do: it is not renewed when an outlet is added, and it is renewed
when a tag changes.
"""

import django.contrib.postgres.fields
from django.db import migrations, models

TRIGGER_SQL = [
    """
    CREATE FUNCTION articles_outlets_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM articles_bump_stamp(-2);
        RETURN NULL;
    END $$
    """,
    "CREATE CONSTRAINT TRIGGER articles_outlet_catalogue_stamp "
    "AFTER INSERT OR UPDATE OR DELETE ON articles_outlet "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION articles_outlets_changed()",
    "CREATE TRIGGER articles_outlet_catalogue_truncate_stamp AFTER TRUNCATE ON articles_outlet "
    "FOR EACH STATEMENT EXECUTE FUNCTION articles_outlets_changed()",
]
DROP_SQL = [
    "DROP TRIGGER articles_outlet_catalogue_truncate_stamp ON articles_outlet",
    "DROP TRIGGER articles_outlet_catalogue_stamp ON articles_outlet",
    "DROP FUNCTION articles_outlets_changed()",
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_rename_source_outlet"),
    ]

    operations = [
        migrations.AddField(
            model_name="outlet",
            name="aliases",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=200),
                blank=True,
                default=list,
                help_text="Other names it is given in datelines, bylines, credits and copyright lines.",
            ),
        ),
        migrations.AddField(
            model_name="outlet",
            name="credit_forms",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=200),
                blank=True,
                default=list,
                help_text='Credits it prints, "..." for any few words: (Reuters), /TASS/, Reporting by ... for Kyiv Post.',
            ),
        ),
        migrations.AddField(
            model_name="outlet",
            name="domains",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=200),
                blank=True,
                default=list,
                help_text="Its web domains, without www: reuters.com, news.cn.",
            ),
        ),
        migrations.RunSQL(sql=TRIGGER_SQL, reverse_sql=DROP_SQL),
    ]
