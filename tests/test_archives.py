import io
import stat
import zipfile

import pytest

from articles.archives import Limits, UploadedFile, UploadRefused, expand_uploads, expand_zip

ARTICLE = b"Headline here\n\nLONDON (Reuters) - Something happened on Monday, officials said.\n"


def make_zip(members: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_members_become_named_files():
    data = make_zip({"a.txt": ARTICLE, "sub/b.html": b"<html><p>x</p></html>"})
    expansion = expand_zip("batch.zip", data, Limits())
    assert [f.name for f in expansion.files] == ["batch.zip/a.txt", "batch.zip/sub/b.html"]
    assert expansion.files[0].data == ARTICLE
    assert expansion.refused == []


def test_zip_bomb_by_ratio_is_refused_while_reading():
    bomb = make_zip({"bomb.txt": b"a" * 5_000_000})
    with pytest.raises(UploadRefused, match="zip bomb"):
        expand_zip("bomb.zip", bomb, Limits(max_file_bytes=10_000_000, max_zip_ratio=50))


def test_zip_bomb_by_total_size_is_refused():
    # Each member is modest and compresses little, but together they exceed the total.
    import os

    members = {f"m{i}.txt": os.urandom(30_000) for i in range(5)}
    data = make_zip(members, compression=zipfile.ZIP_STORED)
    with pytest.raises(UploadRefused, match="more than 100,000 bytes"):
        expand_zip("big.zip", data, Limits(max_zip_total_bytes=100_000))


def test_zip_with_too_many_members_is_refused():
    data = make_zip({f"{i}.txt": ARTICLE for i in range(12)})
    with pytest.raises(UploadRefused, match="12 entries; at most 10"):
        expand_zip("many.zip", data, Limits(max_zip_members=10))


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "a/../../evil.txt"])
def test_zip_member_escaping_the_archive_is_refused(name):
    data = make_zip({name: ARTICLE})
    with pytest.raises(UploadRefused, match="escapes the archive"):
        expand_zip("escape.zip", data, Limits())


def test_zip_symlink_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(UploadRefused, match="symbolic links"):
        expand_zip("links.zip", buffer.getvalue(), Limits())


@pytest.mark.parametrize("inner", ["inner.zip", "inner.tar.gz", "inner.7z"])
def test_nested_archive_is_refused(inner):
    data = make_zip({"a.txt": ARTICLE, inner: make_zip({"b.txt": ARTICLE})})
    with pytest.raises(UploadRefused, match="archives inside archives"):
        expand_zip("outer.zip", data, Limits())


def test_corrupt_zip_is_refused_with_its_name():
    with pytest.raises(UploadRefused, match="broken.zip: not a readable zip"):
        expand_zip("broken.zip", b"PK\x03\x04 this is not really a zip", Limits())


def test_oversized_member_is_refused_but_others_are_kept():
    data = make_zip({"small.txt": ARTICLE, "large.txt": b"word " * 3000})
    expansion = expand_zip("mixed.zip", data, Limits(max_file_bytes=10_000, max_zip_ratio=1000))
    assert [f.name for f in expansion.files] == ["mixed.zip/small.txt"]
    assert expansion.refused[0].name == "mixed.zip/large.txt"
    assert "15,000 bytes; at most 10,000" in expansion.refused[0].reason


def test_non_article_members_are_refused_and_os_metadata_skipped():
    data = make_zip({"a.txt": ARTICLE, "photo.jpg": b"\xff\xd8\xff", "__MACOSX/._a.txt": b"x"})
    expansion = expand_zip("mixed.zip", data, Limits())
    assert [f.name for f in expansion.files] == ["mixed.zip/a.txt"]
    assert [r.name for r in expansion.refused] == ["mixed.zip/photo.jpg"]
    assert "'.jpg' files are not articles" in expansion.refused[0].reason


def test_too_many_files_in_one_request_is_refused():
    uploads = [UploadedFile(f"{i}.txt", ARTICLE) for i in range(4)]
    with pytest.raises(UploadRefused, match="4 files in one upload; at most 3"):
        expand_uploads(uploads, Limits(max_files=3))


def test_oversized_single_file_is_refused_and_the_rest_kept():
    uploads = [UploadedFile("ok.txt", ARTICLE), UploadedFile("huge.txt", b"x" * 2000)]
    expansion = expand_uploads(uploads, Limits(max_file_bytes=1000))
    assert [f.name for f in expansion.files] == ["ok.txt"]
    assert expansion.refused[0].name == "huge.txt"


