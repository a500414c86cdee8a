"""How each outlet's wording of a statement differs from the fullest wording, word by word."""

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .words import normalise_words


@dataclass
class DiffToken:
    op: str  # "equal" | "insert" | "delete" | "replace"
    base: str  # words in the fullest wording ("" for insert)
    other: str  # words in this member's wording ("" for delete)


def _diff_words(text: str) -> tuple[list[str], list[str]]:
    """Words as written (for display) and their normalised forms (for comparison)."""
    display: list[str] = []
    keys: list[str] = []
    pending = ""
    for raw in text.split():
        key = " ".join(normalise_words(raw))
        if not key:
            # Punctuation on its own ("--", "—") is shown with its neighbour, never compared.
            if display:
                display[-1] += " " + raw
            else:
                pending += raw + " "
            continue
        display.append(pending + raw)
        keys.append(key)
        pending = ""
    return display, keys


def _slide_stray_matches(ops: list[list]) -> list[list]:
    """Move an equal run to the end of the deletion that follows it when the words allow.

    The LCS prefers early matches, so "we succeed" against "we know that we succeed" keeps the
    first "we" and drops "know that we"; sliding keeps the "we" next to "succeed" instead.
    """
    changed = True
    while changed:
        changed = False
        for i in range(len(ops) - 1):
            equal, delete = ops[i], ops[i + 1]
            if equal[0] != "equal" or delete[0] != "delete":
                continue
            length = equal[2] - equal[1]
            if length > delete[2] - delete[1] or (
                equal[5][equal[1] : equal[2]] != equal[5][delete[2] - length : delete[2]]
            ):
                continue
            ops[i] = ["delete", equal[1], delete[2] - length, equal[3], equal[3], equal[5]]
            ops[i + 1] = ["equal", delete[2] - length, delete[2], equal[3], equal[4], equal[5]]
            if i > 0 and ops[i - 1][0] == "delete":
                ops[i - 1][2] = ops[i][2]
                del ops[i]
            changed = True
            break
    return ops


def word_diff(base: str, other: str) -> list[DiffToken]:
    """Word-level differences of `other` against the fullest wording `base`.

    Words are compared normalised (case, punctuation, curly apostrophes) and shown as written.
    Neighbouring changes merge into one op, so "step up its" -> "strengthen Russia’s" is a single
    replace. When `other` is a partial quote, the parts of `base` before its first and after its
    last common word are separate "delete" ops: words this outlet did not quote.
    """
    base_display, base_keys = _diff_words(base)
    other_display, other_keys = _diff_words(other)
    start, end = 0, len(base_keys)
    if 0 < len(other_keys) < len(base_keys):
        alignment = fuzz.partial_ratio_alignment(other_keys, base_keys)
        if alignment is not None and alignment.score == 100:  # a verbatim excerpt
            start, end = alignment.dest_start, alignment.dest_end

    # [tag, base from, base to, other from, other to, base keys]
    ops: list[list] = []
    if start:
        ops.append(["delete", 0, start, 0, 0, base_keys])
    for op in Indel.opcodes(base_keys[start:end], other_keys):
        b1, b2 = op.src_start + start, op.src_end + start
        ops.append([op.tag, b1, b2, op.dest_start, op.dest_end, base_keys])
    if end < len(base_keys):
        ops.append(["delete", end, len(base_keys), len(other_keys), len(other_keys), base_keys])
    ops = [op for op in _slide_stray_matches(ops) if op[1] != op[2] or op[3] != op[4]]

    equal_positions = [i for i, op in enumerate(ops) if op[0] == "equal"]
    first_equal = equal_positions[0] if equal_positions else len(ops)
    last_equal = equal_positions[-1] if equal_positions else -1
    merged: list[list] = []  # [tag, b1, b2, o1, o2, outside the quoted span]
    for i, (tag, b1, b2, o1, o2, _) in enumerate(ops):
        outside = tag == "delete" and (i < first_equal or i > last_equal)
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[0] != "equal"
            and tag != "equal"
            # "Not quoted by this outlet" stays apart from a change inside the quoted span.
            and previous[5] == outside
        ):
            previous[2], previous[4] = b2, o2
        else:
            merged.append([tag, b1, b2, o1, o2, outside])

    tokens = []
    for _, b1, b2, o1, o2, _ in merged:
        if b1 < b2 and o1 < o2:
            tag = "equal" if base_keys[b1:b2] == other_keys[o1:o2] else "replace"
        else:
            tag = "delete" if b1 < b2 else "insert"
        tokens.append(DiffToken(tag, " ".join(base_display[b1:b2]), " ".join(other_display[o1:o2])))
    return tokens
