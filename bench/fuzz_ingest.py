"""A mutation fuzzing run over the ingest and quote code: prints how many inputs it tried.

Starts from real articles (the demo corpus and generated reports, text and HTML) and mutates
them: flipped and inserted bytes, quotation marks of every kind nested deep, control
characters, huge lines, mixed encodings, truncation. Every input must either parse (and its
paragraphs go through quote extraction) or be refused with an IngestError, within the
per-article time limit of an import (NEWSROOM_IMPORT_ARTICLE_SECONDS, 10 s by default);
anything else is printed and the run fails. The slowest input is described at the end, and
--save-slowest keeps it to profile.

    .venv/bin/python bench/fuzz_ingest.py [--seconds 120] [--seed 1] [--limit 10]
        [--save-slowest slowest.bin]
"""

import argparse
import random
import sys
import time
import traceback
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest import IngestError, parse_article  # noqa: E402
from articles.quotes import extract_quotes  # noqa: E402
from bench.corpus import stream  # noqa: E402

QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」『』〝〞＂"
CONTROL = [chr(c) for c in range(32) if chr(c) not in "\n\t"] + ["\u202e", "\ufeff", "\u200b"]


def seeds() -> list[bytes]:
    demo = [path.read_bytes() for path in sorted((ROOT / "articles" / "demo").glob("*.txt"))]
    return demo + [data for _, data, _ in islice(stream(3), 40)]


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    """The mutated input, and what was done to it (to tell what made a slow input slow)."""
    data = bytearray(data)
    done = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(8)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip bytes
            count = rng.randint(1, 20)
            for _ in range(count):
                data[rng.randrange(len(data))] = rng.randrange(256)
            done.append(f"flipped {count} bytes")
        elif kind == 1:  # nested quotation marks
            marks = "".join(rng.choice(QUOTE_MARKS) for _ in range(rng.randint(1, 400)))
            data[at:at] = (marks + " he said ").encode()
            done.append(f"{len(marks)} quotation marks at {at}")
        elif kind == 2:  # control characters
            data[at:at] = "".join(rng.choices(CONTROL, k=rng.randint(1, 50))).encode()
            done.append(f"control characters at {at}")
        elif kind == 3:  # a huge line
            piece, times = rng.choice([b"word ", "“q” ".encode(), b"a"]), rng.randint(1000, 50_000)
            data[at:at] = piece * times
            done.append(f"{piece.decode()!r} x {times:,} at {at}")
        elif kind == 4:  # another encoding spliced in
            encoding = rng.choice(["cp1252", "latin-1", "utf-16", "utf-8"])
            text = "Zürich «Grüße» — “naïve” café " * rng.randint(1, 50)
            data[at:at] = text.encode(encoding, "replace")
            done.append(f"{encoding} text at {at}")
        elif kind == 5:  # truncate
            del data[at:]
            done.append(f"truncated at {at}")
        elif kind == 6:  # duplicate a slice
            end = min(len(data), at + rng.randint(1, 2000))
            times = rng.randint(1, 20)
            data[at:at] = data[at:end] * times
            done.append(f"{end - at} bytes at {at} repeated x {times}")
        else:  # markup
            markup = rng.choice(
                [b"<script>alert(1)</script>", b"<svg onload=x>", b"<p>" * 500, b"</div>" * 300]
            )
            data[at:at] = markup
            done.append(f"markup {markup[:20]!r}... at {at}")
    return bytes(data), done


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--limit",
        type=float,
        default=10.0,
        help="seconds allowed per input (an import's per-article limit, 10 s by default)",
    )
    parser.add_argument("--save-slowest", type=Path, help="write the slowest input to this file")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = seeds()
    tried = parsed = refused = over_limit = 0
    failures = []
    slowest, slowest_input = 0.0, (b"", "", [])
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        data, mutations = mutate(rng, rng.choice(pool))
        name = rng.choice(["a.txt", "a.html", "a", "../../etc/passwd", "a\x00b.txt"])
        started = time.perf_counter()
        try:
            article = parse_article(data, filename=name)
            extract_quotes([p.text for p in article.paragraphs])
            parsed += 1
        except IngestError:
            refused += 1
        except Exception:  # noqa: BLE001 - what the run is looking for
            failures.append((data[:200], traceback.format_exc()))
        took = time.perf_counter() - started
        if took > slowest:
            slowest, slowest_input = took, (data, name, mutations)
        if took > args.limit:
            over_limit += 1
            failures.append((data[:200], f"took {took:.1f}s (limit {args.limit:g}s)"))
        tried += 1
    print(
        f"{tried:,} inputs in {args.seconds:.0f}s: {parsed:,} parsed, {refused:,} refused with "
        f"a clear error, {over_limit} over the {args.limit:g} s limit, {len(failures)} failures"
    )
    data, name, mutations = slowest_input
    print(
        f"slowest: {slowest * 1000:.0f} ms, {len(data):,} bytes named {name!r}, "
        f"mutated by: {'; '.join(mutations)}"
    )
    if args.save_slowest:
        args.save_slowest.write_bytes(data)
        print(f"slowest input written to {args.save_slowest}")
    for head, problem in failures[:5]:
        print(f"--- input starting {head!r}\n{problem}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
