"""Reading an article in order: each sentence's quoted spans are judged, then who the sentence
is about is noted (for later pronouns and descriptions); at the end each speaker gets the
fullest name the article used.
"""

from collections.abc import Sequence

from articles.lexicon import HONORIFICS

from .attribution import Attributor, Found, asker, verb_at
from .candidates import description_choice, pronoun_choice
from .cast import Cast, CastMember, Mention, description_head, normalise_description
from .evidence import collect_people
from .judging import SpanJudge
from .marks import Span, find_spans
from .names import bare_word, is_possessive, is_role_word
from .phrases import NounPhrase, PhraseReader
from .quote import Extraction, KnownPerson, Person
from .sentences import Tok
from .text import ArticleText
from .words import GENDER_WORDS, INDEFINITE, PARTICIPLES, PRONOUNS, REPORTING_VERBS


def read_article(paragraphs: Sequence[str], known: Sequence[KnownPerson]) -> Extraction:
    """The quotes in an article's paragraphs (at least one not empty) and its people."""
    return _Reader(paragraphs, known).run()


class _Reader:
    def __init__(self, paragraphs: Sequence[str], known: Sequence[KnownPerson]):
        self.spans = find_spans(paragraphs)
        self.text = ArticleText(paragraphs, self.spans)
        self.cast = Cast(known)
        self.phrases = PhraseReader(self.text, self.cast)
        self.attribution = Attributor(self.text, self.phrases, self.cast)
        self.found: list[Found] = []  # the quotes found so far, in order

    def run(self) -> Extraction:
        collect_people(self.text, self.cast)
        judge = SpanJudge(self.text, self.spans, self.attribution, self.cast)
        by_start: dict[tuple[int, int], list[Span]] = {}
        for span in self.spans:
            seg = span.segs[0]
            by_start.setdefault(
                (seg.para, self.text.sentence_at(seg.para, seg.open_at)[0]), []
            ).append(span)
        prev_stop = -1
        covered: set[int] = set()  # paragraphs inside a multi-paragraph quote
        for p in range(len(self.text.paragraphs)):
            for s0, s1 in self.text.sentences[p]:
                self.cast.position = (p, s0)
                found_here = []
                for span in by_start.get((p, s0), []):
                    found = judge.judge(span, self.found, prev_stop)
                    if found is None:
                        continue
                    found_here.append(found)
                    self.found.append(found)
                    last = span.segs[-1]
                    prev_stop = (
                        self.attribution.after_attribution(last.para, last.close_at)[1]
                        if last.close_at >= 0
                        else -1
                    )
                    for seg in span.segs[1:]:
                        covered.add(seg.para)
                if p in covered and not found_here:
                    self.cast.end_sentence(None, [])
                    continue
                self.note_sentence(p, s0, s1, found_here)
        self.resolve_described_later()
        self.resolve_leftover_pronouns()
        return self.result()

    def resolve_described_later(self) -> None:
        """A speaker described before being named ("Merz's spokesman said ...", then '"...,"
        Stefan Kornelius said'; "A spokesperson for X said", then "Kim Eun-hye, the
        spokesperson"): the first person named within the next three paragraphs who holds
        that role, or who is named in a sentence giving it ("who took over as chief
        executive"), or, with no role known, who speaks next."""
        for k, f in enumerate(self.found):
            if f.person is not None or f.quote.speaker_kind != "unnamed":
                continue
            desc = normalise_description(f.quote.speaker_mention)
            head = description_head(desc)
            if not head or head == "year-old" or f.quote.speaker_mention.lower().endswith("s"):
                continue
            at = (f.quote.end_paragraph, f.quote.end_offset)
            later = [
                person
                for person in self.cast.people
                if at < person.first_at and person.first_at[0] <= at[0] + 3
            ]
            # "A senior negotiator said" is someone else than the next person quoted
            definite = f.quote.speaker_mention.split()[0].lower() not in INDEFINITE
            modifiers = [w[:4] for w in desc[: desc.index(head)] if w not in _GENERIC_MODIFIERS]
            for person in sorted(later, key=lambda person: person.first_at):
                if self.holds_described_role(person, head, modifiers) or (
                    definite
                    and not person.roles
                    and any(g.person is person and g.attributed for g in self.found[k + 1 : k + 3])
                ):
                    f.person = person
                    f.quote.speaker_kind = "person"
                    f.quote.confidence = 0.5
                    break

    def holds_described_role(self, person: CastMember, head: str, modifiers: list[str]) -> bool:
        """Whether a person is known by the role, its modifiers included ("A senior European
        negotiator" is not "Samoa's lead negotiator")."""
        p, s0 = person.first_at
        s0, s1 = self.text.sentence_at(p, s0)
        for words in [
            *(normalise_description(d) for d in person.descriptions()),
            normalise_description(self.text.masked[p][s0:s1]),
        ]:
            if head in words and all(any(w[:4] == m for w in words) for m in modifiers):
                return True
        return False

    def resolve_leftover_pronouns(self) -> None:
        """A "he" or "she" nobody before it can stand for (a text that starts with "He said
        in a statement") is the person of that sex the whole article is most about."""
        for f in self.found:
            if f.person is not None or f.quote.speaker_mention.lower() not in ("he", "she"):
                continue
            gender = PRONOUNS[f.quote.speaker_mention.lower()]
            ranked = sorted(
                (
                    2 * self.cast.quoted.get(id(person), 0) + self.cast.mention_count[id(person)],
                    n,
                )
                for n, person in enumerate(self.cast.people)
                if person.gender in (None, gender) and id(person) in self.cast.mention_count
            )
            if ranked and (len(ranked) == 1 or ranked[-1][0] > ranked[-2][0]):  # no tie
                f.person = self.cast.people[ranked[-1][1]]
                f.quote.speaker_kind = "person"
                f.quote.confidence = 0.3

    def result(self) -> Extraction:
        names = {id(p): _display_name(p) for p in self.cast.people}
        quotes = []
        for f in self.found:
            q = f.quote
            if f.person is not None:
                q.speaker = names[id(f.person)]
                q.speaker_kind = "person"
            quotes.append(q)
        people = []
        for person in sorted(self.cast.people, key=lambda p: p.first_at):
            name = names[id(person)]
            aliases: dict[str, str] = {}  # lower-cased -> as first written
            surname = [person.words[-1]] if len(person.words) > 1 else []
            for alias in [*surname, *person.aliases, *person.roles]:
                if alias and alias != name and is_public_alias(alias):
                    aliases.setdefault(alias.lower(), alias)
            people.append(
                Person(
                    name=name,
                    aliases=list(aliases.values()),
                    role=person.role,
                    known_key=person.known.key if person.known is not None else None,
                )
            )
        return Extraction(quotes=quotes, people=people)

    def note_sentence(self, p: int, s0: int, s1: int, found_here: list[Found]) -> None:
        """Record who the sentence is about, for later pronouns and descriptions."""
        toks = self.text.toks(p, s0, s1)
        mentions = self.phrases.mentions(p, toks)
        mentioned: list[CastMember] = []
        for m in mentions:
            if not m.person.unproven:
                mentioned.append(m.person)
                self.cast.mention(m.person)
        subject = None
        spoke = False
        for f in found_here:
            if f.person is not None:
                self.cast.quoted[id(f.person)] = self.cast.quoted.get(id(f.person), 0) + 1
            if subject is None and f.attributed and f.person is not None:
                subject, spoke = f.person, True
        if subject is None and not found_here:
            for v in range(len(toks)):
                if verb_at(toks, v, len(toks)) > 0 and toks[v][0] not in PARTICIPLES:
                    np = self.phrases.subject_of(p, toks, v, 0)
                    if np is not None:
                        subject = self.subject_person(p, toks, np, toks[v][0])
                        if subject is not None:
                            end = verb_at(toks, v, len(toks))
                            verb = self.attribution.verb_text(p, toks, v, end)
                            self.cast.note_reporter(p, subject, np.text, verb)
                            break
                        if np.kind == "org":
                            break  # "The paper claimed that ...": its clause is not the story
            if subject is None:
                np = self.phrases.sentence_subject(p, toks)
                if np is not None:
                    subject = self.subject_person(p, toks, np, "")
            if subject is None:
                subject = next((m.person for m in mentions if m.role == "subject"), None)
        if subject is not None and not subject.unproven:
            self.cast.mention(subject)
            if subject not in mentioned:
                mentioned.append(subject)
        distinct = list(dict.fromkeys(id(m) for m in mentioned))
        unsure = self.attribution.unsure_pronouns
        if len(distinct) == 1 and distinct[0] not in unsure:
            person = mentioned[0]
            genders = {GENDER_WORDS[t[0].lower()] for t in toks if t[0].lower() in GENDER_WORDS}
            if len(genders) == 1 and person.gender is None:
                person.gender = genders.pop()
        unsure.clear()
        others: list[Mention] = []
        for m in mentions:
            if (
                m.person is not subject
                and not m.person.unproven
                and all(o.person is not m.person for o in others)
            ):
                others.append(m)
        self.cast.end_sentence(subject, others, spoke)

    def subject_person(
        self, p: int, toks: list[Tok], np: NounPhrase, verb: str
    ) -> CastMember | None:
        if np.kind == "name":
            person = self.cast.lookup(np.words)
            if person is None and verb in REPORTING_VERBS:
                person = self.cast.register(np.words, np.role)
            return person
        if np.kind == "pronoun" and np.text.lower() in ("he", "she"):
            previous = self.found[-1] if self.found else None
            asked = asker(verb, previous)
            at = self.text.tok_index(p, np.start)
            here = self.phrases.mentions(p, toks, 0, at)
            # a subject pronoun is none of the people its own sentence names after it ("He
            # stressed his support for Varadkar"), unless the name glosses it ("He [Harris]")
            gloss = at + 1 < len(toks) and toks[at + 1][0] in ("[", "(")
            later = [] if gloss else [m.person for m in self.phrases.mentions(p, toks, at + 1)]
            choice = pronoun_choice(
                self.cast, PRONOUNS[np.text.lower()], here, [*later, *([asked] if asked else [])]
            )
            if choice.person is None:
                return None
            person = self.cast.prove(choice.person)
            if person.gender is None:
                person.gender = PRONOUNS[np.text.lower()]  # "she conceded": a woman
            return person
        if np.kind == "desc":
            if not description_head(normalise_description(np.text)):
                return None  # an epithet ("the Western ...") is trusted only as a speaker
            choice = description_choice(self.cast, np.text)
            if choice.person is not None:
                self.cast.describe(choice.person, np.text, choice.confidence)
            return choice.person
        return None


