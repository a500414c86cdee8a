"""Reading an article in order: each sentence's quoted spans are judged, then who the sentence
is about is noted (for later pronouns and descriptions); at the end each speaker gets the
fullest name the article used.
"""

from collections.abc import Sequence

from .attribution import Attributor, Found, asker, verb_at
from .candidates import description_choice, pronoun_choice
from .cast import Cast, CastMember, Mention, description_head, normalise_description
from .evidence import collect_people
from .judging import SpanJudge
from .marks import Span, find_spans
from .names import bare_word
from .phrases import NounPhrase, PhraseReader
from .quote import Extraction, KnownPerson, Person
from .sentences import Tok
from .text import ArticleText
from .words import GENDER_WORDS, HONORIFICS, PARTICIPLES, PRONOUNS, REPORTING_VERBS


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
        return self.result()

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
        if len(distinct) == 1:
            person = mentioned[0]
            genders = {GENDER_WORDS[t[0].lower()] for t in toks if t[0].lower() in GENDER_WORDS}
            if len(genders) == 1 and person.gender is None:
                person.gender = genders.pop()
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
            here = self.phrases.mentions(p, toks, 0, self.text.tok_index(p, np.start))
            choice = pronoun_choice(
                self.cast, PRONOUNS[np.text.lower()], here, [asked] if asked else []
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
            person = description_choice(self.cast, np.text).person
            if person is not None and np.text not in person.aliases:
                person.aliases[np.text] = None
            return person
        return None


def _display_name(person: CastMember) -> str:
    if person.known is not None and len(person.words) == 1:
        return person.known.name  # only the surname here; the full name comes from the DB
    if len(person.words) == 1 and any(r.split()[-1:] == ["Pope"] for r in person.roles):
        return f"Pope {person.name}"  # a pope's name is his title and one name
    return person.name


def is_public_alias(alias: str) -> bool:
    """Whether a way the article names someone can stand on the speaker page: a name or a
    qualified role ("NATO Secretary-General", "the Danish NATO chief"), never an honorific
    ("Mr") or a fragment that lost its words or punctuation ("-- NATO Secretary-General")."""
    words = alias.split()
    if not words or not alias[:1].isalnum():
        return False
    if all(bare_word(w).lower().rstrip(".") in HONORIFICS for w in words):
        return False
    return alias[-1:] not in "-–—,;:(" and len(words) <= 8
