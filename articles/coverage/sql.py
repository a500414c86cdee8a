"""Running the queries that every import runs, written out in SQL beside the code that reads them.

Building them with the ORM took more time than running them. Each says which QuerySet it
stands for.
"""

from django.db import connection


def fetchall(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