def test_uploads_mix_plain_files_and_zips():
    uploads = [
        UploadedFile("one.txt", ARTICLE),
        UploadedFile("two.zip", make_zip({"b.txt": ARTICLE})),
    ]
    expansion = expand_uploads(uploads, Limits())
    assert [f.name for f in expansion.files] == ["one.txt", "two.zip/b.txt"]


def test_tarballs_are_refused_as_unsupported_archives():
    expansion = expand_uploads([UploadedFile("batch.tar.gz", b"\x1f\x8b rest")], Limits())
    assert expansion.files == []
    assert "only zip archives" in expansion.refused[0].reason


@pytest.mark.parametrize("name", [".", "", "sub/."])
def test_zip_member_without_a_file_name_is_refused_by_name_and_the_others_kept(name):
    data = make_zip({"a.txt": ARTICLE, name: ARTICLE, "b.txt": ARTICLE})
    expansion = expand_zip("batch.zip", data, Limits())
    assert [f.name for f in expansion.files] == ["batch.zip/a.txt", "batch.zip/b.txt"]
    assert [r.name for r in expansion.refused] == [f"batch.zip/{name}"]
    assert f"has no file name ({name!r})" in expansion.refused[0].reason


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("line\nbreak.txt", "line\ufffdbreak.txt"),
        ("carriage\rreturn.txt", "carriage\ufffdreturn.txt"),
        ("tab\tand\x7fdel.txt", "tab\ufffdand\ufffddel.txt"),
        ("evil\u202etxt.exe.txt", "evil\ufffdtxt.exe.txt"),  # right-to-left override
        ("café – été.txt", "café – été.txt"),
    ],
)
def test_control_characters_in_file_names_are_replaced_in_zips_and_plain_uploads(name, stored):
    uploads = [UploadedFile(name, ARTICLE), UploadedFile("b.zip", make_zip({name: ARTICLE}))]
    expansion = expand_uploads(uploads, Limits())
    assert [f.name for f in expansion.files] == [stored, f"b.zip/{stored}"]


def test_control_characters_in_a_refused_members_name_are_replaced():
    expansion = expand_zip("b.zip", make_zip({"photo\n.jpg": b"\xff\xd8\xff"}), Limits())
    assert [r.name for r in expansion.refused] == ["b.zip/photo\ufffd.jpg"]


# 40,000 bytes that compress about 3× (zips of them are not bombs).
NUMBERS = b"".join(b"%07d\n" % n for n in range(5_000))


def test_an_upload_over_the_request_size_limit_is_refused_before_any_zip_is_opened():
    uploads = [
        UploadedFile("a.txt", ARTICLE),
        UploadedFile("broken.zip", b"PK\x03\x04" + b"x" * 300),
    ]
    with pytest.raises(UploadRefused, match="these files come to 384 bytes; at most 300 bytes"):
        expand_uploads(uploads, Limits(max_request_bytes=300))


def test_a_member_that_would_take_the_upload_past_its_expansion_limit_is_never_read():
    broken = bytearray(make_zip({"a.txt": NUMBERS}))
    broken[40:50] = b"\xff" * 10  # its compressed bytes: reading it would fail
    uploads = [
        UploadedFile("0.zip", make_zip({"a.txt": NUMBERS})),
        UploadedFile("1.txt", b"x" * 30_000),
        UploadedFile("2.zip", bytes(broken)),
    ]
    limits = Limits(max_request_expanded_bytes=100_000)
    with pytest.raises(UploadRefused, match="2.zip/a.txt: this upload would expand to more than"):
        expand_uploads(uploads, limits)


def test_a_member_whose_compressed_bytes_are_damaged_is_refused_with_its_name():
    broken = bytearray(make_zip({"a.txt": NUMBERS}))
    broken[40:50] = b"\xff" * 10
    with pytest.raises(UploadRefused, match="broken.zip/a.txt: cannot be read"):
        expand_zip("broken.zip", bytes(broken), Limits())  # was a zlib.error: a 500


def test_zips_within_the_request_limits_are_all_expanded():
    uploads = [UploadedFile(f"{n}.zip", make_zip({"a.txt": NUMBERS})) for n in range(2)]
    expansion = expand_uploads(uploads, Limits(max_request_expanded_bytes=100_000))
    assert [f.name for f in expansion.files] == ["0.zip/a.txt", "1.zip/a.txt"]
