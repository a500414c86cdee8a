"""Small builders for test data."""

import io
import zipfile

from django.contrib.auth import get_user_model

from articles.importer import import_file

WIRE_STORY = (
    "Ministers agree on grain corridor\n\n"
    "ANKARA (Reuters) - Ministers from four countries agreed on Tuesday to reopen a grain "
    "corridor through the Black Sea, officials said.\n\n"
    "The deal was reached after two days of talks in the Turkish capital.\n\n"
    "Reporting by Ali Kucukgocmen; Editing by Jane Merriman\n"
)

UNSIGNED_STORY = (
    "Floods close mountain roads\n\n"
    "Heavy rain has closed roads across the region, and hundreds of people were moved from "
    "their homes overnight as rivers burst their banks.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water.\n"
)


def make_user(username="reader", *, staff=False, password="pw-for-tests-123"):
    user = get_user_model().objects.create_user(username=username, password=password)
    user.is_staff = staff
    user.save()
    return user


def make_article(text: str = WIRE_STORY, *, name="story.txt", outlet=None):
    report = import_file(name, text.encode(), outlet=outlet)
    assert report.article is not None, report.message
    return report.article


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
