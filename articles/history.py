"""The history of editorial changes: snapshots, changes and undo.

An editing view runs each change in one transaction through a Change: it snapshots what the
change will touch, the change is made (mostly by model methods: quote.review(...),
group.split(...), story.merge(...)), and the Change records an Edit holding the state of
everything touched before and after. undo() puts the "before" back, if nothing has changed
since.
"""

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import transaction
from django.db.models import F, Q
from django.utils import dateformat, timezone

from articles.coverage.statements import refresh_groups
from articles.models import (
    Article,
    Edit,
    Outlet,
    Person,
    Quote,
    StatementGroup,
    Story,
    Tag,
    opening,
)

# What an edit records of each kind of object: enough to put it back exactly, even after it
# was deleted (a merged story, an emptied statement group).
QUOTE_SNAPSHOT_FIELDS = (
    "article_id",
    "person_id",
    "group_id",
    "text",
    "kind",
    "speaker_mention",
    "verb",
    "place",
    "start_paragraph",
    "start_offset",
    "end_paragraph",
    "end_offset",
    "confidence",
    "status",
    "origin",
    "speaker_locked",
    "group_locked",
    "boundaries_locked",
    "tags_locked",
)
# An article's story and the details an editor may correct (the reading's metadata).
ARTICLE_SNAPSHOT_FIELDS = (
    "story_id",
    "story_locked",
    "title",
    "published_at",
    "published_precision",
    "published_inferred",
    "outlet_id",
    "dateline",
    "byline",
)
# Kept in a snapshot for people reading the history; never compared or restored (a person's
# name may be completed by later imports without anyone editing the quote).
DISPLAY_ONLY = frozenset({"speaker", "tag_names", "label"})


def snapshot(*, quotes=(), groups=(), articles=(), stories=()) -> dict:
    """The editable state of these objects as JSON; null for an id that does not exist."""
    state = {"quotes": {}, "groups": {}, "articles": {}, "stories": {}}
    quote_ids = {pk for pk in quotes if pk}
    for pk in quote_ids:
        state["quotes"][str(pk)] = None
    for quote in (
        Quote.objects.filter(pk__in=quote_ids)
        .select_related("person")
        .annotate(tag_ids=ArrayAgg("tags__id", filter=Q(tags__isnull=False), default=[]))
        .with_tag_names()
    ):
        row = {field: getattr(quote, field) for field in QUOTE_SNAPSHOT_FIELDS}
        row["tags"] = sorted(quote.tag_ids)
        row["speaker"] = quote.person.name if quote.person else None
        row["tag_names"] = list(quote.tag_names)
        state["quotes"][str(quote.pk)] = row
    group_ids = {pk for pk in groups if pk}
    for pk in group_ids:
        state["groups"][str(pk)] = None
    for group in StatementGroup.objects.labelled().filter(pk__in=group_ids):
        # The label says in the history which statement it was, at the time.
        state["groups"][str(group.pk)] = {"story_id": group.story_id, "label": group.label()}
    article_ids = {pk for pk in articles if pk}
    for row in Article.objects.filter(pk__in=article_ids).values("pk", *ARTICLE_SNAPSHOT_FIELDS):
        pk = row.pop("pk")
        # JSON has no dates: the same ISO text whether read back from an Edit or taken now.
        if row["published_at"] is not None:
            row["published_at"] = row["published_at"].isoformat()
        state["articles"][str(pk)] = row
    story_ids = {pk for pk in stories if pk}
    for pk in story_ids:
        state["stories"][str(pk)] = None
    for pk, title, locked in Story.objects.filter(pk__in=story_ids).values_list(
        "pk", "title", "title_locked"
    ):
        state["stories"][str(pk)] = {"title": title, "title_locked": locked}
    return state


def comparable(state: dict) -> dict:
    """A snapshot without its display-only fields, to tell whether anything changed since."""
    return {
        kind: {
            pk: ({k: v for k, v in row.items() if k not in DISPLAY_ONLY} if row else row)
            for pk, row in rows.items()
        }
        for kind, rows in state.items()
    }


