"""The pages, by who uses them: readers (reading.py), admins uploading (uploads.py), editors
(editing*.py); access.py and htmx.py are shared helpers. The log-in is Django's own, rate
limited by django-axes (newsroom/logins.py)."""
