"""What fast reading needs from the database: change stamps for cached pages, and indexes.

Change stamps (see articles/caching.py): every transaction that changes what a reader page
shows gives new values, at commit, to the rows of `articles_change_stamp` it concerns: one row
per story it touched (scope = story id), the site-wide row (scope 0), and the "shared" row
(scope -1) when an outlet or a tag changes or a table is emptied. A cached page is keyed by
the values it was rendered under, so the next request after any commit, in any process, misses
and renders afresh. Triggers, not application code, so that imports, re-processing, editors'
changes, the admin and scripts are all covered without anyone having to remember a call.

The triggers are deferred constraint triggers: they run at commit, so the stamp row locks are
held only while committing, and concurrent imports do not queue behind each other. The
site-wide row is always updated first, so two committing transactions lock rows in the same
order (no deadlock between them). Values come from one sequence, so a value is never reused.
"""

from django.db import migrations

STAMP_SQL = r"""
CREATE TABLE articles_change_stamp (
    scope bigint PRIMARY KEY,
    value bigint NOT NULL
);
CREATE SEQUENCE articles_change_stamp_seq;

-- New values for one scope (and the site-wide one), once per transaction.
CREATE FUNCTION articles_bump_stamp(target bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    seen text := coalesce(nullif(current_setting('articles.stamped', true), ''), ',');
BEGIN
    IF position(',0,' IN seen) = 0 THEN
        INSERT INTO articles_change_stamp (scope, value)
        VALUES (0, nextval('articles_change_stamp_seq'))
        ON CONFLICT (scope) DO UPDATE SET value = EXCLUDED.value;
        seen := seen || '0,';
    END IF;
    IF target IS NOT NULL AND position(',' || target || ',' IN seen) = 0 THEN
        INSERT INTO articles_change_stamp (scope, value)
        VALUES (target, nextval('articles_change_stamp_seq'))
        ON CONFLICT (scope) DO UPDATE SET value = EXCLUDED.value;
        seen := seen || target || ',';
    END IF;
    PERFORM set_config('articles.stamped', seen, true);
END $$;

-- The story an article belongs to, once per article per transaction.
CREATE FUNCTION articles_article_touched(article bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    seen text := coalesce(nullif(current_setting('articles.articles_seen', true), ''), ',');
BEGIN
    IF article IS NULL OR position(',' || article || ',' IN seen) > 0 THEN
        RETURN;
    END IF;
    PERFORM set_config('articles.articles_seen', seen || article || ',', true);
    PERFORM articles_bump_stamp((SELECT story_id FROM articles_article WHERE id = article));
END $$;

CREATE FUNCTION articles_story_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    row_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    other bigint;
BEGIN
    PERFORM articles_bump_stamp(row_id);
    -- Related stories show this one's title and dates.
    FOR other IN SELECT to_story_id FROM articles_story_related WHERE from_story_id = row_id
    LOOP
        PERFORM articles_bump_stamp(other);
    END LOOP;
    RETURN NULL;
END $$;

CREATE FUNCTION articles_article_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM articles_bump_stamp(OLD.story_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM articles_bump_stamp(NEW.story_id); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION articles_quote_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM articles_article_touched(OLD.article_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM articles_article_touched(NEW.article_id); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION articles_quote_tag_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    quote bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.quote_id ELSE NEW.quote_id END;
BEGIN
    PERFORM articles_article_touched((SELECT article_id FROM articles_quote WHERE id = quote));
    RETURN NULL;
END $$;

CREATE FUNCTION articles_group_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM articles_bump_stamp(OLD.story_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM articles_bump_stamp(NEW.story_id); END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION articles_related_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM articles_bump_stamp(OLD.from_story_id);
        PERFORM articles_bump_stamp(OLD.to_story_id);
    ELSE
        PERFORM articles_bump_stamp(NEW.from_story_id);
        PERFORM articles_bump_stamp(NEW.to_story_id);
    END IF;
    RETURN NULL;
END $$;

-- A person changed: their page (site-wide); renamed, also the stories quoting them.
CREATE FUNCTION articles_person_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    story bigint;
BEGIN
    PERFORM articles_bump_stamp(NULL);
    IF OLD.name IS NOT DISTINCT FROM NEW.name THEN
        RETURN NULL;
    END IF;
    FOR story IN
        SELECT DISTINCT a.story_id FROM articles_quote q
        JOIN articles_article a ON a.id = q.article_id
        WHERE q.person_id = NEW.id
    LOOP
        PERFORM articles_bump_stamp(story);
    END LOOP;
    RETURN NULL;
END $$;

-- Outlets and tags appear on many pages and change rarely: everything is stale.
CREATE FUNCTION articles_shared_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_bump_stamp(CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE -1 END);
    RETURN NULL;
END $$;

-- Shown on no story page (a person's aliases): the site-wide stamp alone.
CREATE FUNCTION articles_site_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_bump_stamp(NULL);
    RETURN NULL;
END $$;

CREATE FUNCTION articles_table_emptied() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_bump_stamp(-1);
    RETURN NULL;
END $$;
"""

