"""The people an article quotes, as stored: those already known, matched, created or enriched.

What the extractor finds (articles.quotes) names people as the article does; here each name
becomes a stored Person, known to later articles by its aliases.
"""

import re

from django.contrib.postgres.aggregates import ArrayAgg

from articles import matching
from articles.lexicon import OFFICE_WORDS
from articles.models import Person, PersonAlias
from articles.quotes import KnownPerson, is_public_alias
from articles.quotes.names import is_common_plural

from .sql import fetchall

# Similarity above which a stored alias is worth asking match_person about.
ALIAS_TRIGRAM_MIN = 0.35
_NAME_TOKEN = re.compile(r"\b[A-Z][\w'’-]+")


def known_people_in(text: str) -> dict[int, KnownPerson]:
    """Stored people whose aliases occur in `text`, with all their aliases, by person id."""
    tokens = set(_NAME_TOKEN.findall(text))
    if not tokens:
        return {}
    lowered = {token.lower() for token in tokens}
    known = {}
    for pk, name, role, aliases in fetchall(KNOWN_PEOPLE_SQL, [sorted(lowered)]):
        # Only a person's surname in the text makes them "known" here: a title ("President")
        # would make every president known to every article.
        surname = name.split()[-1].lower() if name.split() else ""
        if surname in lowered and any(alias.lower() == surname for alias in aliases):
            known[pk] = KnownPerson(key=pk, name=name, aliases=tuple(aliases), role=role)
    return known


# Person.objects.filter(aliases__alias__lower__in=...) with all their aliases, oldest first
# (alias_lower_idx finds them). The ids as an array, looked up by primary key: as a join
# (`p.id IN (SELECT ...)`) the planner expected a match for every name-like word and read the
# whole person table for each article.
KNOWN_PEOPLE_SQL = """
    SELECT p.id, p.name, p.role,
           ARRAY(SELECT a.alias FROM articles_personalias a WHERE a.person_id = p.id ORDER BY a.id)
    FROM articles_person p
    WHERE p.id = ANY(ARRAY(
        SELECT DISTINCT person_id FROM articles_personalias WHERE lower(alias) = ANY(%s)
    ))
"""


def save_people(found_people, known: dict[int, KnownPerson]) -> dict[str, Person]:
    """The stored Person for everyone named in an article (by the name the extractor gave),
    matched, created or enriched; new aliases are stored in one query."""
    people = {}
    aliases = []
    for found in found_people:
        if not names_a_person(found.name):
            continue  # its quotes keep no speaker rather than a Person row named "Reports"
        person = _stored_person(found, known)
        people[found.name] = person
        stored = {alias for alias in getattr(person, "alias_list", ())}
        wanted = {found.name, found.name.split()[-1], *filter(useful_alias, found.aliases)}
        aliases += [
            PersonAlias(person_id=person.pk, alias=alias[:200])
            for alias in sorted(wanted)
            if alias.strip() and alias[:200] not in stored
        ]
    if aliases:
        PersonAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    return people


def _stored_person(found, known: dict[int, KnownPerson]) -> Person:
    person = None
    if found.known_key in known:
        # Loaded a moment ago by known_people_in, aliases and all: no need to ask again.
        data = known[found.known_key]
        person = Person(pk=data.key, name=data.name, role=data.role)
        person.alias_list = list(data.aliases)
    elif found.known_key is not None:
        person = _with_aliases(Person.objects.filter(pk=found.known_key)).first()
    if person is None:
        person = match_stored_person(found.name, found.role)
    if person is None:
        person = Person.objects.create(name=found.name[:200], role=found.role[:200])
        person.alias_list = []
        return person
    changed = []
    # Keep the fullest form of the name seen anywhere ("Medvedev" -> "Dmitry Medvedev").
    if len(found.name.split()) > len(person.name.split()) and _plain_name(found.name):
        person.name = found.name[:200]
        changed.append("name")
    if found.role and not person.role:
        person.role = found.role[:200]
        changed.append("role")
    if changed:
        Person.objects.filter(pk=person.pk).update(
            **{field: getattr(person, field) for field in changed}
        )
    return person


def names_a_person(name: str) -> bool:
    """Whether a name the extractor gave can be a stored Person: a capitalised name, not a
    plural of a common noun ("Reports", "Sources", "Officials") nor an honorific or title."""
    words = name.split()
    if not words or not name[:1].isupper() or not is_public_alias(name):
        return False
    return not (len(words) == 1 and is_common_plural(words[0]))


def useful_alias(alias: str) -> bool:
    """Whether an alias can name this person in other articles: a name, or a role with a
    qualifier ("former Danish prime minister", "NATO Secretary-General"); not a bare title
    ("President", "the premier") that would fit anyone holding it."""
    if not is_public_alias(alias):
        return False  # an honorific ("Mr"), a bare title or a punctuation fragment
    words = alias.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    lowered = [word.lower().strip(",.") for word in words]
    has_role = any(word in OFFICE_WORDS for word in lowered)
    qualified = any(word not in OFFICE_WORDS for word in lowered)
    if has_role:
        return qualified
    # No role word: only a proper name will do ("Fogh Rasmussen"), not "The Western".
    return alias[:1].isupper() and not alias.lower().startswith("the ")


def _plain_name(name: str) -> bool:
    return all(word[:1].isupper() for word in name.split())


def _with_aliases(people):
    """People with `alias_list`: all their aliases, oldest first."""
    return people.annotate(
        alias_list=ArrayAgg("aliases__alias", order_by="aliases__id", default=[])
    )


# The people with an alias like a surname: spelled the same (alias_lower_idx; short names have
# too few trigrams for the other test), or with trigram similarity (`%`, threshold 0.3, then
# ALIAS_TRIGRAM_MIN) through alias_trigram_idx. Two index scans: asked in one WHERE with OR,
# PostgreSQL read every alias (25 ms with 7,500 of them).
SIMILAR_ALIASES_SQL = """
    SELECT person_id FROM (
        SELECT person_id, 1.0::real AS similarity FROM articles_personalias
        WHERE lower(alias) = lower(%(surname)s)
        UNION ALL
        SELECT person_id, similarity(alias, %(surname)s) FROM articles_personalias
        WHERE alias %% %(surname)s AND similarity(alias, %(surname)s) >= %(least)s
    ) alike
    GROUP BY person_id ORDER BY max(similarity) DESC LIMIT 200
"""


def match_stored_person(name: str, role: str = "") -> Person | None:
    """A stored person this name refers to: candidates by trigram similarity of the surname,
    the decision by `matching.match_person` (titles, misspellings, shared surnames).
    The person comes with `alias_list`, all their aliases."""
    surname = name.split()[-1] if name.split() else name
    alias_rows = [
        pk
        for (pk,) in fetchall(SIMILAR_ALIASES_SQL, {"surname": surname, "least": ALIAS_TRIGRAM_MIN})
    ]
    if not alias_rows:
        return None
    people = list(_with_aliases(Person.objects.filter(pk__in=alias_rows)))
    candidates = [
        matching.PersonCandidate(key=person.pk, name=person.name, aliases=tuple(person.alias_list))
        for person in people
    ]
    key = matching.match_person(name, candidates, role=role)
    return next((person for person in people if person.pk == key), None)
