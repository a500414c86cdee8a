"""How well the ingest pipeline reads real pages: headline, date, outlet, dateline, chrome.

Runs `parse_article` over the real-page development set in bench/realnews/ (see its README)
and compares each field with the hand-made gold. Pages whose text may be committed are in
bench/realnews/text/, the others in the gitignored bench/realnews/local/; each group is
scored separately, and a page whose text is absent is counted as missing, not as wrong.

    .venv/bin/python bench/metadata_quality.py             # the dev part
    .venv/bin/python bench/metadata_quality.py --blind     # the blind quarter (score it once)
    .venv/bin/python bench/metadata_quality.py --blind2    # the second held-out set, once
    .venv/bin/python bench/metadata_quality.py --blind3    # the third held-out set, once
    .venv/bin/python bench/metadata_quality.py --blind4    # the fourth held-out set, once
    .venv/bin/python bench/metadata_quality.py --verbose   # plus every wrong field
    .venv/bin/python bench/metadata_quality.py --json      # figures as JSON (for tests)

A field is right when:
- headline: the title equals the gold headline, compared without case, spacing, quote-mark
  and dash differences; a page that prints none is right when the title is empty or "Untitled";
- date: the calendar date equals the gold's (date_iso); none printed: no date read;
- outlet: the gold name (as the page names it) is the outlet's name, short name, one of its
  aliases or web domains, compared without case and punctuation; "not named": no outlet read;
- dateline: the place of the gold dateline (its text before the first comma, dash or bracket)
  equals the dateline read; none printed: none read.
Chrome: each gold chrome line that still stands in the body (paragraphs) survived.
Pure Python, no Django, no database.
"""

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from articles.ingest import IngestError, parse_article  # noqa: E402
from articles.ingest.outlets import KNOWN_OUTLETS  # noqa: E402

REALNEWS = ROOT / "bench" / "realnews"
FIELDS = ("headline", "date", "outlet", "dateline")
UNTITLED = {"", "untitled"}


