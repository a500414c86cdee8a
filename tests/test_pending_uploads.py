"""/upload/pending/: uploads waiting for an outlet, by import, and naming it once or for all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, ImportBatch, ImportItem, Outlet, PendingUpload
from tests.helpers import UNSIGNED_STORY, make_user, make_zip, run_queued_tasks

pytestmark = pytest.mark.django_db
URL = reverse("articles:pending_uploads")


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("boss", staff=True))
    return client


def unsigned(number: int, lead: str = "") -> bytes:
    """A story naming no outlet; `lead` goes before its first paragraph ("(Name) -- ")."""
    title, first, rest = UNSIGNED_STORY.split("\n\n", 2)
    first = first.replace("hundreds of people", f"{number + 100} people")
    return f"{title} {number}\n\n{lead}{first}\n\n{rest}".encode()


def upload(client, files: dict[str, bytes]) -> ImportBatch:
    response = client.post(reverse("articles:upload"), {"files": SimpleUploadedFile(
        "upload.zip", make_zip(files)
    )})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    run_queued_tasks()
    return ImportBatch.objects.latest("pk")


def test_an_outlet_named_once_is_recognised_in_the_next_file_naming_it(admin_client):
    upload(admin_client, {"first.txt": unsigned(1)})
    pending = PendingUpload.objects.get()
    response = admin_client.post(
        reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "Steppe Courier"}
    )
    assert response.status_code == 302
    outlet = Outlet.objects.get(name="Steppe Courier")

    # Its "(Name) --" credit, and its copyright line (here under a name it is known by).
    upload(admin_client, {"second.txt": unsigned(2, lead="(Steppe Courier) -- ")})
    outlet.aliases = ["Steppe Courier Media Group"]
    outlet.save()
    third = unsigned(3) + b"\n\xc2\xa9 2024 Steppe Courier Media Group. All rights reserved.\n"
    upload(admin_client, {"third.txt": third})

    assert not PendingUpload.objects.exists()
    second, third = Article.objects.order_by("pk")[1:]
    assert second.outlet == outlet and second.outlet_evidence == "(Steppe Courier)"
    assert third.outlet == outlet and "Steppe Courier Media Group" in third.outlet_evidence


def test_a_file_naming_an_outlet_nobody_named_yet_waits(admin_client):
    # A credit in brackets, in no outlet's shape ("(Steppe Courier) --" is one: a site signing
    # its story, read as an outlet not known yet), is no outlet until someone names it.
    upload(admin_client, {"second.txt": unsigned(2, lead="(Kestrel Bay) -- ")})
    assert PendingUpload.objects.count() == 1 and not Article.objects.exists()


def test_a_file_signed_in_an_outlets_shape_is_imported_under_that_outlet(admin_client):
    upload(admin_client, {"second.txt": unsigned(2, lead="(Steppe Courier) -- ")})
    assert not PendingUpload.objects.exists()
    assert Article.objects.get().outlet.name == "Steppe Courier"


def test_the_pending_page_shows_the_first_lines_of_each_file(admin_client):
    upload(admin_client, {"a.txt": unsigned(1), "b.txt": unsigned(2)})
    page = admin_client.get(URL).content.decode()
    assert page.count('<pre class="first-lines">') == 2
    assert "Floods close mountain roads 1\nHeavy rain has closed roads across the region" in page
    assert PendingUpload.objects.get(title="Floods close mountain roads 2").first_lines == (
        "Floods close mountain roads 2\n"
        "Heavy rain has closed roads across the region, and 102 people were moved from their "
        "homes overnight as rivers burst their banks.\n"
        "Rescue teams worked through the night to reach villages cut off by the water."
    )


def test_the_pending_page_groups_files_by_import_with_one_form_for_all(admin_client):
    first = upload(admin_client, {"a.txt": unsigned(1), "b.txt": unsigned(2)})
    second = upload(admin_client, {"c.txt": unsigned(3)})
    page = admin_client.get(URL).content.decode()
    bulk = reverse("articles:assign_batch_outlet", args=[first.pk])
    assert f'action="{bulk}"' in page and "Import all 2" in page
    # An import with one file waiting needs no second form.
    assert reverse("articles:assign_batch_outlet", args=[second.pk]) not in page
    assert page.index(f'id="pending-import-{second.pk}"') < page.index(
        f'id="pending-import-{first.pk}"'
    )


def test_one_outlet_is_given_to_all_the_waiting_files_of_an_import(admin_client):
    first = upload(
        admin_client,
        {"a.txt": unsigned(1), "b.txt": unsigned(2), "c.txt": unsigned(3)},
    )
    other = upload(admin_client, {"d.txt": unsigned(4)})
    response = admin_client.post(
        reverse("articles:assign_batch_outlet", args=[first.pk]), {"outlet": "Steppe Courier"}
    )
    queued = ImportBatch.objects.latest("pk")
    assert response.status_code == 302 and response.url == queued.get_absolute_url()
    assert queued.outlet == "Steppe Courier"
    run_queued_tasks()
    assert sorted(Article.objects.values_list("original_filename", "outlet__name")) == [
        (f"upload.zip/{name}", "Steppe Courier") for name in ("a.txt", "b.txt", "c.txt")
    ]
    # The other import's file still waits.
    waiting = PendingUpload.objects.get()
    assert ImportItem.objects.filter(batch=other, pending=waiting).exists()


def test_the_import_says_what_became_of_a_file_once_its_outlet_is_named(admin_client):
    """Named one by one or for all, a waiting file counts as imported in the import it came
    from, and its row there leads to the article."""
    first = upload(admin_client, {"a.txt": unsigned(1), "b.txt": unsigned(2), "c.txt": unsigned(3)})
    assert first.summary == {"imported": 0, "duplicate": 0, "needs_outlet": 3, "failed": 0}
    pending = PendingUpload.objects.get(original_filename="upload.zip/a.txt")
    admin_client.post(
        reverse("articles:assign_outlet", args=[pending.pk]), {"outlet": "Steppe Courier"}
    )
    first.refresh_from_db()
    assert first.summary == {"imported": 1, "duplicate": 0, "needs_outlet": 2, "failed": 0}
    admin_client.post(
        reverse("articles:assign_batch_outlet", args=[first.pk]), {"outlet": "Steppe Courier"}
    )
    run_queued_tasks()
    first.refresh_from_db()
    assert first.summary == {"imported": 3, "duplicate": 0, "needs_outlet": 0, "failed": 0}
    items = first.items.order_by("name")
    assert [item.status for item in items] == ["imported"] * 3
    assert [item.article.original_filename for item in items] == [
        f"upload.zip/{name}" for name in ("a.txt", "b.txt", "c.txt")
    ]
    page = admin_client.get(first.get_absolute_url()).content.decode()
    assert "Needs an outlet" not in page
    assert page.count("imported once its outlet was named") == 3
    assert not PendingUpload.objects.exists()


def test_an_outlet_for_all_must_be_given(admin_client):
    first = upload(admin_client, {"a.txt": unsigned(1), "b.txt": unsigned(2)})
    response = admin_client.post(
        reverse("articles:assign_batch_outlet", args=[first.pk]), {"outlet": " "}
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert PendingUpload.objects.count() == 2


def test_an_outlet_for_all_is_for_staff_only(client):
    client.force_login(make_user("reader"))
    response = client.post(reverse("articles:assign_batch_outlet", args=[1]), {"outlet": "X"})
    assert response.status_code == 403


def make_pending(batches: int, per_batch: int) -> None:
    """Uploads waiting, as imports leave them, without importing."""
    for b in range(batches):
        batch = ImportBatch.objects.create(label=f"import {b}")
        for n in range(per_batch):
            pending = PendingUpload.objects.create(
                original=b"x",
                original_filename=f"{b}-{n}.txt",
                fingerprint=f"{b}-{n}",
                title=f"Story {b}-{n}",
                first_lines=f"Story {b}-{n}\nFirst line",
            )
            ImportItem.objects.create(
                batch=batch, name=pending.original_filename, status="needs_outlet", pending=pending
            )


@pytest.mark.parametrize("batches,per_batch", [(1, 2), (4, 6)])
def test_the_pending_page_costs_the_same_queries_whatever_is_waiting(
    admin_client, django_assert_max_num_queries, batches, per_batch
):
    make_pending(batches, per_batch)
    with django_assert_max_num_queries(8):
        page = admin_client.get(URL).content.decode()
    assert page.count('<pre class="first-lines">') == batches * per_batch
    assert page.count("Import all") == batches