class Conflict(Exception):
    """Someone changed it first: the form was based on a state that is gone."""

    def __init__(self, message: str = ""):
        super().__init__(message)
        self.message = message


class Refused(Exception):
    """Input that cannot be applied, with the reason in words (a 400) and anything the page
    should show to help (e.g. the people a name may mean)."""

    def __init__(self, message: str, **context):
        super().__init__(message)
        self.context = context


class NoChange(Exception):
    """The change would leave everything as it was: nothing to record (it is rolled back)."""


class Change:
    """One editorial change: snapshot what it will touch, make it, then record the Edit."""

    KINDS = ("quotes", "groups", "articles", "stories")

    def __init__(self, *, quotes=(), groups=(), articles=(), stories=()):
        self.started = timezone.now()
        given = {"quotes": quotes, "groups": groups, "articles": articles, "stories": stories}
        self.ids = {kind: {pk for pk in given[kind] if pk} for kind in self.KINDS}
        self.before = snapshot(**self.ids)

    def add_new_quote(self, pk: int) -> None:
        """A quote this change created: nothing to put back but its absence."""
        self.ids["quotes"].add(pk)
        self.before["quotes"][str(pk)] = None

    def touch(self, *, groups=(), stories=()) -> None:
        """Statement groups and stories found during the change. Those created by it had no
        "before"; those that already existed (a group a quote joined) did not change."""
        for kind, ids, model in (("groups", groups, StatementGroup), ("stories", stories, Story)):
            new = {pk for pk in ids if pk} - self.ids[kind]
            if not new:
                continue
            self.ids[kind] |= new
            existed = model.objects.filter(pk__in=new, created_at__lt=self.started)
            state = snapshot(**{kind: existed.values_list("pk", flat=True)})[kind]
            for pk in new:
                self.before[kind][str(pk)] = state.get(str(pk))

    def record(self, user, action: str, target, summary: str, *, automatic=False) -> Edit:
        now_in = Quote.objects.filter(pk__in=self.ids["quotes"]).values_list("group_id", flat=True)
        self.touch(groups=now_in)
        after = snapshot(**self.ids)
        if comparable(after) == comparable(self.before):
            raise NoChange
        return Edit.objects.create(
            user=user,
            automatic=automatic,
            action=action,
            target_type=TARGET_TYPES[type(target)],
            target_id=target.pk,
            summary=summary[:500],
            before=self.before,
            after=after,
            quote_ids=sorted(self.ids["quotes"]),
        )


TARGET_TYPES = {
    Quote: Edit.Target.QUOTE,
    StatementGroup: Edit.Target.GROUP,
    Article: Edit.Target.ARTICLE,
    Story: Edit.Target.STORY,
}


def ids_in(state: dict) -> dict[str, set[int]]:
    return {kind: {int(pk) for pk in state.get(kind, {})} for kind in Change.KINDS}


