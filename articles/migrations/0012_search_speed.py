"""Search speed on a large archive: small pending lists for the full-text indexes.

A full-text (GIN) index holds new entries in a pending list until it reaches
`gin_pending_list_limit` (4 MB by default), and every search reads the whole list: 300-400
pages, 1-6 ms a search on 25,000 articles. Worse, the planner counts those pages in the cost of
the index, so for a rare word it walked the newest 5,000 articles' vectors (15-30 ms) instead
of asking the index (under 1 ms). A 256 kB list keeps both small; imports merge it into the
index more often, about 0.05 ms more per article. The list left over is merged now.
"""

import django.contrib.postgres.indexes
from django.db import migrations

SEARCH_INDEXES = [("article", "article_search_idx"), ("quote", "quote_search_idx")]


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_story_revision")]

    operations = [
        # Set on the live indexes (no rebuild); the models say the same.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql=[
                        f"ALTER INDEX {name} SET (gin_pending_list_limit = 256)"
                        for _, name in SEARCH_INDEXES
                    ]
                    + [f"SELECT gin_clean_pending_list('{name}')" for _, name in SEARCH_INDEXES],
                    reverse_sql=[
                        f"ALTER INDEX {name} RESET (gin_pending_list_limit)"
                        for _, name in SEARCH_INDEXES
                    ],
                ),
            ],
            state_operations=[
                operation
                for model, name in SEARCH_INDEXES
                for operation in (
                    migrations.RemoveIndex(model_name=model, name=name),
                    migrations.AddIndex(
                        model_name=model,
                        index=django.contrib.postgres.indexes.GinIndex(
                            fields=["search_vector"], gin_pending_list_limit=256, name=name
                        ),
                    ),
                )
            ],
        ),
    ]
