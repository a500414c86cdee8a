"""The model Source becomes Outlet, and Article.source becomes Article.outlet: what the site,
forms and URLs already called it.

The table articles_source becomes articles_outlet and the column articles_article.source_id
becomes outlet_id. PostgreSQL keeps triggers and indexes attached through a rename; only their
names said "source", and are renamed here (0009's change-stamp triggers on the outlet table and
its outlet-and-date index). No SQL function names the table or the column: 0009's
articles_shared_changed reads neither, and the functions of 0011 and 0017-0018 read only
articles_article.story_id and articles_quote. The covering index of 0015 (INCLUDE source_id)
follows the column by itself; only the migration state's copy of it is rewritten.

Like any RenameModel, the table's sequence and constraint names (articles_source_pkey,
articles_source_name_key...) keep their old names: Django finds constraints by column, never
by name. The admin permissions made for Source (add_source...) are renamed, so that whoever
was given them keeps them.
"""

from django.db import migrations, models

TRIGGERS = [
    # (old name, new name) of triggers on the outlet table (migration 0009).
    ("articles_source_stamp", "articles_outlet_stamp"),
    ("articles_source_truncate_stamp", "articles_outlet_truncate_stamp"),
]
INDEXES = [
    # (old name, new name): migration 0009's index on articles_article (source_id, ...).
    ("article_source_recent_idx", "article_outlet_recent_idx"),
]


def rename_sql(old_side: int) -> list[str]:
    """The statements renaming each trigger and index from its name at index `old_side` of the
    pair (0: forwards, 1: backwards); the table is articles_outlet either way."""
    new_side = 1 - old_side
    statements = [
        f"ALTER TRIGGER {names[old_side]} ON articles_outlet RENAME TO {names[new_side]}"
        for names in TRIGGERS
    ]
    statements += [
        f"ALTER INDEX {names[old_side]} RENAME TO {names[new_side]}" for names in INDEXES
    ]
    return statements


ACTIONS = ("add", "change", "delete", "view")


def rename_permissions(old: str, new: str):
    """A RunPython function renaming the permissions of model `old` to those of `new`."""

    def run(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        for action in ACTIONS:
            permissions = Permission.objects.filter(
                content_type__app_label="articles", codename=f"{action}_{old}"
            )
            for permission in permissions:
                if Permission.objects.filter(
                    content_type=permission.content_type, codename=f"{action}_{new}"
                ).exists():
                    continue  # already made for the new name: the old one is left alone
                permission.codename = f"{action}_{new}"
                permission.name = f"Can {action} {new}"
                permission.save(update_fields=["codename", "name"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_pending_upload_published"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel("Source", "Outlet"),
        migrations.RenameField(model_name="article", old_name="source", new_name="outlet"),
        # The column was renamed with the field, and the index with it; the state's copy of the
        # index still names source_id.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="article", name="article_id_dates_idx"),
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(
                        fields=["id"],
                        include=("published_at", "outlet_id"),
                        name="article_id_dates_idx",
                    ),
                ),
            ]
        ),
        migrations.RunSQL(sql=rename_sql(0), reverse_sql=rename_sql(1)),
        migrations.RunPython(
            rename_permissions("source", "outlet"), rename_permissions("outlet", "source")
        ),
    ]
