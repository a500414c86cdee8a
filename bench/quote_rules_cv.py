"""Cross-validation of the quote finder's rules on the real pages' dev part, by outlet halves.

Every change to articles/quotes/ and articles/lexicon.py since a base commit is taken out on its
own (one diff hunk, reverse-applied to a copy of the package) and the dev pages are scored again,
each with its headline as quote_quality.py --real reads them. A change "helps" a half by the
speakers and quotes it gains there. A rule built from one page's wording shows up as help on one
page of one half only; a general rule helps on both halves (outlet halves:
`quote_quality.outlet_half`, so no outlet is in both). Hunks that no longer run alone (a name
another change uses) are listed as such.

    .venv/bin/python bench/quote_rules_cv.py               # since 8906935 (the package split)
    .venv/bin/python bench/quote_rules_cv.py --base COMMIT

Dev part only: the blind part is never read here.
"""

import json
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.quote_quality import HEADLINES, outlet_half, real_set  # noqa: E402

BASE = "8906935"
# What the quote finder reads by: its package and the shared word lists.
_READER = ("articles/quotes/", "articles/lexicon.py")

# Run in a child with the patched copy first on sys.path: scores every dev page, with its
# headline as quote_quality.py --real reads it.
_CHILD = """
import json, pickle, sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2])
from bench.quote_quality import score_article
pages, headlines = pickle.load(open(sys.argv[3], "rb"))
out = {}
for name, paragraphs, gold, known in pages:
    s = score_article(name, paragraphs, gold, known, False, headlines.get(name, ""))
    out[name] = [s.matched, s.speaker_right]
json.dump(out, sys.stdout)
"""


def hunks(base: str) -> list[tuple[str, str]]:
    diff = subprocess.run(
        ["git", "-C", str(ROOT), "diff", "-U1", base, "--", *_READER],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    out = []
    for part in re.split(r"(?m)^(?=diff --git )", diff):
        if part.strip():
            head, *bodies = re.split(r"(?m)^(?=@@ )", part)
            out += [(head, body) for body in bodies]
    return out


def score(copy: Path, inputs: Path) -> dict | str:
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(copy), str(ROOT), str(inputs)],
        capture_output=True, text=True,
    )  # fmt: skip
    if run.returncode:
        return (run.stderr.strip().splitlines() or ["failed"])[-1][:90]
    return json.loads(run.stdout)


def main(argv: list[str]) -> int:
    base = argv[argv.index("--base") + 1] if "--base" in argv else BASE
    pages, _ = real_set("dev")
    work = Path(tempfile.mkdtemp(prefix="quote_rules_cv."))
    try:
        inputs = work / "inputs.pickle"
        inputs.write_bytes(pickle.dumps((pages, HEADLINES)))
        copy = work / "copy"
        shutil.copytree(ROOT / "articles", copy / "articles")
        baseline = score(copy, inputs)
        assert isinstance(baseline, dict), baseline
        both = one_half = one_page = none = broken = 0
        for n, (head, body) in enumerate(hunks(base)):
            shutil.rmtree(copy / "articles" / "quotes")
            shutil.copytree(ROOT / "articles" / "quotes", copy / "articles" / "quotes")
            shutil.copy(ROOT / "articles" / "lexicon.py", copy / "articles" / "lexicon.py")
            (work / "h.patch").write_text(head + body)
            patch = ["patch", "-p1", "-R", "-s", "-d", str(copy), "-i", str(work / "h.patch")]
            result = score(copy, inputs) if subprocess.run(patch).returncode == 0 else "patch"
            where = head.split(" b/")[-1].strip() + " " + body.split("@@")[1].strip()
            if isinstance(result, str):
                broken += 1
                continue
            helped = {"A": [0, 0], "B": [0, 0]}  # quotes, speakers it gains
            pages_helped = []
            for page, (matched, right) in baseline.items():
                lost = [matched - result[page][0], right - result[page][1]]
                if lost != [0, 0]:
                    half = helped[outlet_half(page)]
                    half[0], half[1] = half[0] + lost[0], half[1] + lost[1]
                    pages_helped.append(f"{page}[{outlet_half(page)}]{lost[1]:+d}")
            if not pages_helped:
                none += 1
                continue
            a, b = helped["A"], helped["B"]
            if (a[0] > 0 or a[1] > 0) and (b[0] > 0 or b[1] > 0):
                both += 1
            elif len(pages_helped) == 1:
                one_page += 1
            else:
                one_half += 1
            print(
                f"#{n:3d} {where[:48]:<48} A q{a[0]:+d} s{a[1]:+d}  B q{b[0]:+d} s{b[1]:+d}"
                f"  {' '.join(pages_helped)[:90]}"
            )
        print(
            f"changes helping both halves {both}, one half (several pages) {one_half},"
            f" one page {one_page}, no dev effect {none}, not separable {broken}"
        )
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
