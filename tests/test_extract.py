import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import DEMO_DIR


def test_extract_json_prints_one_object_per_article_without_the_database():
    out = StringIO()
    paths = [str(DEMO_DIR / "001_1a7374eea1c75804.txt"), str(DEMO_DIR / "002_ba46ccbaad925d34.txt")]
    call_command("extract", *paths, "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 2
    reuters, rferl = (json.loads(line) for line in lines)
    assert reuters["title"] == "NATO chief asks for Russian help in Afghanistan"
    assert reuters["outlet"]["short_name"] == "Reuters"
    assert reuters["dateline"] == "MOSCOW"
    assert reuters["captions"][0].endswith("REUTERS/Morteza Nikoubazl")
    assert rferl["published"].startswith("2009-12-16")
    assert rferl["published_precision"] == "day"
    assert {"kind": "subheading", "text": "Thaw In Relations"} in rferl["paragraphs"]
    assert any(block["reason"] for block in rferl["stripped"])
    for key in ("format", "standfirst", "byline", "credits", "outlet_evidence"):
        assert key in reuters


def test_extract_reports_an_unreadable_file_clearly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("extract", str(empty), stderr=err, stdout=StringIO())
    assert "empty.txt" in err.getvalue()


def test_extract_json_says_when_a_dates_year_was_inferred(tmp_path):
    page = tmp_path / "moscow.txt"
    page.write_text(
        "MOSCOW, December 16 (Reuters) - Russia said on Wednesday it would send more grain to "
        "the region, officials told reporters in the capital after a long meeting.\n\n"
        '"We will keep the corridor open," the minister said after the talks.\n\n'
        "Copyright 2009 Reuters. All rights reserved.\n"
    )
    out = StringIO()
    call_command(
        "extract", str(page), str(DEMO_DIR / "001_1a7374eea1c75804.txt"), "--json", stdout=out
    )
    inferred, printed = (json.loads(line) for line in out.getvalue().strip().splitlines())
    assert inferred["published"].startswith("2009-12-16") and inferred["published_inferred"]
    assert printed["published_inferred"] is False


def test_extract_summary_marks_an_untitled_page_and_an_inferred_year(tmp_path):
    page = tmp_path / "moscow.txt"
    page.write_text(
        "MOSCOW, December 16 (Reuters) - Russia said on Wednesday it would send more grain to "
        "the region, officials told reporters in the capital after a long meeting.\n\n"
        "Copyright 2009 Reuters. All rights reserved.\n"
    )
    out = StringIO()
    call_command("extract", str(page), stdout=out)
    assert "title:     (untitled)" in out.getvalue()
    assert "year inferred" in out.getvalue()
