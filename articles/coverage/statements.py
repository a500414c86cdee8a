"""Statement groups: the quotes of one statement by different outlets within a story.

Each group keeps its fullest wording, every member's word differences against it, and its
speaker (the person most of its quotes are attributed to). A quote holding several statements
(a passage quoted in one piece) is in one group and linked to the others' (Quote.also_in).
"""

import dataclasses
import json
from collections import Counter
from dataclasses import asdict

from django.db import connection
from django.db.models import Prefetch

from articles import matching
from articles.models import Article, Quote, StatementGroup
from articles.quotes import repeated_in

from .sql import fetchall


def match_article_statements(article: Article, new_quotes: list[Quote] | None = None) -> None:
    """Put the article's ungrouped quotes into its story's statement groups.

    `new_quotes`: the article's quotes not saved yet (an import); they are saved here, already
    in their groups. Without it, the article's visible, ungrouped, unlocked quotes are matched.
    """
    saved = new_quotes is None
    if new_quotes is None:
        new_quotes = list(
            article.quotes.visible().filter(group__isnull=True, group_locked=False).order_by("id")
        )
    if not new_quotes:
        return
    plan = _plan_statements(article, new_quotes)
    if saved:
        Quote.objects.bulk_update(plan.grouped, ["group", "diff"])
    else:
        Quote.objects.insert_many(new_quotes)
    plan.save()


# The visible quotes in a story's statement groups, with their group's fullest quote and
# speaker: Quote.objects.visible().filter(group__story_id=...).values_list(...).
STATEMENT_MEMBERS_SQL = """
    SELECT q.id, q.group_id, q.article_id, q.text, q.person_id, q.place, q.start_paragraph,
           q.start_offset, g.fullest_id, g.speaker_id
    FROM articles_quote q JOIN articles_statementgroup g ON g.id = q.group_id
    WHERE g.story_id = %(story)s AND q.status <> %(rejected)s
"""
# (Quote's own order: an article's headline quotes before its body's)
# (models.QUOTE_READING_ORDER, in SQL)
STATEMENT_MEMBERS_ORDER = " ORDER BY q.article_id, q.place DESC, q.start_paragraph, q.start_offset"


@dataclasses.dataclass(slots=True)
class _Member:
    """A quote already in one of the story's statements, as loaded for matching."""

    pk: int
    group_id: int
    article_id: int
    text: str
    person_id: int | None
    place: str
    start_paragraph: int
    start_offset: int
    fullest_id: int | None  # the group's
    speaker_id: int | None  # the group's


@dataclasses.dataclass
class _StatementPlan:
    """Where an article's quotes go: written once the new quotes have ids."""

    grouped: list[Quote]  # the new quotes placed in a group (their group and diff are set)
    groups: list[tuple[int, object, int | None]]  # (group id, fullest quote, speaker) to save
    rediffed: list[Quote]  # earlier members whose diff changed (a new fullest wording)
    # (quote, or an earlier quote's id; group id): a passage holding another group's statement
    links: list[tuple[Quote | int, int]] = dataclasses.field(default_factory=list)

    def save(self) -> None:
        _update_rows(
            StatementGroup,
            {"fullest_id": "bigint", "speaker_id": "bigint"},
            [(pk, fullest.pk, speaker) for pk, fullest, speaker in self.groups],
        )
        _update_rows(
            Quote,
            {"diff": "jsonb"},
            [(quote.pk, json.dumps(quote.diff)) for quote in self.rediffed],
        )
        Quote.also_in.through.objects.bulk_create(
            [
                Quote.also_in.through(
                    quote_id=quote if isinstance(quote, int) else quote.pk, statementgroup_id=group
                )
                for quote, group in self.links
            ],
            ignore_conflicts=True,
        )


def _update_rows(model, columns: dict[str, str], rows: list[tuple]) -> None:
    """Set `columns` (name: SQL type) of many rows, (id, value...) each, in one statement.

    QuerySet.bulk_update builds a CASE expression per row and field, which costs more than the
    rest of an import together; UPDATE ... FROM (VALUES ...) is one plain statement. Rows go in
    id order, so two imports locking the same rows take them in the same order.
    """
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    values = "(%s::bigint, " + ", ".join(f"%s::{kind}" for kind in columns.values()) + ")"
    assignments = ", ".join(
        f"{connection.ops.quote_name(name)} = v.{connection.ops.quote_name(name)}"
        for name in columns
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([values] * len(rows))}) "
            f"AS v(id, {names}) WHERE {table}.id = v.id",
            [value for row in sorted(rows, key=lambda row: row[0]) for value in row],
        )


