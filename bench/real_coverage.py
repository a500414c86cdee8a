"""Real coverage imported as a user would, for bench/story_quality.py and
bench/statement_quality.py (`--real`): stories against the gold events of bench/realnews/
events.json, statement groups against its shared statements.

The event pages whose text is present (bench/realnews/text or local) are imported into the
current database through articles.imports, in a random order, each file on its own as the upload
page does; a page from which no outlet can be read is then given one, as the uploader says on the
pending-uploads page (the gold outlet, or the site's address where the page names none). The
stories' relatives are linked after every CHUNK_SIZE files, as a worker does per task.

Parts, as the README says: `dev` imports the development pages only; `blind` imports the dev
and blind pages (the dev pages are its hard negatives too) and scores the blind pages only;
`blind2` (BLIND2.md, events_blind2.json) imports those and its own, and scores its own;
`blind3` (BLIND3.md, events_blind3.json) and `blind4` (BLIND4.md, events_blind4.json)
likewise, beside the dev and blind pages.

Stories are scored by B-cubed precision and recall over the scored pages (each page: the share
of its story that reports its event, and the share of its event that its story holds; singleton
pages and hard negatives are events of their own). Statements, over the gold's cross-page
rendition pairs: a rendition is located as the page's quote whose text contains it, or is
contained in it (compared without case and punctuation); a pair is found when both renditions'
quotes are in one statement group (a quote's groups: its own, and those whose statement it
holds as part of a longer passage, Quote.also_in). Precision is over the pairs of quotes (of
two pages) that render gold statements and are grouped together: right when they render one
statement.
"""

import json
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

REALNEWS = Path(__file__).resolve().parent / "realnews"
CHUNK_SIZE = 25  # files per worker task (articles.imports.batches.CHUNK_SIZE)


@dataclass(frozen=True)
class RealPage:
    id: str
    event: str  # the gold event's id, or the page's own id for a singleton
    split: str
    path: Path
    outlet: str  # what the uploader says when asked


@dataclass
class Statement:
    event: str
    speaker: str
    renditions: list[tuple[str, str]]  # (page id, text between the quotation marks)


@dataclass
class RealSet:
    pages: list[RealPage]  # present and imported
    scored: set[str]  # ids of the pages scored
    statements: list[Statement]
    missing: list[str] = field(default_factory=list)  # pages of the part without their text


def page_text(page_id: str) -> Path | None:
    """The stored text of a real page: committed (text/) or kept locally (local/); None when
    this checkout has neither."""
    for folder in ("text", "local"):
        path = REALNEWS / folder / f"{page_id}.txt"
        if path.exists():
            return path
    return None


def _uploaders_outlet(page: dict) -> str:
    outlet = (page["gold"].get("outlet") or "").strip()
    if outlet and outlet.casefold() != "not named":
        return outlet
    return urlsplit(page["url"]).hostname.removeprefix("www.")


# The pages each part imports: its own and those of the parts before it (hard negatives). Any
# other split (a held-out set still being built) is never imported.
PARTS = {
    "dev": ("dev",),
    "blind": ("dev", "blind"),
    "blind2": ("dev", "blind", "blind2"),
    "blind3": ("dev", "blind", "blind3"),
    "blind4": ("dev", "blind", "blind4"),
}


def _gold(part: str) -> dict:
    """The events and singletons of events.json, and for a later held-out set of its own
    events_<part>.json too."""
    gold = json.loads((REALNEWS / "events.json").read_text(encoding="utf-8"))
    if part in ("blind2", "blind3", "blind4"):
        more = json.loads((REALNEWS / f"events_{part}.json").read_text(encoding="utf-8"))
        gold["events"] = [*gold["events"], *more["events"]]
        gold["singletons"] = [*gold["singletons"], *more["singletons"]]
    return gold


