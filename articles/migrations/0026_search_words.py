"""Typo tolerance in search: the archive's vocabulary (SearchWord) for "Did you mean", and
indexes to find people by approximate name (their names and one-word aliases), accents
ignored.

The vocabulary holds each word once, as readers type it (lower case, unaccented, not stemmed:
a suggestion reads "helicopter", not the stem "helicopt"). It grows with the language, not with
the archive: some hundreds of thousands of words at 100,000 articles, most of them there from
the first few thousand. pg_trgm finds the words like a misspelt one through a trigram index in
a few milliseconds, where ts_stat() over the stored vectors reads every article's vector (and
gives stems). A row trigger adds the words of each article written, and of one whose text is
rewritten: one more parse of the text and an index probe per distinct word, no write for the
words already known. No counts are kept: counting in the trigger would make two importing
workers wait on the rows of common words until each commits; the few candidates of a
suggestion are counted in the full-text index instead (articles/spelling.py).

Filling the table from the articles already stored parses each once (about a minute at
100,000 articles).
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

import articles.models

# Words shorter than this have too few trigrams to be told apart, longer ones are not words.
WORDS = "unnest(tsvector_to_array(to_tsvector('newsroom_words', {text}))) AS words(word)"
WORD_LENGTH = "length({word}) BETWEEN 3 AND 40"
ARTICLE_TEXT = "concat_ws(' ', {row}title, {row}standfirst, {row}body)"

SQL = f"""
CREATE FUNCTION newsroom_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- Words only (no numbers, addresses or whole hyphenated words), accents removed, not stemmed.
CREATE TEXT SEARCH CONFIGURATION newsroom_words (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION newsroom_words
    ADD MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH unaccent, simple;

CREATE TABLE articles_searchword (word text PRIMARY KEY);

-- The known words are left out first: ON CONFLICT's own check of each took twice as long.
-- In word order, so that two imports adding the same new words wait for each other rather
-- than deadlock.
CREATE FUNCTION articles_article_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_searchword (word)
    SELECT words.word FROM {WORDS.format(text=ARTICLE_TEXT.format(row="NEW."))}
    WHERE {WORD_LENGTH.format(word="words.word")}
        AND NOT EXISTS (SELECT FROM articles_searchword known WHERE known.word = words.word)
    ORDER BY words.word
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_article_inserted_words AFTER INSERT ON articles_article
FOR EACH ROW EXECUTE FUNCTION articles_article_words();
CREATE TRIGGER articles_article_rewritten_words
AFTER UPDATE OF title, standfirst, body ON articles_article
FOR EACH ROW WHEN (
    OLD.title IS DISTINCT FROM NEW.title
    OR OLD.standfirst IS DISTINCT FROM NEW.standfirst
    OR OLD.body IS DISTINCT FROM NEW.body
) EXECUTE FUNCTION articles_article_words();

INSERT INTO articles_searchword (word)
SELECT DISTINCT words.word FROM articles_article, {WORDS.format(text=ARTICLE_TEXT.format(row=""))}
WHERE {WORD_LENGTH.format(word="words.word")}
ON CONFLICT DO NOTHING;
"""

REVERSE_SQL = """
DROP TRIGGER articles_article_rewritten_words ON articles_article;
DROP TRIGGER articles_article_inserted_words ON articles_article;
DROP FUNCTION articles_article_words();
DROP TABLE articles_searchword;
DROP TEXT SEARCH CONFIGURATION newsroom_words;
DROP FUNCTION newsroom_unaccent(text);
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_article_corrections")]

    operations = [
        # The table by hand: Django would add a second index on the key (for LIKE).
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(SQL, REVERSE_SQL)],
            state_operations=[
                migrations.CreateModel(
                    name="SearchWord",
                    fields=[("word", models.TextField(primary_key=True, serialize=False))],
                ),
            ],
        ),
        # After the table is filled: one build rather than an insert per word.
        migrations.AddIndex(
            model_name="searchword",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["word"],
                gin_pending_list_limit=256,
                name="search_word_trigram_idx",
                opclasses=["gin_trgm_ops"],
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    articles.models.Unaccented("name"), name="gin_trgm_ops"
                ),
                name="person_name_trigram_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="personalias",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    articles.models.Unaccented("alias"), name="gin_trgm_ops"
                ),
                condition=models.Q(("alias__contains", " "), _negated=True),
                name="alias_word_trigram_idx",
            ),
        ),
    ]
