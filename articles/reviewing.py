"""The review queue: the quotes waiting for an editor (with the queue's filters), each shown in
its sentence with the attribution, and several confirmed or rejected at once.

The queue's filters live in its address; an answer to a review made on the queue reads them
back from the address the form carried (`next`), so the count it sends is the queue's own.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from django.db import transaction
from django.db.models import F
from django.http import QueryDict
from django.utils import timezone

from articles.forms import ReviewFilterForm
from articles.history import Change
from articles.locate import Span, quote_in_sentence
from articles.models import Article, Edit, Quote, opening

# At most this many quotes are reviewed in one go (a page of the queue is 25).
MANY_AT_ONCE = 100


def queue_filters(params: QueryDict) -> tuple[ReviewFilterForm, object]:
    """The filter form for these GET parameters, and the quotes waiting that it lets through
    (none when the filters are not valid)."""
    form = ReviewFilterForm(params or None)
    quotes = Quote.objects.unreviewed()
    if form.is_bound and not form.is_valid():
        return form, quotes.none()
    if form.is_bound:
        data = form.cleaned_data
        if data["story"]:
            quotes = quotes.filter(article__story=data["story"])
        if data["outlet"]:
            quotes = quotes.filter(article__outlet=data["outlet"])
        if data["speaker"]:
            quotes = quotes.filter(person=data["speaker"])
    return form, quotes


def filters_in(address: str) -> QueryDict:
    """The queue's filters from its address (the `next` a review form carries)."""
    params = QueryDict(mutable=True)
    for key, values in parse_qs(urlsplit(address or "").query).items():
        if key in ReviewFilterForm.base_fields:
            params.setlist(key, values)
    return params


def waiting_count(address: str) -> int:
    """How many quotes the queue at this address still has waiting."""
    return queue_filters(filters_in(address))[1].count()


def add_sentences(quotes) -> None:
    """Give each quote `in_sentence`: its words with the rest of its sentence, where the
    attribution is; a headline quote, the headline. One query for all of them (their
    articles' paragraphs and titles)."""
    quotes = list(quotes)
    articles = {
        pk: (paragraphs, title)
        for pk, paragraphs, title in Article.objects.filter(
            pk__in={quote.article_id for quote in quotes}
        ).values_list("pk", "paragraphs", "title")
    }
    for quote in quotes:
        paragraphs, title = articles.get(quote.article_id, ([], ""))
        if quote.place == Quote.Place.HEADLINE:
            texts = [title]
        else:
            texts = [paragraph["text"] for paragraph in paragraphs]
        span = Span(
            quote.start_paragraph,
            quote.start_offset,
            quote.end_paragraph,
            quote.end_offset,
            quote.text,
        )
        quote.in_sentence = quote_in_sentence(texts, span, mention=quote.speaker_mention)


def last_review(quote_pk: int) -> Edit | None:
    """The review of this quote that an undo would take back, if any."""
    return (
        Edit.objects.for_quote(quote_pk)
        .filter(action=Edit.Action.REVIEW, undone_by__isnull=True)
        .only("pk")
        .first()
    )


@dataclass
class Reviewed:
    """What review_many did: the quotes it reviewed (in one edit) and those someone else had
    changed meanwhile, left as they are."""

    status: str
    done: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    edit: Edit | None = None

    @property
    def message(self) -> str:
        verb = {"confirmed": "Confirmed", "rejected": "Rejected"}
        count = len(self.done)
        said = f"{verb.get(self.status, 'Reviewed')} {count} quote{'s' if count != 1 else ''}."
        if not count:
            said = "Nothing reviewed."
        if self.stale:
            said += (
                f" {len(self.stale)} changed meanwhile (someone else reviewed or edited them) "
                "and were left as they are."
            )
        return said


def review_many(user, versions: dict[int, int], status: str) -> Reviewed:
    """Confirm or reject these quotes (id -> the version the editor saw) in one edit, which
    one undo takes back. A quote changed since the editor saw it is left alone (stale)."""
    result = Reviewed(status)
    wanted = dict(list(versions.items())[:MANY_AT_ONCE])
    with transaction.atomic():
        # Locked as they are read: no one else's change can come between the versions seen
        # here and the claim below, so one update claims them all.
        waiting = Quote.objects.select_for_update().filter(
            pk__in=wanted, status=Quote.Status.UNREVIEWED
        )
        seen = dict(waiting.values_list("pk", "version"))
        result.done = [pk for pk, version in wanted.items() if seen.get(pk) == version]
        result.stale = sorted(set(wanted) - set(result.done))
        if not result.done:
            return result
        groups = Quote.objects.filter(pk__in=result.done).values_list("group_id", flat=True)
        change = Change(quotes=result.done, groups=groups)
        claimed = Quote.objects.filter(pk__in=result.done)
        claimed.update(version=F("version") + 1, updated_at=timezone.now())
        claimed.review_waiting(status)
        words = ", ".join(
            f"“{opening(text, 5)}”"
            for text in Quote.objects.filter(pk__in=result.done[:3]).values_list("text", flat=True)
        )
        more = f" and {len(result.done) - 3} more" if len(result.done) > 3 else ""
        verb = "Confirmed" if status == Quote.Status.CONFIRMED else "Rejected"
        summary = f"{verb} {len(result.done)} quotes at once: {words}{more}"
        target = Quote.objects.get(pk=result.done[0])
        result.edit = change.record(user, Edit.Action.REVIEW, target, summary)
    return result
