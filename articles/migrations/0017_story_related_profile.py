"""Stored related profiles (StoryRelatedProfile), and the triggers that forget one when which of
its story's quotes count, or who said them, changes: the story's revision does not move then.

Statement triggers over transition tables: an import inserts an article's quotes in one
statement, and its trigger runs once, not once per quote.
"""

import django.db.models.deletion
from django.db import migrations, models

SQL = r"""
CREATE FUNCTION articles_quotes_forget_profiles() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_storyrelatedprofile p
    USING changed_quotes q JOIN articles_article a ON a.id = q.article_id
    WHERE p.story_id = a.story_id;
    RETURN NULL;
END $$;

CREATE FUNCTION articles_quotes_updated_forget_profiles() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM articles_storyrelatedprofile p
    USING old_quotes o JOIN new_quotes n ON n.id = o.id
    JOIN articles_article a ON a.id = o.article_id OR a.id = n.article_id
    WHERE p.story_id = a.story_id
      AND (o.status IS DISTINCT FROM n.status OR o.person_id IS DISTINCT FROM n.person_id
           OR o.article_id <> n.article_id);
    RETURN NULL;
END $$;

CREATE TRIGGER articles_quote_inserted_profiles AFTER INSERT ON articles_quote
REFERENCING NEW TABLE AS changed_quotes
FOR EACH STATEMENT EXECUTE FUNCTION articles_quotes_forget_profiles();
CREATE TRIGGER articles_quote_deleted_profiles AFTER DELETE ON articles_quote
REFERENCING OLD TABLE AS changed_quotes
FOR EACH STATEMENT EXECUTE FUNCTION articles_quotes_forget_profiles();
CREATE TRIGGER articles_quote_updated_profiles AFTER UPDATE ON articles_quote
REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes
FOR EACH STATEMENT EXECUTE FUNCTION articles_quotes_updated_forget_profiles();
"""

REVERSE_SQL = r"""
DROP TRIGGER articles_quote_updated_profiles ON articles_quote;
DROP TRIGGER articles_quote_deleted_profiles ON articles_quote;
DROP TRIGGER articles_quote_inserted_profiles ON articles_quote;
DROP FUNCTION articles_quotes_updated_forget_profiles();
DROP FUNCTION articles_quotes_forget_profiles();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_story_pending_relatives")]

    operations = [
        migrations.CreateModel(
            name="StoryRelatedProfile",
            fields=[
                (
                    "story",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.story",
                    ),
                ),
                ("revision", models.BigIntegerField()),
                ("terms", models.JSONField()),
                ("people", models.JSONField()),
            ],
        ),
        migrations.RunSQL(sql=SQL, reverse_sql=REVERSE_SQL),
    ]
