"""The search vocabulary without stop words.

None is ever searched for, and each cost every import an index probe in the trigger (about
0.4 ms an article). This changes the text search configuration the trigger already uses, so the
trigger itself is unchanged, and removes the stop words 0026 stored. It is a migration of its own
because 0026 had been applied already: editing it would leave those databases as they were.
"""

from django.db import migrations

SQL = """
-- A database that ran an early draft of 0026 has the dictionary already.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_ts_dict WHERE dictname = 'newsroom_words') THEN
        CREATE TEXT SEARCH DICTIONARY newsroom_words (
            TEMPLATE = pg_catalog.simple, STOPWORDS = english
        );
    END IF;
END $$;
ALTER TEXT SEARCH CONFIGURATION newsroom_words
    ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH unaccent, newsroom_words;
-- A stop word is a word the dictionary turns into no lexeme at all.
DELETE FROM articles_searchword WHERE ts_lexize('newsroom_words', word) = '{}';
"""

REVERSE_SQL = """
ALTER TEXT SEARCH CONFIGURATION newsroom_words
    ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH unaccent, simple;
DROP TEXT SEARCH DICTIONARY newsroom_words;
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0027_seed_publishers")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
