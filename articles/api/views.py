"""The API's endpoints: plain function views (DRF's @api_view), each a QuerySet from the
models' own methods, narrowed by the filters and paginated. Every list answers
`{count, next, previous, results}`, 50 a page (`?page=2`, `?page_size=` up to 200)."""

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from articles.api.filters import ApiFilters, published_in
from articles.api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    EditSerializer,
    OutletSerializer,
    PersonSerializer,
    QuoteSerializer,
    StatementSerializer,
    StorySerializer,
)
from articles.export import ARTICLE_HEAVY
from articles.models import (
    QUOTE_READING_ORDER,
    Article,
    Edit,
    Outlet,
    Person,
    PersonAlias,
    Quote,
    StatementGroup,
    Story,
    can_edit,
)


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class IsEditor(BasePermission):
    """Editors' data: an editor's (or admin's) session or token."""

    message = "Editors only: log in as an editor or send an editor's API token."

    def has_permission(self, request, view):
        return can_edit(request.user)


def filters_of(request) -> dict:
    form = ApiFilters(request.query_params)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    return form.cleaned_data


def page_of(request, rows, serializer, **context) -> Response:
    paginator = Pagination()
    page = paginator.paginate_queryset(rows, request)
    data = serializer(page, many=True, context={"request": request, **context}).data
    return paginator.get_paginated_response(data)


def quotes_for(request):
    """The quotes this user may read: editors also get the ones they rejected."""
    return Quote.objects.all() if can_edit(request.user) else Quote.objects.visible()


@api_view(["GET"])
def api_root(request):
    """The endpoints, for finding one's way."""
    names = ["outlet_list", "story_list", "article_list", "quote_list", "statement_list"]
    names += ["person_list", "review_list", "edit_list"]
    return Response(
        {
            name.removesuffix("_list"): request.build_absolute_uri(reverse(f"api:{name}"))
            for name in names
        }
    )


# ----------------------------------------------------------------------------- outlets


@api_view(["GET"])
def outlet_list(request):
    return page_of(request, Outlet.objects.order_by("name"), OutletSerializer)


@api_view(["GET"])
def outlet_detail(request, slug: str):
    outlet = get_object_or_404(Outlet, slug=slug)
    return Response(OutletSerializer(outlet, context={"request": request}).data)


# ----------------------------------------------------------------------------- stories


def stories():
    return Story.objects.recent().prefetch_related("related")


@api_view(["GET"])
def story_list(request):
    """Stories by their latest date, newest first; those overlapping ?date_from–date_to, with
    an article from ?outlet, quoting ?speaker, or whose title has ?q."""
    data = filters_of(request)
    rows = stories()
    if data["date_from"]:
        rows = rows.filter(end_date__gte=data["date_from"])
    if data["date_to"]:
        rows = rows.filter(start_date__lte=data["date_to"])
    if data["outlet"]:
        covered = Article.objects.filter(story=OuterRef("pk"), outlet__slug=data["outlet"])
        rows = rows.filter(Exists(covered))
    if data["speaker"]:
        quoted = quotes_for(request).filter(article__story=OuterRef("pk"), person=data["speaker"])
        rows = rows.filter(Exists(quoted))
    if data["q"]:
        rows = rows.filter(title__unaccent__icontains=data["q"])
    return page_of(request, rows, StorySerializer)


@api_view(["GET"])
def story_detail(request, pk: int):
    story = get_object_or_404(stories(), pk=pk)
    return Response(StorySerializer(story, context={"request": request}).data)


# ----------------------------------------------------------------------------- articles


@api_view(["GET"])
def article_list(request):
    """Articles newest first: of a ?story, from an ?outlet, quoting a ?speaker, published
    within ?date_from–date_to, or whose words match ?q (the search page's syntax)."""
    data = filters_of(request)
    rows = Article.objects.listing().order_by(F("published_at").desc(nulls_last=True), "-id")
    if data["story"]:
        rows = rows.filter(story=data["story"])
    if data["outlet"]:
        rows = rows.filter(outlet__slug=data["outlet"])
    if data["speaker"]:
        quoted = quotes_for(request).filter(article=OuterRef("pk"), person=data["speaker"])
        rows = rows.filter(Exists(quoted))
    rows = rows.filter(published_in(data))
    if data["q"]:
        rows = rows.matching(data["q"])
    return page_of(request, rows, ArticleSerializer)


@api_view(["GET"])
def article_detail(request, pk: int):
    article = get_object_or_404(
        Article.objects.select_related("outlet").defer("original", "stripped", "search_vector"),
        pk=pk,
    )
    return Response(ArticleDetailSerializer(article, context={"request": request}).data)


# ----------------------------------------------------------------------------- quotes


def quote_rows(request):
    return quotes_for(request).listing().select_related("person").with_tag_names()