# Modifiers that say nothing about which role: "a senior official", "a local official".
_GENERIC_MODIFIERS = frozenset(("senior", "top", "junior", "local", "leading", "veteran"))


def _display_name(person: CastMember) -> str:
    if person.known is not None and len(person.words) == 1:
        return person.known.name  # only the surname here; the full name comes from the DB
    if len(person.words) == 1 and any(r.split()[-1:] == ["Pope"] for r in person.roles):
        return f"Pope {person.name}"  # a pope's name is his title and one name
    if person.style:
        return f"{person.style} {person.name}"  # "Sheikh Tamim bin Hamad", as printed
    return person.name


def is_public_alias(alias: str) -> bool:
    """Whether a way the article names someone can stand on the speaker page: a name or a
    qualified role ("NATO Secretary-General", "the Danish NATO chief"), never an honorific
    ("Mr"), a bare title ("President") or a fragment that lost its words or punctuation
    ("-- NATO Secretary-General")."""
    words = alias.split()
    if not words or not alias[:1].isalnum():
        return False
    if any(not any(ch.isalnum() for ch in word) for word in words):
        return False  # a word that is only punctuation: "Rasmussen -- NATO Secretary-General"
    if all(bare_word(w).lower().rstrip(".") in HONORIFICS for w in words):
        return False
    if len(words) == 1 and (is_role_word(words[0]) or words[0].rstrip(".") in ("Jr", "Sr")):
        return False  # a bare title ("President") would name every holder of it, as "Jr." would
    if is_possessive(words[-1]):
        return False  # the start of a phrase about something else: "The PM's", "UK's"
    return alias[-1:] not in "-–—,;:(" and len(words) <= 8