def restore(state: dict) -> None:
    """Put a snapshot back: recreate what was deleted since, remove what did not exist."""
    stories, groups = state.get("stories", {}), state.get("groups", {})
    articles, quotes = state.get("articles", {}), state.get("quotes", {})
    # Stories and groups the restored rows will point at must exist first (same ids).
    for pk, row in stories.items():
        if row is not None:
            Story.objects.update_or_create(pk=int(pk), defaults=row)
    live_stories = set(
        Story.objects.filter(pk__in=_ids(groups, "story_id")).values_list("pk", flat=True)
    )
    for pk, row in groups.items():
        if row is not None and row["story_id"] in live_stories:
            defaults = {"story_id": row["story_id"]}
            StatementGroup.objects.update_or_create(pk=int(pk), defaults=defaults)
    outlets = set(
        Outlet.objects.filter(pk__in=_ids(articles, "outlet_id")).values_list("pk", flat=True)
    )
    for pk, row in articles.items():
        row = dict(row)
        # An outlet deleted since (in the admin): the article keeps the one it has.
        if "outlet_id" in row and row["outlet_id"] not in outlets:
            del row["outlet_id"]
        # processed_at: the story matcher's cached copy of the article is stale.
        Article.objects.filter(pk=int(pk)).update(**row, processed_at=timezone.now())
        if "title" in row:
            article = Article.objects.only("title", "standfirst", "body").get(pk=int(pk))
            Article.objects.filter(pk=article.pk).update(
                search_vector=Article.search_vector_of(
                    article.title, article.standfirst, article.body
                )
            )
    groups_before = set(
        Quote.objects.filter(pk__in=[int(pk) for pk in quotes]).values_list("group_id", flat=True)
    )
    people = set(
        Person.objects.filter(pk__in=_ids(quotes, "person_id")).values_list("pk", flat=True)
    )
    existing_groups = set(
        StatementGroup.objects.filter(pk__in=_ids(quotes, "group_id")).values_list("pk", flat=True)
    )
    live_articles = set(
        Article.objects.filter(pk__in=_ids(quotes, "article_id")).values_list("pk", flat=True)
    )
    tags = set(Tag.objects.filter(pk__in=_ids(quotes, "tags")).values_list("pk", flat=True))
    for pk, row in quotes.items():
        if row is None:
            Quote.objects.filter(pk=int(pk)).delete()
            continue
        if row["article_id"] not in live_articles:
            continue
        # (a snapshot from before a field was recorded keeps that field as it is now)
        fields = {field: row[field] for field in QUOTE_SNAPSHOT_FIELDS if field in row}
        # Someone deleted since (a person merged away in the admin): leave the link empty.
        if fields["person_id"] not in people:
            fields["person_id"] = None
        if fields["group_id"] not in existing_groups:
            fields["group_id"] = None
        changed = Quote.objects.filter(pk=int(pk)).update(
            **fields, version=F("version") + 1, updated_at=timezone.now()
        )
        quote = (
            Quote.objects.get(pk=int(pk)) if changed else Quote.objects.create(pk=int(pk), **fields)
        )
        quote.tags.set([tag for tag in row["tags"] if tag in tags])
    for pk, row in groups.items():
        if row is None:
            StatementGroup.objects.filter(pk=int(pk), quotes__isnull=True).delete()
    touched_groups = {int(pk) for pk in groups} | groups_before | _ids(quotes, "group_id")
    refresh_groups(touched_groups - {None})
    for pk, row in stories.items():
        if row is None:
            Story.objects.filter(pk=int(pk), articles__isnull=True).delete()
    story_ids = {int(pk) for pk in stories} | {row["story_id"] for row in articles.values()}
    story_ids |= {row["story_id"] for row in groups.values() if row}
    for story in Story.objects.filter(pk__in=story_ids - {None}):
        story.refresh_date_range()
    Quote.objects.filter(pk__in=[int(pk) for pk in quotes]).update_search_vectors()


def _ids(rows: dict, field: str) -> set:
    found = set()
    for row in rows.values():
        if row is None:
            continue
        value = row[field]
        found.update(value if isinstance(value, list) else [value])
    return found - {None}


def as_recorded(state: dict, recorded: dict) -> dict:
    """`state` with only the fields `recorded` holds of each object: edits recorded before an
    article's details were snapshotted hold its story alone."""
    trimmed = {}
    for kind, rows in state.items():
        trimmed[kind] = {}
        for pk, row in rows.items():
            old = recorded.get(kind, {}).get(pk)
            keep = row is not None and old is not None
            trimmed[kind][pk] = {k: v for k, v in row.items() if k in old} if keep else row
    return trimmed


def later_changes(edit: Edit, limit: int = 3) -> list[Edit]:
    """Changes made after `edit` to something it touched and still in effect, newest first:
    what stands in the way of undoing it."""
    ids = ids_in(edit.after)
    touches = Q(pk__in=[])
    if ids["quotes"]:
        touches |= Q(quote_ids__overlap=sorted(ids["quotes"]))
    for kind in ("groups", "articles", "stories"):
        if ids[kind]:
            keys = [str(pk) for pk in sorted(ids[kind])]
            touches |= Q(**{f"after__{kind}__has_any_keys": keys})
    later = Edit.objects.filter(touches, pk__gt=edit.pk, undone_by__isnull=True)
    return list(later.select_related("user").order_by("-pk")[:limit])


