"""The pages, by who uses them: readers (reading.py), admins uploading (uploads.py), editors
(editing*.py), and the log-in (accounts.py); access.py and htmx.py are shared helpers."""
