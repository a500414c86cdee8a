"""bench/corpus.py: the large generated corpus is reproducible, realistic enough, and counted.

Pure code (no database): the ingest pipeline and the quote extractor read the generated files.
"""

import itertools
import zipfile
from collections import Counter

from articles.ingest import find_outlet, parse_article
from articles.quotes import extract_quotes, quotable_texts
from bench.corpus import CORPUS_OUTLETS, corpus_events, stream, write_corpus


def first(n, seed=1):
    return list(itertools.islice(stream(seed), n))


def test_the_same_seed_gives_the_same_files_and_a_longer_corpus_starts_with_a_shorter_one():
    assert first(150) == first(300)[:150]
    assert first(150, seed=2) != first(150)


def test_zips_hold_at_most_the_upload_limit_and_the_counts_add_up(tmp_path):
    counts = write_corpus(tmp_path, articles=230, seed=3, zip_members=100)
    zips = sorted(tmp_path.glob("*.zip"))
    sizes = [len(zipfile.ZipFile(path).namelist()) for path in zips]
    assert sizes == [100, 100, 30]
    assert counts["articles"] == 230
    assert counts["quotations"] == sum(quotations for _, _, quotations in first(230, seed=3))
    assert counts["text"] + counts["html"] == 230 and counts["html"] > 0


def test_every_outlet_is_told_from_its_own_layout_and_dates_are_read():
    wanted = {name for name, _, _ in CORPUS_OUTLETS}
    assert len(wanted) >= 40
    seen, undated = set(), 0
    for name, data, _ in first(1500):
        parsed = parse_article(data, filename=name)
        slug = name.rsplit("-", 1)[1].split(".")[0]
        outlet = next(o for o in CORPUS_OUTLETS if _slug(o[0]) == slug)
        known = find_outlet(outlet[0])
        assert parsed.outlet is not None
        assert parsed.outlet.name == (known.name if known else outlet[2]), name
        assert parsed.title and parsed.paragraphs
        undated += parsed.published is None
        seen.add(outlet[0])
    assert seen == wanted
    assert undated < 1500 * 0.05  # a few pages lost their date, as saved pages do


def _slug(name):
    return "".join(c for c in name.lower() if c.isalnum())


def test_expected_quotations_are_the_ones_the_extractor_finds_with_their_speakers():
    expected = found = named = 0
    for name, data, quotations in first(300):
        parsed = parse_article(data, filename=name)
        quotes = extract_quotes(quotable_texts(parsed.paragraphs)).quotes
        expected += quotations
        found += len(quotes)
        named += sum(1 for quote in quotes if quote.speaker)
    assert found == expected
    assert 8 <= expected / 300 <= 12  # about ten quotations per article
    assert named > 0.9 * found


def test_events_spread_over_years_with_one_to_many_reports():
    reports, days, total = Counter(), set(), 0
    for event in corpus_events(1):
        reports[event["reports"]] += 1
        days.add(event["day"])
        total += event["reports"]
        if total >= 100_000:
            break
    assert (max(days) - min(days)).days > 3 * 365
    assert min(reports) == 1 and sum(n for k, n in reports.items() if k >= 10) >= 10
    assert max(reports) > 15  # a few big ones
    assert reports[1] > reports[5] > reports[12]
