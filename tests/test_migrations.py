"""Migrations that change data already stored, run forward from the state before them."""

import contextlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target=None):
    """Migrate the test database to `target`, or to the latest migrations."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target or executor.loader.graph.leaf_nodes())


@contextlib.contextmanager
def before(migration: str):
    """The database as it was before `migration`, and back to the latest after the test."""
    executor = MigrationExecutor(connection)
    [previous] = executor.loader.graph.node_map[("articles", migration)].parents
    try:
        migrate([previous.key])
        yield lambda: migrate([("articles", migration)])
    finally:
        migrate()


@pytest.mark.django_db(transaction=True)
def test_the_stop_words_stored_before_0028_leave_the_vocabulary_and_new_ones_never_enter():
    with before("0028_search_words_without_stop_words") as run_it, connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_searchword (word) VALUES ('the'), ('after'), ('helicopter')"
        )
        run_it()
        cursor.execute("SELECT word FROM articles_searchword ORDER BY word")
        assert [row[0] for row in cursor.fetchall()] == ["helicopter"]
        cursor.execute("SELECT ts_lexize('newsroom_words', 'there')")
        assert cursor.fetchone()[0] == []


@pytest.mark.django_db(transaction=True)
def test_0029_marks_the_imports_own_changes_stored_before_it_as_automatic():
    with before("0029_edit_automatic") as run_it, connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_edit (user_id, created_at, action, target_type, target_id,"
            " summary, before, after, quote_ids) VALUES"
            " (NULL, now(), 'merge_stories', 'story', 1, 'Automatically merged the story',"
            "  '{}', '{}', '{}'),"
            " (NULL, now(), 'rename_story', 'story', 1, 'Renamed the story', '{}', '{}', '{}')"
        )
        run_it()
        cursor.execute("SELECT summary, automatic FROM articles_edit ORDER BY id")
        assert cursor.fetchall() == [
            ("Automatically merged the story", True),
            ("Renamed the story", False),
        ]
