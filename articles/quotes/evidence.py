"""The first pass over an article: which capitalised names are people, and their titles.

A name becomes a person on evidence: a title before it, an appositive role (", a former Danish
prime minister,"), an age, "who ...", a reporting verb, "X of Norway", or a surname known from
other articles. Groups that are surely organisations or places are remembered as not people.
Honorifics ("Datuk Seri", "Alhaji") and compound titles ("vice-chairman") are not part of names.
"""

import re

from articles.lexicon import HONORIFICS, ROLE_MODIFIERS

from .cast import Cast
from .names import (
    NameGroup,
    bare_word,
    is_acronym,
    is_common_plural,
    is_name_word,
    is_possessive,
    is_role_word,
    name_groups,
    role_before,
)
from .noun_phrases import head_word
from .sentences import Tok
from .text import ArticleText
from .words import (
    AUXILIARIES,
    DEFINITE,
    FUNCTION_WORDS,
    GENDER_WORDS,
    INVERTIBLE,
    RELATIVE,
    REPORTING_VERBS,
    STOP_CAPITALS,
)


def collect_people(text: ArticleText, cast: Cast) -> None:
    """First pass: names with evidence that they are people, and their titles."""
    # full names seen without evidence ("Kenya's Faith Wanjiru won"), by surname
    unproven: dict[str, dict[tuple[str, ...], None]] = {}
    # the same, opening their sentence, where any word is capitalised ("Lovemore Chinoputsa,
    # from the coalition, commented"): used only when the first word is never written small
    opening: dict[str, dict[tuple[str, ...], None]] = {}
    for p in range(len(text.paragraphs)):
        for s0, s1 in text.sentences[p]:
            for g in text.sentence_groups(p, s0, s1):
                words = g.words if g.i > 0 else g.words[1:]
                cast.mid_sentence.update(bare_word(w).lower() for w in words)
    for p in range(len(text.paragraphs)):
        for s0, s1 in text.sentences[p]:
            cast.position = (p, s0)
            toks = text.toks(p, s0, s1)
            for g in text.sentence_groups(p, s0, s1):
                if len(g.words) == 1 and is_common_plural(g.words[0]):
                    continue  # "Reports said", "Observers say": no one person's name
                if g.is_surely_org or g.is_place:
                    cast.non_people.update(bare_word(w).lower() for w in g.words)
                    continue
                evidence, role = _name_evidence(text, cast, p, toks, g)
                if evidence and (role or not g.is_org):
                    person = cast.register(g.words, role)
                    if role and g.j < len(toks) and toks[g.j][0] == "," and _honorific(role):
                        # an honorific tells no role; one after the name does ("Cr Jo Bell,
                        # Mayor of Ayr,")
                        appositive = appositive_after(text, p, toks, g.j)
                        if appositive:
                            cast.add_role(person, appositive)
                elif g.is_org:
                    cast.non_people.update(bare_word(w).lower() for w in g.words)
                elif len(g.words) >= 2 and g.i > 0 and toks[g.i - 1][0][:1].isalnum():
                    # not first in its sentence, where any word is capitalised ("Like X")
                    words = tuple(bare_word(w) for w in g.words)
                    unproven.setdefault(words[-1].lower(), {})[words] = None
                elif len(g.words) in (2, 3) and g.i == 0 and not _in_list(toks, g.j):
                    words = tuple(bare_word(w) for w in g.words)
                    opening.setdefault(words[-1].lower(), {})[words] = None
    by_first: dict[str, dict[tuple[str, ...], None]] = {}
    for names in unproven.values():
        for words in names:
            by_first.setdefault(words[0].lower(), {})[words] = None
    for person in cast.people:
        fuller = unproven.get(person.surname, {})
        if len(person.words) == 1 and not fuller:
            # "Kim said" after "North Korea's Kim Jong Un": a name written surname first
            fuller = by_first.get(person.surname, {})
        if len(person.words) == 1 and not fuller:
            fuller = {
                words: None
                for words in opening.get(person.surname, {})
                if words[0].lower() not in cast.by_surname  # not "Trump Putin"
                and not _written_small(text, words[0])
            }
        if len(person.words) == 1 and len(fuller) == 1:
            # "Hughes said" after "Pop star Jodie Hughes has ...": the article's full name
            words = list(next(iter(fuller)))
            if words[0].lower() not in cast.non_people:
                person.aliases[person.name] = None
                person.words = words
        person.known = cast.match_known(person)


def _honorific(title: str) -> bool:
    """Whether a title is honorifics only ("Cr", "Dr", "the Hon."): no office."""
    words = [bare_word(w).lower().strip(".") for w in title.split()]
    return all(w in HONORIFICS or w in DEFINITE for w in words)


def _in_list(toks: list[Tok], j: int) -> bool:
    """Whether a name ending at toks[j] opens a list of names ("Ivanka Trump, Jared Kushner and
    ..."), or is a possessive: not one person introduced."""
    nxt = toks[j][0] if j < len(toks) else ""
    nxt2 = toks[j + 1][0] if j + 1 < len(toks) else ""
    return (
        is_possessive(toks[j - 1][0])
        or nxt in ("and", "&", "/")
        or (nxt == "," and is_name_word(nxt2) and nxt2.lower() not in ROLE_MODIFIERS)
    )  # but not ", Assistant Inspector-General of ..."