def _plan_statements(article: Article, new_quotes: list[Quote]) -> _StatementPlan:
    """Match the quotes against the story's statements; start the statements they begin."""
    # Every statement of the story, whoever said it: a quote given to the wrong person still
    # joins its statement when it has the same words (matching.match_statements). Every visible
    # member comes (this article's too: they count for the fullest wording and the speaker),
    # in refresh_groups' order.
    params = {"story": article.story_id, "rejected": Quote.Status.REJECTED.value}
    rows = [
        _Member(*row) for row in fetchall(STATEMENT_MEMBERS_SQL + STATEMENT_MEMBERS_ORDER, params)
    ]
    by_group: dict[int, list[matching.QuoteForMatching]] = {}
    for member in rows:
        if member.article_id != article.pk:
            by_group.setdefault(member.group_id, []).append(
                matching.QuoteForMatching(
                    member.pk, member.text, member.person_id, member.article_id
                )
            )
    groups = [matching.StatementGroup(key, quotes) for key, quotes in by_group.items()]
    # Keyed by position: new quotes may have no id yet. The body's quotes are matched as if
    # the headline were not there; the headline's then follow them (_headline_assignments).
    body = [i for i, quote in enumerate(new_quotes) if quote.place != Quote.Place.HEADLINE]
    assignments = matching.match_statements(
        [
            matching.QuoteForMatching(i, new_quotes[i].text, new_quotes[i].person_id, article.pk)
            for i in body
        ],
        groups,
    )
    assignments += _headline_assignments(article, new_quotes, assignments, rows, groups)
    starting: list[Quote] = []  # each starts a statement of its own
    repeats: list[tuple[Quote, int]] = []  # each repeats a starting quote (its index there)
    started_at: dict[int, int] = {}  # new_group_index -> index in `starting`
    joining: dict[int, list[Quote]] = {}
    links: list[tuple[Quote | int, object]] = []  # object: a group id, or a new group's index
    # (a headline quote after the body's: the body's fuller wording starts their statement)
    for assignment in sorted(
        assignments, key=lambda a: new_quotes[a.quote_key].place == Quote.Place.HEADLINE
    ):
        quote = new_quotes[assignment.quote_key]
        links += [(quote, group_id) for group_id in assignment.also_in]
        own = assignment.group_key
        if own is None and assignment.new_group_index is not None:
            own = ("new", assignment.new_group_index)
        links += [(passage, own) for passage in assignment.passages]
        if assignment.group_key is not None:
            quote.group_id = assignment.group_key
            joining.setdefault(quote.group_id, []).append(quote)
        elif assignment.new_group_index in started_at:
            repeats.append((quote, started_at[assignment.new_group_index]))
        elif assignment.new_group_index is not None:
            started_at[assignment.new_group_index] = len(starting)
            starting.append(quote)
    created = StatementGroup.objects.start_many(article.story_id, starting)
    plan = _StatementPlan(grouped=[*starting], groups=[], rediffed=[])
    plan.links = [
        (quote, created[started_at[group[1]]] if isinstance(group, tuple) else group)
        for quote, group in links
    ]
    for quote, group_id in zip(starting, created, strict=True):
        quote.group_id, quote.diff = group_id, []
        if quote.pk is None:
            plan.groups.append((group_id, quote, quote.person_id))
    for quote, index in repeats:
        quote.group_id, quote.diff = created[index], _diff(starting[index], quote)
        plan.grouped.append(quote)
    old_members: dict[int, list[_Member]] = {}
    for member in rows:
        if member.group_id in joining:
            old_members.setdefault(member.group_id, []).append(member)
    for group_id, quotes in sorted(joining.items()):
        _plan_group(plan, group_id, old_members.get(group_id, []), quotes)
    return plan


