"""A mutation fuzzing run over the ingest and quote code: prints how many inputs it tried.

Starts from real articles (the demo corpus and generated reports, text and HTML) and mutates
them: flipped and inserted bytes, quotation marks of every kind nested deep, control
characters, huge lines, mixed encodings, truncation. Every input must either parse (and its
paragraphs go through quote extraction) or be refused with an IngestError, within a time limit;
anything else is printed and the run fails.

    .venv/bin/python bench/fuzz_ingest.py [--seconds 120] [--seed 1] [--limit 5]
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


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(8)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip bytes
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == 1:  # nested quotation marks
            marks = "".join(rng.choice(QUOTE_MARKS) for _ in range(rng.randint(1, 400)))
            data[at:at] = (marks + " he said ").encode()
        elif kind == 2:  # control characters
            data[at:at] = "".join(rng.choices(CONTROL, k=rng.randint(1, 50))).encode()
        elif kind == 3:  # a huge line
            data[at:at] = rng.choice([b"word ", "“q” ".encode(), b"a"]) * rng.randint(1000, 50_000)
        elif kind == 4:  # another encoding spliced in
            text = "Zürich «Grüße» — “naïve” café " * rng.randint(1, 50)
            data[at:at] = text.encode(
                rng.choice(["cp1252", "latin-1", "utf-16", "utf-8"]), "replace"
            )
        elif kind == 5:  # truncate
            del data[at:]
        elif kind == 6:  # duplicate a slice
            end = min(len(data), at + rng.randint(1, 2000))
            data[at:at] = data[at:end] * rng.randint(1, 20)
        else:  # markup
            data[at:at] = rng.choice(
                [b"<script>alert(1)</script>", b"<svg onload=x>", b"<p>" * 500, b"</div>" * 300]
            )
    return bytes(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=5.0, help="seconds allowed per input")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = seeds()
    tried = parsed = refused = 0
    failures = []
    slowest = 0.0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool))
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
        slowest = max(slowest, took)
        if took > args.limit:
            failures.append((data[:200], f"took {took:.1f}s (limit {args.limit}s)"))
        tried += 1
    print(
        f"{tried:,} inputs in {args.seconds:.0f}s: {parsed:,} parsed, {refused:,} refused with "
        f"a clear error, {len(failures)} failures; slowest {slowest * 1000:.0f} ms"
    )
    for head, problem in failures[:5]:
        print(f"--- input starting {head!r}\n{problem}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
