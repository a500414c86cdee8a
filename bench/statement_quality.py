"""Precision and recall of statement groups: are quotes of one statement grouped, and only they?

Two sets, run through the real pipeline without a database (ingest -> quotes -> matching):
- generated events (bench/corpus.py) where every quotation's statement is known: outlets quote
  in full, in part and reworded, and leave statements out;
- the demo corpus's December 2009 story, whose four shared statements the issue names.

Scored over pairs of quotes from different articles: a pair is "same statement" in the gold
when both quote the same statement; precision = right pairs found / pairs found, recall =
right pairs found / gold pairs.

    .venv/bin/python bench/statement_quality.py [--events 40]

`--real` scores real coverage instead: the event pages of bench/realnews/ imported into a
database as a user would, in random orders (bench/real_coverage.py), against the gold's
cross-page rendition pairs of its shared statements. The development part; `--blind` the
blind part; `--held-out blind2` the second blind set (bench/realnews/BLIND2.md), `blind3`
the third, `blind4` the fourth.

    .venv/bin/python bench/statement_quality.py --real [--orders 3] [--verbose]
    .venv/bin/python bench/statement_quality.py --real --blind
    .venv/bin/python bench/statement_quality.py --real --held-out blind2|blind3|blind4
"""

import argparse
import datetime
import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles import matching  # noqa: E402
from articles.ingest import parse_article  # noqa: E402
from articles.quotes import extract_quotes, quotable_texts  # noqa: E402
from bench.corpus import OUTLETS, make_event, render_report  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent / "articles" / "demo"
DEMO_2009 = [
    "000_584c1b2c6ad61a19.txt",
    "001_1a7374eea1c75804.txt",
    "002_ba46ccbaad925d34.txt",
    "004_264530aaef6d131f.txt",
]
# The four statements that more than one outlet reported: (file, opening words).
DEMO_GOLD = [
    [("000", "We have many reasons"), ("004", "We have many reasons")],
    [("000", "stronger and more productive"), ("002", "I hope your visit")],
    [("000", "I have invited Russia to step up"), ("001", "I have invited Russia to strengthen")],
    [("000", "I do believe that it's essential"), ("002", "essential for Russia")],
]


def group_story(articles: list[tuple[object, list]]) -> dict[object, object]:
    """Match each article's quotes into the story's groups, article by article, as import does.
    `articles`: (article key, extracted quotes with .text and .speaker). Returns quote -> its
    groups: its own, and those whose statement it holds whole (a passage quoted in one piece)."""
    groups: dict[object, list[matching.QuoteForMatching]] = {}
    assigned = {}
    speakers: dict[str, object] = {}
    next_group = 0
    for article_key, quotes in articles:
        new = []
        for index, quote in enumerate(quotes):
            speaker = None
            if quote.speaker:
                candidates = [matching.PersonCandidate(k, n) for n, k in speakers.items()]
                speaker = matching.match_person(quote.speaker, candidates)
                if speaker is None:
                    speaker = speakers.setdefault(quote.speaker, len(speakers))
            new.append(
                matching.QuoteForMatching((article_key, index), quote.text, speaker, article_key)
            )
        existing = [matching.StatementGroup(key, members) for key, members in groups.items()]
        for assignment in matching.match_statements(new, existing):
            member = next(q for q in new if q.key == assignment.quote_key)
            if assignment.group_key is not None:
                key = assignment.group_key
            elif assignment.new_group_index is not None:
                key = f"g{next_group + assignment.new_group_index}"
            else:
                continue
            groups.setdefault(key, []).append(member)
            assigned.setdefault(member.key, set()).update({key, *assignment.also_in})
            for passage in assignment.passages:
                assigned[passage].add(key)
        next_group += len(new)
    return assigned


def score_pairs(found: dict, gold: dict) -> tuple[int, int, int]:
    """(right pairs found, pairs found, gold pairs) over quotes of different articles; `found`
    gives each quote its set of groups (a pair is found when they share one)."""
    keys = sorted(set(found) | set(gold), key=str)
    right = found_pairs = gold_pairs = 0
    for a, b in itertools.combinations(keys, 2):
        if a[0] == b[0]:
            continue
        same_found = a in found and b in found and bool(found[a] & found[b])
        same_gold = a in gold and b in gold and gold[a] == gold[b]
        found_pairs += same_found
        gold_pairs += same_gold
        right += same_found and same_gold
    return right, found_pairs, gold_pairs