# (table, function, events)
TRIGGERS = [
    ("articles_story", "articles_story_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_article", "articles_article_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_quote", "articles_quote_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_quote_tags", "articles_quote_tag_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_statementgroup", "articles_group_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_story_related", "articles_related_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_person", "articles_person_changed", "UPDATE"),
    ("articles_personalias", "articles_site_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_source", "articles_shared_changed", "INSERT OR UPDATE OR DELETE"),
    ("articles_tag", "articles_shared_changed", "INSERT OR UPDATE OR DELETE"),
]
TRUNCATED_TABLES = sorted({table for table, *_ in TRIGGERS})


def trigger_sql() -> list[str]:
    statements = []
    for table, function, events in TRIGGERS:
        statements.append(
            f"CREATE CONSTRAINT TRIGGER {table}_stamp AFTER {events} ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    for table in TRUNCATED_TABLES:
        statements.append(
            f"CREATE TRIGGER {table}_truncate_stamp AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION articles_table_emptied()"
        )
    return statements


def drop_sql() -> list[str]:
    statements = [f"DROP TRIGGER {table}_stamp ON {table}" for table, *_ in TRIGGERS]
    statements += [f"DROP TRIGGER {table}_truncate_stamp ON {table}" for table in TRUNCATED_TABLES]
    functions = sorted({function for _, function, *_ in TRIGGERS})
    functions.append("articles_table_emptied")
    statements += [f"DROP FUNCTION {function}()" for function in functions]
    statements += [
        "DROP FUNCTION articles_article_touched(bigint)",
        "DROP FUNCTION articles_bump_stamp(bigint)",
        "DROP TABLE articles_change_stamp",
        "DROP SEQUENCE articles_change_stamp_seq",
    ]
    return statements


# Reading in index order: the newest articles (home page, search candidates), an outlet's
# newest (search by outlet), stories by latest date (home page). Written as SQL because the
# models cannot express NULLS LAST ordering in an index the planner matches to these ORDER BYs.
INDEXES = [
    ("article_recent_idx", "articles_article (published_at DESC NULLS LAST, id DESC)"),
    (
        "article_source_recent_idx",
        "articles_article (source_id, published_at DESC NULLS LAST, id DESC)",
    ),
    ("story_recent_idx", "articles_story (end_date DESC NULLS LAST, id DESC)"),
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_story_dates_index")]

    operations = [
        migrations.RunSQL(sql=[STAMP_SQL, *trigger_sql()], reverse_sql=drop_sql()),
        migrations.RunSQL(
            sql=[f"CREATE INDEX {name} ON {definition}" for name, definition in INDEXES],
            reverse_sql=[f"DROP INDEX {name}" for name, _ in INDEXES],
        ),
    ]