def load(part: str = "dev") -> RealSet:
    """The pages to import for `part` (a key of PARTS), which of them are scored,
    and the shared statements of the scored events."""
    gold = _gold(part)
    events = {page: event["id"] for event in gold["events"] for page in event["pages"]}
    events.update({page: page for page in gold["singletons"]})
    pages, scored, missing = [], set(), []
    for page_id, event in sorted(events.items()):
        meta = json.loads((REALNEWS / "pages" / f"{page_id}.json").read_text(encoding="utf-8"))
        split = meta.get("split", "dev")
        if split not in PARTS[part]:
            continue  # later parts are not looked at while rules change
        path = page_text(page_id)
        if path is None:
            if split == part:
                missing.append(page_id)
            continue
        pages.append(RealPage(page_id, event, split, path, _uploaders_outlet(meta)))
        if split == part:
            scored.add(page_id)
    statements = [
        Statement(
            event["id"],
            statement["speaker"],
            [(r["page"], r["text"]) for r in statement["renditions"] if r["page"] in scored],
        )
        for event in gold["events"]
        if event["split"] == part
        for statement in event.get("statements", [])
    ]
    return RealSet(pages, scored, statements, missing)


def import_pages(pages: list[RealPage], seed: int) -> dict[str, int]:
    """Import the pages in a random order (`seed`) into the current database; page id -> its
    article's id (pages refused are left out). Each file is named as a reader saves a page,
    by nothing that tells its event."""
    from articles.imports import import_within_time_limit
    from articles.imports.running import link_new_stories

    order = list(pages)
    random.Random(seed).shuffle(order)
    articles = {}
    for number, page in enumerate(order, start=1):
        name = f"page-{number:03d}.txt"
        data = page.path.read_bytes()
        report = import_within_time_limit(name, data)
        if report.status == "needs_outlet":
            # The pending-uploads page: the uploader names the outlet.
            report = import_within_time_limit(name, data, outlet=page.outlet)
            link_new_stories()
        if report.article is not None:
            articles[page.id] = report.article.pk
        if number % CHUNK_SIZE == 0:
            link_new_stories()
    link_new_stories()
    return articles


def reset_database() -> None:
    """Empty the app's tables and this process's caches, for the next order of import."""
    from django.core.management import call_command

    from articles import matching
    from articles.coverage import placement
    from articles.imports import storing

    call_command("flush", verbosity=0, interactive=False)
    placement.clear_caches()
    matching.clear_caches()
    storing.forget_outlet_rows()


# ----------------------------------------------------------------------------- stories


def bcubed(found: dict[str, object], gold: dict[str, str], scored: set[str]):
    """B-cubed (precision, recall, F1) of the clusters `found` (page -> story) against `gold`
    (page -> event), averaged over the `scored` pages; a page not imported is a story alone."""
    found = {page: found.get(page, ("alone", page)) for page in gold}
    by_story: dict[object, set[str]] = {}
    by_event: dict[str, set[str]] = {}
    for page in gold:
        by_story.setdefault(found[page], set()).add(page)
        by_event.setdefault(gold[page], set()).add(page)
    precision = recall = 0.0
    for page in scored:
        story, event = by_story[found[page]], by_event[gold[page]]
        both = len(story & event)
        precision += both / len(story)
        recall += both / len(event)
    n = len(scored) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def stories_of(articles: dict[str, int]) -> dict[str, int]:
    from articles.models import Article

    story = dict(Article.objects.filter(pk__in=articles.values()).values_list("pk", "story_id"))
    return {page: story[pk] for page, pk in articles.items()}


def describe_stories(real: RealSet, articles: dict[str, int]) -> list[str]:
    """Each story holding a scored page: its title and its pages with their events."""
    from articles.models import Story

    stories = stories_of(articles)
    events = {page.id: page.event for page in real.pages}
    by_story: dict[int, list[str]] = {}
    for page, story in stories.items():
        by_story.setdefault(story, []).append(page)
    titles = dict(Story.objects.filter(pk__in=by_story).values_list("pk", "title"))
    lines = []
    for story, pages in sorted(by_story.items(), key=lambda item: -len(item[1])):
        if not real.scored & set(pages):
            continue
        counts = Counter(events[page] for page in pages)
        lines.append(f"  story {story} «{titles[story][:80]}»: {dict(counts)}")
        lines.extend(f"      {page}" for page in sorted(pages, key=events.get))
    return lines


