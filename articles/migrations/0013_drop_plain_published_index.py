"""The plain index on articles' publication time goes: article_recent_idx (published_at DESC
NULLS LAST, id DESC, migration 0009) serves every range and order on it. With both, the planner
read the search's whole window of the newest 5,000 articles through the plain one and sorted
them, where walking article_recent_idx newest first stops at the first 200 matches: a common
word took 57 ms instead of 27 on 100,000 articles. One index less to write on import, too.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_search_speed")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="articles_ar_publish_a51805_idx"),
    ]
