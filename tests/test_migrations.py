"""Migrations that change data already stored, run forward from the state before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target=None):
    """Migrate the test database to `target`, or to the latest migrations."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_stop_words_stored_before_0028_leave_the_vocabulary_and_new_ones_never_enter():
    try:
        migrate([("articles", "0027_seed_publishers")])
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_searchword (word) VALUES ('the'), ('after'), ('helicopter')"
            )
        migrate([("articles", "0028_search_words_without_stop_words")])
        with connection.cursor() as cursor:
            cursor.execute("SELECT word FROM articles_searchword ORDER BY word")
            assert [row[0] for row in cursor.fetchall()] == ["helicopter"]
            cursor.execute("SELECT ts_lexize('newsroom_words', 'there')")
            assert cursor.fetchone()[0] == []
    finally:
        migrate()


@pytest.mark.django_db(transaction=True)
def test_0029_marks_the_imports_own_changes_stored_before_it_as_automatic():
    try:
        migrate([("articles", "0028_search_words_without_stop_words")])
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_edit (user_id, created_at, action, target_type, target_id,"
                " summary, before, after, quote_ids) VALUES"
                " (NULL, now(), 'merge_stories', 'story', 1, 'Automatically merged the story',"
                "  '{}', '{}', '{}'),"
                " (NULL, now(), 'rename_story', 'story', 1, 'Renamed the story', '{}', '{}', '{}')"
            )
        migrate([("articles", "0029_edit_automatic")])
        with connection.cursor() as cursor:
            cursor.execute("SELECT summary, automatic FROM articles_edit ORDER BY id")
            assert cursor.fetchall() == [
                ("Automatically merged the story", True),
                ("Renamed the story", False),
            ]
    finally:
        migrate()