def _headline_assignments(article, new_quotes, assignments, rows, groups) -> list:
    """Where the article's new headline quotes go. One repeating words its article's body
    quotes (QUOTES.md: nearly always) is a rendition of that statement and goes where that
    quote goes, whatever the matcher would make of a fragment that short; the others are
    matched against the story's statements on their own. Never the other way round: a
    headline changes no body quote's statement."""
    by_key = {assignment.quote_key: assignment for assignment in assignments}
    body = [key for key in by_key if new_quotes[key].place != Quote.Place.HEADLINE]
    grouped = [m for m in rows if m.article_id == article.pk and m.place != Quote.Place.HEADLINE]
    out, alone = [], []
    for key, quote in enumerate(new_quotes):
        if quote.place != Quote.Place.HEADLINE:
            continue
        at = repeated_in(quote.text, [new_quotes[k].text for k in body])
        if at is not None:
            twin = by_key[body[at]]
            out.append(
                matching.GroupAssignment(key, twin.group_key, twin.new_group_index, twin.score)
            )
            continue
        at = repeated_in(quote.text, [member.text for member in grouped])
        if at is not None:
            out.append(matching.GroupAssignment(key, grouped[at].group_id, None, 1.0))
        else:
            alone.append(key)
    if alone:
        started = [a.new_group_index for a in assignments if a.new_group_index is not None]
        offset = max(started, default=-1) + 1  # (after the groups the body's quotes start)
        for assignment in matching.match_statements(
            [
                matching.QuoteForMatching(
                    k, new_quotes[k].text, new_quotes[k].person_id, article.pk
                )
                for k in alone
            ],
            groups,
        ):
            if assignment.new_group_index is not None:
                assignment.new_group_index += offset
            out.append(assignment)
    return out


def _plan_group(plan: _StatementPlan, group_id: int, old: list[_Member], new: list[Quote]):
    """refresh_groups for one group that new quotes join, from members already loaded."""
    members = sorted(
        [*old, *new],
        key=lambda q: (q.article_id, q.place != "headline", q.start_paragraph, q.start_offset),
    )
    fullest = members[matching.fullest_wording([q.text for q in members])]
    speaker = _main_speaker(members)
    previous = old[0] if old else None
    # A group keeps its diffs while its fullest wording stays: only the new quotes are diffed.
    same_fullest = (
        previous is not None and isinstance(fullest, _Member) and previous.fullest_id == fullest.pk
    )
    for member in new if same_fullest else members:
        diff = _diff(fullest, member)
        if isinstance(member, Quote):
            member.diff = diff
        else:
            plan.rediffed.append(Quote(pk=member.pk, diff=diff))
    plan.grouped += new
    if not same_fullest or previous is None or previous.speaker_id != speaker:
        plan.groups.append((group_id, fullest, speaker))


def _diff(fullest, member) -> list[dict]:
    """A member's word diff against its statement's fullest wording (none for that one)."""
    if member is fullest:
        return []
    return [asdict(token) for token in matching.word_diff(fullest.text, member.text)]


def _main_speaker(members) -> int | None:
    """A statement's speaker: the person most of its quotes are attributed to."""
    speakers = Counter(q.person_id for q in members if q.person_id)
    return speakers.most_common(1)[0][0] if speakers else None


def refresh_groups(group_ids) -> None:
    """Recompute each group's fullest wording, members' diffs and speaker."""
    groups = StatementGroup.objects.filter(pk__in=group_ids).prefetch_related(
        Prefetch(
            "quotes", queryset=Quote.objects.only("id", "group_id", "text", "person_id", "status")
        )
    )
    changed_quotes = []
    changed_groups = []
    for group in groups:
        members = [q for q in group.quotes.all() if q.status != Quote.Status.REJECTED]
        if not members:
            group.delete()
            continue
        fullest = members[matching.fullest_wording([q.text for q in members])]
        for member in members:
            member.diff = _diff(fullest, member)
        changed_quotes += members
        group.fullest = fullest
        group.speaker_id = _main_speaker(members)
        changed_groups.append(group)
    StatementGroup.objects.bulk_update(changed_groups, ["fullest", "speaker"])
    Quote.objects.bulk_update(changed_quotes, ["diff"])