def generated(events: int) -> tuple[int, int, int]:
    rng = random.Random(2024)
    totals = [0, 0, 0]
    for number in range(events):
        event = make_event(rng, number, datetime.date(2020, 1, 1))
        articles, gold = [], {}
        for index, outlet in enumerate(rng.sample(OUTLETS, 4)):
            truth: list = []
            text = render_report(rng, event, outlet, index, truth)
            parsed = parse_article(text.encode())
            quotes = extract_quotes([p.text for p in parsed.paragraphs]).quotes
            for qi, quote in enumerate(quotes):
                statement = next(
                    (
                        s
                        for words, s, _ in truth
                        if words[:40] in quote.text or quote.text[:40] in words
                    ),
                    None,
                )
                if statement is not None:
                    gold[(index, qi)] = statement
            articles.append((index, quotes))
        for i, value in enumerate(score_pairs(group_story(articles), gold)):
            totals[i] += value
    return tuple(totals)


def demo() -> tuple[int, int, int]:
    articles, gold = [], {}
    for name in DEMO_2009:
        parsed = parse_article((DEMO / name).read_bytes())
        paragraphs = quotable_texts(parsed.paragraphs)
        quotes = extract_quotes(paragraphs).quotes
        key = name[:3]
        articles.append((key, quotes))
        for statement, members in enumerate(DEMO_GOLD):
            for file_key, opening in members:
                for qi, quote in enumerate(quotes):
                    if file_key == key and quote.text.startswith(opening):
                        gold[(key, qi)] = statement
    return score_pairs(group_story(articles), gold)


def report(label: str, figures: tuple[int, int, int]) -> None:
    right, found, gold = figures
    precision = right / found if found else 1.0
    recall = right / gold if gold else 1.0
    print(
        f"{label:28} pairs: gold {gold:5d} found {found:5d} right {right:5d} | "
        f"precision {precision:6.1%} recall {recall:6.1%}"
    )


def real(part: str, orders: int, seed: int, verbose: bool) -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from bench import real_coverage

    totals = real_coverage.PairScore()

    def report_one(real_set, articles, order_seed):
        score = real_coverage.statement_pairs(real_set, articles)
        totals.add(score)
        report_real(f"order {order_seed}", score)
        print(f"{'':28} both renditions found as quotes: {score.located} pairs")
        if verbose:
            for line in score.missed:
                print(f"    missed: {line}")
            for line in score.wrong:
                print(f"    wrong:  {line}")

    real_coverage.run(part, [seed + n for n in range(orders)], report_one)
    report_real(f"real {part}, {orders} orders", totals)


def report_real(label: str, score) -> None:
    print(
        f"{label:28} gold pairs {score.gold:4d}, grouped {score.grouped:4d} "
        f"(recall {score.recall:6.1%}) | quote pairs grouped {score.found:4d}, "
        f"right {score.right:4d} (precision {score.precision:6.1%})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--real", action="store_true", help="real coverage (bench/realnews)")
    parser.add_argument("--blind", action="store_true", help="with --real: the blind part")
    parser.add_argument(
        "--held-out",
        choices=("blind2", "blind3", "blind4"),
        help="with --real: a later held-out set (BLIND2.md, BLIND3.md, BLIND4.md), once",
    )
    parser.add_argument("--orders", type=int, default=3, help="with --real: import orders")
    parser.add_argument("--seed", type=int, default=5, help="with --real: the first order")
    parser.add_argument("--verbose", action="store_true", help="with --real: every pair missed")
    args = parser.parse_args()
    if args.real:
        part = args.held_out or ("blind" if args.blind else "dev")
        real(part, args.orders, args.seed, args.verbose)
        return
    report(f"generated ({args.events} events)", generated(args.events))
    report("demo 2009 story", demo())


if __name__ == "__main__":
    main()