def normalise(text: str | None) -> str:
    """Casefolded, accents and punctuation folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2018\u2019\u201a\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f«»]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[^\w'\"-]+", " ", text.casefold())
    return " ".join(text.replace("'", "").replace('"', "").split())


def dateline_place(dateline: str | None) -> str:
    place = re.split(r"[,(\u2013\u2014]| -|--", dateline or "", maxsplit=1)[0]
    return normalise(place)


def outlet_names(outlet) -> set[str]:
    """Every name the outlet read goes by: its own and, when it is a known one, its aliases."""
    if outlet is None:
        return set()
    names = {outlet.name, outlet.short_name}
    for known in KNOWN_OUTLETS:
        if known.outlet.name == outlet.name:
            names.update(known.names)
            # A page may name its outlet by its address ("DAWN.COM", "www.israelhayom.com").
            names.update(known.domains)
            names.update(f"www.{domain}" for domain in known.domains)
    return {normalise(name) for name in names if name}


@dataclass
class Page:
    id: str
    split: str
    committed: bool
    gold: dict
    text_path: Path
    notes: str = ""

    @property
    def group(self) -> str:
        return "committed" if self.committed else "local"


@dataclass
class Result:
    page: Page
    right: dict[str, bool] = field(default_factory=dict)
    read: dict[str, str] = field(default_factory=dict)
    chrome_total: int = 0
    chrome_survived: list[str] = field(default_factory=list)
    error: str = ""


def load_pages(folder: Path = REALNEWS) -> list[Page]:
    pages = []
    for path in sorted((folder / "pages").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        committed = bool(data.get("committed"))
        text_dir = folder / ("text" if committed else "local")
        pages.append(
            Page(
                id=data["id"],
                split=data.get("split", "dev"),
                committed=committed,
                gold=data["gold"],
                text_path=text_dir / f"{data['id']}.txt",
                notes=data.get("notes", ""),
            )
        )
    return pages


def score_page(page: Page) -> Result:
    result = Result(page)
    gold = page.gold
    data = page.text_path.read_bytes()
    try:
        parsed = parse_article(data, filename=page.text_path.name)
    except IngestError as error:
        result.error = str(error)
        for name in FIELDS:
            result.right[name] = False
        result.chrome_total = len(gold.get("chrome") or [])
        return result

    title = parsed.title or ""
    if gold.get("headline"):
        result.right["headline"] = normalise(title) == normalise(gold["headline"])
    else:
        result.right["headline"] = normalise(title) in UNTITLED
    result.read["headline"] = title

    published = parsed.published.date().isoformat() if parsed.published else None
    result.right["date"] = published == (gold.get("date_iso") or None)
    result.read["date"] = published or "-"

    names = outlet_names(parsed.outlet)
    gold_outlet = gold.get("outlet") or "not named"
    if normalise(gold_outlet) == "not named":
        result.right["outlet"] = not names
    else:
        result.right["outlet"] = normalise(gold_outlet) in names
    result.read["outlet"] = parsed.outlet.name if parsed.outlet else "-"

    result.right["dateline"] = dateline_place(parsed.dateline) == dateline_place(
        gold.get("dateline")
    )
    result.read["dateline"] = parsed.dateline or "-"

    body = normalise(" ".join(paragraph.text for paragraph in parsed.paragraphs))
    for line in gold.get("chrome") or []:
        wanted = normalise(line)
        if not wanted:
            continue
        result.chrome_total += 1
        if wanted in body:
            result.chrome_survived.append(line)
    return result


def summarise(results: list[Result]) -> dict:
    summary = {"pages": len(results)}
    for name in FIELDS:
        summary[name] = sum(result.right[name] for result in results)
    summary["pages_with_chrome"] = sum(bool(result.chrome_survived) for result in results)
    summary["chrome_lines"] = sum(result.chrome_total for result in results)
    summary["chrome_survived"] = sum(len(result.chrome_survived) for result in results)
    summary["errors"] = sum(bool(result.error) for result in results)
    return summary


def describe(label: str, summary: dict) -> str:
    count = summary["pages"]
    if not count:
        return f"{label}: no pages present"
    fields = "  ".join(
        f"{name} {summary[name]}/{count} ({100 * summary[name] / count:.1f}%)" for name in FIELDS
    )
    return (
        f"{label}: {count} pages  {fields}\n"
        f"{' ' * len(label)}  chrome: {summary['chrome_survived']} of "
        f"{summary['chrome_lines']} gold lines survived, on {summary['pages_with_chrome']} pages;"
        f" refused: {summary['errors']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blind", action="store_true", help="score the blind quarter instead")
    parser.add_argument(
        "--blind2", action="store_true", help="score the second held-out set (BLIND2.md), once"
    )
    parser.add_argument(
        "--blind3", action="store_true", help="score the third held-out set (BLIND3.md), once"
    )
    parser.add_argument(
        "--blind4", action="store_true", help="score the fourth held-out set (BLIND4.md), once"
    )
    parser.add_argument("--verbose", action="store_true", help="print every wrong field")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--folder", type=Path, default=REALNEWS)
    args = parser.parse_args(argv)

    chosen = [name for name in ("blind4", "blind3", "blind2", "blind") if getattr(args, name)]
    split = chosen[0] if chosen else "dev"
    pages = [page for page in load_pages(args.folder) if page.split == split]
    present = [page for page in pages if page.text_path.exists()]
    results = [score_page(page) for page in present]
    figures = {
        "split": split,
        "missing_text": len(pages) - len(present),
        "committed": summarise([r for r in results if r.page.committed]),
        "local": summarise([r for r in results if not r.page.committed]),
        "all": summarise(results),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    if args.verbose:
        for result in results:
            wrong = [name for name in FIELDS if not result.right[name]]
            if not wrong and not result.chrome_survived:
                continue
            print(f"== {result.page.id} ({result.page.group})")
            if result.error:
                print(f"   refused: {result.error}")
            for name in wrong:
                gold = result.page.gold.get("date_iso" if name == "date" else name)
                print(f"   {name}: read {result.read.get(name)!r}, gold {gold!r}")
            for line in result.chrome_survived:
                print(f"   chrome survived: {line!r}")
    print(f"Real pages, {split} part ({figures['missing_text']} without their text here)")
    for group in ("committed", "local", "all"):
        print(describe(f"  {group:9}", figures[group]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
