"""A revision number per story, moved by the database on every change to its articles.

An importing process keeps the stories it may match new articles against in memory
(articles.processing.story_candidates); the revision, read with the candidate stories, tells it
which of them changed since. Until now that was a count, newest id and latest processing time of
each candidate's articles, aggregated on every import: a third of an import's time in the
database. A trigger, not application code, so that re-processing, editors' moves, the admin and
deletions are all counted. Kept in a table of its own so that the story rows, which editors
save, are never written by it. Values come from one sequence: a revision is never reused.
"""

import django.db.models.deletion
from django.db import migrations, models

SQL = r"""
CREATE SEQUENCE articles_story_revision_seq;
CREATE TABLE articles_story_revision (
    story_id bigint PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO articles_story_revision (story_id, value)
SELECT id, nextval('articles_story_revision_seq') FROM articles_story;

CREATE FUNCTION articles_story_revise(story bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO articles_story_revision (story_id, value)
    VALUES (story, nextval('articles_story_revision_seq'))
    ON CONFLICT (story_id) DO UPDATE SET value = EXCLUDED.value
$$;

CREATE FUNCTION articles_article_revised() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.story_id IS NOT NULL THEN
        PERFORM articles_story_revise(OLD.story_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.story_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.story_id IS DISTINCT FROM OLD.story_id) THEN
        PERFORM articles_story_revise(NEW.story_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_article_revision AFTER INSERT OR DELETE ON articles_article
FOR EACH ROW EXECUTE FUNCTION articles_article_revised();
CREATE TRIGGER articles_article_revision_update AFTER UPDATE ON articles_article
FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION articles_article_revised();
"""

REVERSE_SQL = r"""
DROP TRIGGER articles_article_revision_update ON articles_article;
DROP TRIGGER articles_article_revision ON articles_article;
DROP FUNCTION articles_article_revised();
DROP FUNCTION articles_story_revise(bigint);
DROP TABLE articles_story_revision;
DROP SEQUENCE articles_story_revision_seq;
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_read_indexes")]

    operations = [
        migrations.RunSQL(sql=SQL, reverse_sql=REVERSE_SQL),
        # What the candidate stories of an import are found by, in a time that does not grow
        # with the archive (articles.processing.NEAR_STORIES_SQL, PEOPLES_STORIES_SQL).
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(start_date__isnull=True), fields=["-id"], name="story_undated_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(fields=["person", "-id"], name="quote_person_recent_idx"),
        ),
        # ...which serves every lookup the foreign key's own index did.
        migrations.AlterField(
            model_name="quote",
            name="person",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="quotes",
                to="articles.person",
            ),
        ),
    ]