def _written_small(text: ArticleText, word: str) -> bool:
    """Whether the article writes a word in lower case somewhere: a common word, which a
    sentence's opening capitalises ("Police", "Meanwhile"), not a given name."""
    low = word.lower()
    if not low.isalpha() or low in STOP_CAPITALS or (len(low) > 5 and low.endswith("ing")):
        return True  # "Meanwhile", "Following"
    pattern = re.compile(rf"(?<![\w-]){re.escape(low)}(?![\w-])")
    return low in FUNCTION_WORDS or any(pattern.search(m) for m in text.masked)


def _name_evidence(
    text: ArticleText, cast: Cast, p: int, toks: list[Tok], g: NameGroup
) -> tuple[bool, str]:
    role_at = role_before(toks, g.i)
    role = ""
    if role_at < g.i:
        k = g.i - 1
        role = text.text_of(p, toks, role_at, k + 1)
        if not is_possessive(toks[k][0]):  # not "the Prime Minister's Questions"
            return True, role
    nxt = toks[g.j][0] if g.j < len(toks) else ""
    nxt2 = toks[g.j + 1][0] if g.j + 1 < len(toks) else ""
    if g.possessive:
        return False, ""
    if nxt == "," and (nxt2[:1].isdigit() or nxt2.lower() in ("who", "whose")):
        return True, appositive_after(text, p, toks, g.j)
    if nxt == "of" and len(g.words) >= 2 and not g.is_org and _is_body_at(toks, g.j + 1):
        return True, ""  # "Ola Nordmann of Norway", "Ana Lima of the Lisbon Fire Brigade"
    if nxt == ",":
        appositive = appositive_after(text, p, toks, g.j)
        if appositive:
            return True, appositive
    prev = toks[g.i - 1][0] if g.i else ""
    if prev == "," and nxt == ",":
        k = g.i - 2
        while k >= 0 and toks[k][0] not in (",", ";", ":", '"'):
            k -= 1
        chunk = [t[0] for t in toks[k + 1 : g.i - 1]]
        if chunk and any(is_role_word(w) for w in chunk):
            return True, text.text_of(p, toks, k + 1, g.i - 1)
    k = g.j
    while k < len(toks) and toks[k][0].lower() in AUXILIARIES:
        k += 1
    if k < len(toks) and toks[k][0] in REPORTING_VERBS and prev.lower() not in DEFINITE:
        return True, ""
    if prev in INVERTIBLE and g.i >= 2 and toks[g.i - 2][0] in ('"', ","):
        return True, ""
    if (
        len(g.words) >= 2
        and (g.i == 0 or prev == ",")
        and nxt.islower()
        and nxt not in FUNCTION_WORDS - AUXILIARIES
    ):
        return True, ""  # "Marta Kowalczyk walks ..." as a sentence subject
    if len(g.words) >= 2 and bare_word(g.words[-1]).lower() in cast.known_by_surname:
        return True, ""
    if (
        (g.i == 0 or prev in (",", "[", "("))
        and nxt.islower()
        and nxt not in FUNCTION_WORDS - AUXILIARIES
        and any(t[0].lower() in _PERSONAL_PRONOUNS for t in toks[g.j :])
        and len(name_groups(toks)) == 1
        and not cast.opens_only(g.words)  # not "Appearing close to tears, he said"
    ):
        return True, ""  # "Harris was the only one to keep his job": the one name is his
    return False, ""


# The pronouns that tell a sex, as objects too: "Harris ... his job", "... told him".
_PERSONAL_PRONOUNS = frozenset((*GENDER_WORDS, "her", "him"))


def _is_body_at(toks: list[Tok], k: int) -> bool:
    """Whether a country or an organisation's name starts at toks[k] ("Norway", "the UN")."""
    if k < len(toks) and toks[k][0].lower() == "the":
        k += 1
    if k >= len(toks):
        return False
    if is_acronym(toks[k][0]):
        return True
    group = name_groups(toks, k, min(len(toks), k + 8))
    return bool(group) and group[0].i == k and (group[0].is_org or group[0].is_place)


def appositive_after(
    text: ArticleText, p: int, toks: list[Tok], k: int, require_role: bool = True
) -> str:
    """Role in ", a former Danish prime minister," after a name at toks[k] == ","."""
    i = k + 1
    if i < len(toks) and toks[i][0][:1].isdigit() and i + 1 < len(toks) and toks[i + 1][0] == ",":
        i += 2  # an age: "Janusz Wróbel, 71, a retired crane operator"
    j = i
    while j < len(toks) and j - i < 14:
        w = toks[j][0]
        if w in (",", ";", ".", '"', ":", "(", ")") or w.lower() in RELATIVE:
            break
        j += 1
    words = [t[0] for t in toks[i:j]]
    if not words:
        return ""
    first = words[0].lower()
    if (
        first not in DEFINITE
        and first not in ("a", "an")
        and not is_possessive(words[0])
        and not is_role_word(words[0])
    ):
        return ""
    head = head_word(words)
    if require_role and not is_role_word(head):
        return ""
    return text.text_of(p, toks, i, j)