@api_view(["GET"])
def quote_list(request):
    """Quotes of a ?story (in reading order) or ?article, by a ?speaker, from an ?outlet,
    tagged ?tag, in a ?statement, published within ?date_from–date_to, matching ?q; editors
    may ask for a ?status (unreviewed, confirmed, rejected). Newest first without a story."""
    data = filters_of(request)
    rows = quote_rows(request)
    if data["story"] or data["article"]:
        rows = rows.order_by(
            F("article__published_at").asc(nulls_last=True),
            "article_id",
            *QUOTE_READING_ORDER,
            "id",
        )
    else:
        rows = rows.order_by("-id")
    for field, lookup in [
        ("story", "article__story"),
        ("article", "article"),
        ("statement", "group"),
        ("outlet", "article__outlet__slug"),
        ("speaker", "person"),
        ("tag", "tags__slug"),
        ("status", "status"),
    ]:
        if data[field]:
            rows = rows.filter(**{lookup: data[field]})
    rows = rows.filter(published_in(data, "article__"))
    if data["q"]:
        rows = rows.matching(data["q"])
    return page_of(request, rows, QuoteSerializer)


@api_view(["GET"])
def quote_detail(request, pk: int):
    quote = get_object_or_404(quote_rows(request), pk=pk)
    return Response(QuoteSerializer(quote, context={"request": request}).data)


# ----------------------------------------------------------------------------- statements


def statement_rows(request):
    """Statements with their members (the quotes this user may read) and their outlets;
    readers do not get a statement whose every quote was rejected."""
    members = (
        quotes_for(request)
        .select_related("article__outlet")
        .defer("search_vector", *ARTICLE_HEAVY)
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "id")
    )
    rows = StatementGroup.objects.prefetch_related(Prefetch("quotes", queryset=members))
    if not can_edit(request.user):
        rows = rows.filter(Exists(Quote.objects.visible().filter(group=OuterRef("pk"))))
    return rows.order_by("story_id", "id")


def story_outlets(story_ids) -> dict[int, list[str]]:
    """Each story's outlets (slugs), in order of first coverage: one query."""
    outlets: dict[int, list[str]] = {}
    rows = (
        Article.objects.filter(story__in=set(story_ids))
        .order_by("story_id", F("published_at").asc(nulls_last=True), "id")
        .values_list("story_id", "outlet__slug")
    )
    for story_id, slug in rows:
        if slug not in outlets.setdefault(story_id, []):
            outlets[story_id].append(slug)
    return outlets


@api_view(["GET"])
def statement_list(request):
    """Statements of a ?story, by a ?speaker, carried by an ?outlet; each with who left it out."""
    data = filters_of(request)
    rows = statement_rows(request)
    if data["story"]:
        rows = rows.filter(story=data["story"])
    if data["speaker"]:
        rows = rows.filter(speaker=data["speaker"])
    if data["outlet"]:
        carried = Quote.objects.filter(group=OuterRef("pk"), article__outlet__slug=data["outlet"])
        rows = rows.filter(Exists(carried))
    paginator = Pagination()
    page = paginator.paginate_queryset(rows, request)
    context = {"request": request, "story_outlets": story_outlets(g.story_id for g in page)}
    return paginator.get_paginated_response(
        StatementSerializer(page, many=True, context=context).data
    )


@api_view(["GET"])
def statement_detail(request, pk: int):
    group = get_object_or_404(statement_rows(request), pk=pk)
    context = {"request": request, "story_outlets": story_outlets([group.story_id])}
    return Response(StatementSerializer(group, context=context).data)


# ----------------------------------------------------------------------------- people


@api_view(["GET"])
def person_list(request):
    """People by name; ?q finds a name or alias (accents ignored); ?story: those quoted there."""
    data = filters_of(request)
    rows = Person.objects.prefetch_related("aliases").order_by("name", "id")
    if data["q"]:
        alias = PersonAlias.objects.filter(
            person=OuterRef("pk"), alias__unaccent__icontains=data["q"]
        )
        rows = rows.filter(Q(name__unaccent__icontains=data["q"]) | Exists(alias))
    if data["story"]:
        quoted = quotes_for(request).filter(person=OuterRef("pk"), article__story=data["story"])
        rows = rows.filter(Exists(quoted))
    return page_of(request, rows, PersonSerializer)


@api_view(["GET"])
def person_detail(request, pk: int):
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), pk=pk)
    return Response(PersonSerializer(person, context={"request": request}).data)


# ----------------------------------------------------------------------------- editors' data


@api_view(["GET"])
@permission_classes([IsEditor])
def review_list(request):
    """The review queue: quotes nobody has confirmed or rejected, least sure first; of a
    ?story, from an ?outlet, by a ?speaker."""
    data = filters_of(request)
    rows = Quote.objects.unreviewed().listing().select_related("person").with_tag_names()
    for field, lookup in [
        ("story", "article__story"),
        ("outlet", "article__outlet__slug"),
        ("speaker", "person"),
    ]:
        if data[field]:
            rows = rows.filter(**{lookup: data[field]})
    return page_of(request, rows, QuoteSerializer)


@api_view(["GET"])
@permission_classes([IsEditor])
def edit_list(request):
    """Every editorial change, newest first; ?quote: the changes that touched that quote."""
    data = filters_of(request)
    rows = Edit.objects.select_related("user").order_by("-created_at", "-id")
    if data["quote"]:
        rows = rows.filter(quote_ids__contains=[data["quote"]])
    return page_of(request, rows, EditSerializer)