# ----------------------------------------------------------------------------- statements


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2018\u2019`´']", "", text.casefold())
    return " ".join(re.findall(r"\w+", text))


def locate(rendition: str, quotes: list[tuple[int, str, frozenset[int]]]) -> tuple | None:
    """The quote (id, text, its group ids) of a page that renders `rendition`: the one whose text
    contains it, or is contained in it, sharing the most words, and of those the fullest (a
    body quote holding a headline's words renders all they render); None when the page has
    none."""
    wanted = _folded(rendition)
    best, best_size = None, (0, 0)
    for quote in quotes:
        text = _folded(quote[1])
        if not text or not wanted:
            continue
        if wanted in text or text in wanted:
            size = (min(len(text), len(wanted)), len(text))
            if size > best_size:
                best, best_size = quote, size
    return best


@dataclass
class PairScore:
    gold: int = 0  # cross-page rendition pairs in the gold
    located: int = 0  # of which both renditions were found as quotes
    found: int = 0  # pairs of quotes rendering gold statements, grouped together
    right: int = 0  # of which both render one statement
    grouped: int = 0  # gold pairs whose quotes are grouped together (recall's count)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.grouped / self.gold if self.gold else 1.0

    def add(self, other: "PairScore") -> None:
        for name in ("gold", "located", "found", "right", "grouped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def statement_pairs(real: RealSet, articles: dict[str, int]) -> PairScore:
    """Recall over the gold's rendition pairs; precision over the pairs of quotes (of two
    pages) grouped together that render gold statements: right when they share one. A quote
    the extractor read across several statements (a long statement in one quotation) renders
    each of them."""
    from articles.models import Article, Quote

    stories = dict(Article.objects.filter(pk__in=articles.values()).values_list("pk", "story_id"))
    visible = Quote.objects.visible().filter(article_id__in=articles.values())
    also: dict[int, set[int]] = {}
    for pk, group in Quote.also_in.through.objects.filter(quote__in=visible).values_list(
        "quote_id", "statementgroup_id"
    ):
        also.setdefault(pk, set()).add(group)
    quotes: dict[int, list[tuple[int, str, frozenset[int]]]] = {}
    for article, pk, text, group in visible.values_list("article_id", "pk", "text", "group_id"):
        groups = frozenset(also.get(pk, set()) | ({group} if group else set()))
        quotes.setdefault(article, []).append((pk, text, groups))
    score = PairScore()
    renders: dict[tuple, set[int]] = {}  # (quote, page) -> the statements it renders
    for number, statement in enumerate(real.statements):
        located = {}
        for page, text in statement.renditions:
            found = locate(text, quotes.get(articles.get(page), []))
            if found is not None:
                located[page] = found
                renders.setdefault((found, page), set()).add(number)
        for (pa, ta), (pb, tb) in combinations(statement.renditions, 2):
            if pa == pb:
                continue
            score.gold += 1
            qa, qb = located.get(pa), located.get(pb)
            if qa is None or qb is None:
                score.missed.append(
                    f"{pa} / {pb}: not found as a quote: «{(tb if qa else ta)[:60]}»"
                )
                continue
            score.located += 1
            if qa[2] & qb[2]:
                score.grouped += 1
            else:
                where = (
                    "same story"
                    if stories.get(articles.get(pa)) == stories.get(articles.get(pb))
                    else "two stories"
                )
                score.missed.append(f"{pa} / {pb} ({where}): «{qa[1][:60]}» / «{qb[1][:60]}»")
    for ((qa, pa), sa), ((qb, pb), sb) in combinations(renders.items(), 2):
        if pa == pb or not qa[2] & qb[2]:
            continue
        score.found += 1
        if sa & sb:
            score.right += 1
        else:
            score.wrong.append(f"{pa} / {pb}: «{qa[1][:60]}» / «{qb[1][:60]}»")
    return score


def run(part: str, seeds: list[int], report_one, verbose: bool = False) -> None:
    """Import the part's pages once per seed, in a throw-away database, calling
    `report_one(real, articles)` after each order; the caller sums up."""
    from django.db import connection

    real = load(part)
    print(
        f"real coverage, {part} part: {len(real.pages)} pages imported, {len(real.scored)} "
        f"scored ({len(real.missing)} without their text here)"
    )
    old_name = connection.settings_dict["NAME"]
    # A database of its own: the synthetic benchmark may be running beside it.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_real"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        for seed in seeds:
            reset_database()
            articles = import_pages(real.pages, seed)
            report_one(real, articles, seed)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
