from django.contrib.auth.management import create_permissions
from django.db import migrations

# What editors may do, as of this migration (articles.models.EDITOR_PERMISSIONS is the current
# list): review, tag and correct quotes, speakers, statements and stories. Uploading, deleting
# articles and managing outlets, users and tags stay with admins (staff).
EDITOR_PERMISSIONS = [
    "view_quote",
    "add_quote",
    "change_quote",
    "view_tag",
    "add_tag",
    "view_person",
    "add_person",
    "view_statementgroup",
    "add_statementgroup",
    "change_statementgroup",
    "view_story",
    "add_story",
    "change_story",
    "view_article",
    "view_edit",
]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS
        )
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
