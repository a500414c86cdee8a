"""PersonStory: the stories each person is quoted in, kept by triggers, so that an import finds
the stories of a new story's speakers from an index of its own rather than from their latest
few hundred quotes and the articles of each (3-6 ms per new story on 100,000 articles).

Statement triggers over transition tables, beside 0017's on the same events: an import's
quotes come in one statement, and each trigger runs once. An article moved to another story
brings its speakers there.
"""

import django.db.models.deletion
from django.db import migrations, models

# Rows (person_id, story_id, latest_quote) from {rows}, one per pair, upserted in key order so
# that two imports into one story lock its rows in the same order.
UPSERT = """
    INSERT INTO articles_personstory AS ps (person_id, story_id, latest_quote)
    {rows}
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (person_id, story_id)
    DO UPDATE SET latest_quote = GREATEST(ps.latest_quote, EXCLUDED.latest_quote)
"""
# Each speaker's stories among the quotes of the table {quotes}.
QUOTES_PEOPLE = """
    SELECT q.person_id, a.story_id, max(q.id)
    FROM {quotes} q JOIN articles_article a ON a.id = q.article_id
    WHERE q.person_id IS NOT NULL AND a.story_id IS NOT NULL
"""
# The quotes given another speaker or article: their speakers' stories now.
MOVED_QUOTES_PEOPLE = """
    SELECT n.person_id, a.story_id, max(n.id)
    FROM old_quotes o JOIN new_quotes n ON n.id = o.id
    JOIN articles_article a ON a.id = n.article_id
    WHERE n.person_id IS NOT NULL AND a.story_id IS NOT NULL
      AND (o.person_id IS DISTINCT FROM n.person_id OR o.article_id <> n.article_id)
"""
# The articles moved to another story: their speakers there.
MOVED_ARTICLES_PEOPLE = """
    SELECT q.person_id, n.story_id, max(q.id)
    FROM old_articles o JOIN new_articles n ON n.id = o.id
    JOIN articles_quote q ON q.article_id = n.id
    WHERE n.story_id IS NOT NULL AND n.story_id IS DISTINCT FROM o.story_id
      AND q.person_id IS NOT NULL
"""

SQL = f"""
CREATE FUNCTION articles_quotes_inserted_people() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {UPSERT.format(rows=QUOTES_PEOPLE.format(quotes="changed_quotes"))};
    RETURN NULL;
END $$;

CREATE FUNCTION articles_quotes_moved_people() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {UPSERT.format(rows=MOVED_QUOTES_PEOPLE)};
    RETURN NULL;
END $$;

CREATE FUNCTION articles_articles_moved_people() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {UPSERT.format(rows=MOVED_ARTICLES_PEOPLE)};
    RETURN NULL;
END $$;

CREATE TRIGGER articles_quote_inserted_people AFTER INSERT ON articles_quote
REFERENCING NEW TABLE AS changed_quotes
FOR EACH STATEMENT EXECUTE FUNCTION articles_quotes_inserted_people();
CREATE TRIGGER articles_quote_moved_people AFTER UPDATE ON articles_quote
REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes
FOR EACH STATEMENT EXECUTE FUNCTION articles_quotes_moved_people();
CREATE TRIGGER articles_article_moved_people AFTER UPDATE ON articles_article
REFERENCING OLD TABLE AS old_articles NEW TABLE AS new_articles
FOR EACH STATEMENT EXECUTE FUNCTION articles_articles_moved_people();

{UPSERT.format(rows=QUOTES_PEOPLE.format(quotes="articles_quote"))};
"""

REVERSE_SQL = r"""
DROP TRIGGER articles_article_moved_people ON articles_article;
DROP TRIGGER articles_quote_moved_people ON articles_quote;
DROP TRIGGER articles_quote_inserted_people ON articles_quote;
DROP FUNCTION articles_articles_moved_people();
DROP FUNCTION articles_quotes_moved_people();
DROP FUNCTION articles_quotes_inserted_people();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_story_related_profile")]

    operations = [
        migrations.CreateModel(
            name="PersonStory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("latest_quote", models.BigIntegerField()),
                (
                    "person",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.person",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.story",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["person", "-latest_quote"],
                        include=("story",),
                        name="person_story_recent_idx",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("person", "story"), name="unique_person_story")
                ],
            },
        ),
        migrations.RunSQL(sql=SQL, reverse_sql=REVERSE_SQL),
    ]
