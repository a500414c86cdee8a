"""The read-only JSON API under /api/, built with Django REST framework: function views
(views.py) over the models' own QuerySet methods, filters read by one plain form (filters.py),
and serializers that name every field they give (serializers.py). Readers may read what the
pages show; editors' data (the review queue, the history of changes, rejected quotes) needs an
editor's session or token."""