def blocked_message(later: list[Edit]) -> str:
    """Why an undo is refused, naming the later change to undo first."""
    if not later:
        return (
            "What this change touched has changed since, by an import or re-processing rather "
            "than an editor: it can no longer be undone."
        )
    newest = later[0]
    when = dateformat.format(timezone.localtime(newest.created_at), "j M Y, H:i")
    who = newest.author
    message = f"A later change stands in the way: “{newest.summary}” ({who}, {when}). Undo it first"
    if len(later) > 1:
        others = "; ".join(f"“{edit.summary}”" for edit in later[1:])
        message += f", then the earlier ones that touched the same things ({others})"
    return message + "."


def undo(pk: int, user) -> Edit:
    """Put back what edit `pk` changed, if nothing it touched has changed since (else a
    Conflict: undo the later changes first). The undo is itself an edit, and can be undone.
    Returns the edit undone."""
    with transaction.atomic():
        edit = Edit.objects.select_for_update().get(pk=pk)
        if edit.undone_by_id:
            raise Conflict("This change was undone already.")
        ids = ids_in(edit.after)
        current = as_recorded(snapshot(**ids), edit.after)
        if comparable(current) != comparable(edit.after):
            raise Conflict(blocked_message(later_changes(edit)))
        restore(edit.before)
        if edit.automatic:
            # An editor undoing what the import decided: the articles stay where the editor
            # put them back, and healing never moves them again.
            Article.objects.filter(pk__in=ids["articles"]).update(story_locked=True)
        undoing = Edit.objects.create(
            user=user,
            action=Edit.Action.UNDO,
            target_type=Edit.Target.EDIT,
            target_id=edit.pk,
            summary=f"Undid: {edit.summary}"[:500],
            before=current,
            after=snapshot(**ids),
            quote_ids=edit.quote_ids,
        )
        edit.undone_by = undoing
        edit.save(update_fields=["undone_by"])
    return edit


# ----------------------------------------------------------------------------- in words


def names_for(edits) -> dict[str, dict[str, str]]:
    """What the ids in these edits' snapshots are called, for the history in words: stories
    by title, articles by headline, statements by speaker and opening words, outlets by name,
    quotes by their opening words. Three queries at most for any number of edits. A story or
    statement gone since is named as the snapshots recorded it."""
    names = {kind: {} for kind in ("stories", "articles", "groups", "quotes", "outlets")}
    story_ids, group_ids, outlet_ids = set(), set(), set()
    spoken: dict[str, tuple] = {}  # group -> (speaker, words) of a quote recorded in it
    for edit in edits:
        for state in (edit.before, edit.after):
            for pk, row in state.get("stories", {}).items():
                story_ids.add(pk)
                if row:
                    names["stories"].setdefault(pk, f"“{row['title']}”")
            for pk, row in state.get("articles", {}).items():
                if row:
                    story_ids.add(str(row["story_id"]))
                    outlet_ids.add(str(row.get("outlet_id")))
                    if row.get("title"):
                        names["articles"].setdefault(pk, f"“{row['title']}”")
            group_ids.update(state.get("groups", {}))
            for pk, row in state.get("quotes", {}).items():
                if row:
                    names["quotes"].setdefault(pk, f"“{opening(row['text'])}”")
                    group_ids.add(str(row["group_id"]))
                    spoken.setdefault(str(row["group_id"]), (row.get("speaker"), row["text"]))
    wanted = {pk for pk in story_ids - set(names["stories"]) if pk.isdigit()}
    for pk, title in Story.objects.filter(pk__in=wanted).values_list("pk", "title"):
        names["stories"][str(pk)] = f"“{title}”"
    numbered = [pk for pk in group_ids if pk.isdigit()]
    for group in StatementGroup.objects.labelled().filter(pk__in=numbered):
        names["groups"][str(group.pk)] = group.label()
    for pk in numbered:
        if pk not in names["groups"] and pk in spoken:
            names["groups"][pk] = StatementGroup.describe(*spoken[pk])
    numbered = [pk for pk in outlet_ids if pk.isdigit()]
    for pk, name in Outlet.objects.filter(pk__in=numbered).values_list("pk", "name"):
        names["outlets"][str(pk)] = name
    return names
