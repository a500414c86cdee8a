"""Related stories: other stories about the same people and subject, found for new stories.

A new story's related stories are looked for after the article's transaction, for many new
stories at once (link_pending_relatives), so that the story-date lock (see placement) is not
held while they are.
"""

import json
from collections import OrderedDict

from django.db import connection, transaction

from articles import matching
from articles.models import Quote, Story, StoryRelatedProfile

from .placement import (
    PEOPLES_STORIES_SQL,
    STORIES_BY_ID_SQL,
    cache_lock,
    keep_newest,
    peoples_stories,
    story_candidates,
)
from .sql import fetchall

# Other stories a new story may be related to: the most recent sharing a person. A relative
# is compared by its words pooled, which a few articles give: each stands for itself by its
# first and latest RELATED_SAMPLE articles, not STORY_SAMPLE (some 5% of an import's CPU on
# 100,000 articles, where relatives are a fifth of it).
RELATED_CANDIDATES = 50
RELATED_SAMPLE = 5


# peoples_stories' rows for a new story's relatives, each with the story's stored related
# profile (terms, people) if it was made for the story as it is now, else two NULLs.
RELATED_CANDIDATES_SQL = f"""
    SELECT c.*, p.terms, p.people FROM ({PEOPLES_STORIES_SQL}) c
    LEFT JOIN {StoryRelatedProfile._meta.db_table} p ON p.story_id = c.id AND p.revision = c.value
    ORDER BY c.id DESC
"""


# Pending stories linked per transaction (see link_pending_relatives): a worker's chunk of
# files starts a few; more are left only by a worker that stopped before linking them.
RELATIVES_BATCH = 100
# The pick is made once (a materialised CTE): as an `IN (subquery)`, the planner may run the
# LIMIT ... SKIP LOCKED subquery again for each row and take more than the limit.
CLAIM_PENDING_RELATIVES_SQL = """
    WITH claimed AS MATERIALIZED (
        SELECT story_id FROM articles_pendingrelatives ORDER BY story_id
        LIMIT %s FOR UPDATE SKIP LOCKED
    )
    DELETE FROM articles_pendingrelatives p USING claimed c WHERE p.story_id = c.story_id
    RETURNING p.story_id
"""
STORY_SPEAKERS_SQL = """
    SELECT a.story_id, array_agg(DISTINCT q.person_id)
    FROM articles_article a JOIN articles_quote q ON q.article_id = a.id
    WHERE a.story_id = ANY(%s) AND q.person_id IS NOT NULL AND q.status <> %s
    GROUP BY a.story_id
"""


def link_pending_relatives() -> int:
    """Link the related stories of up to RELATIVES_BATCH new stories waiting for them, in one
    transaction; return how many were done. Those another process is linking are skipped.

    Imports leave their new stories pending (PendingRelatives) rather than comparing each
    with fifty others inside the article's transaction, where the story-date lock makes the
    other worker wait; stories started by the same run of imports share their candidates.
    """
    with transaction.atomic():
        story_ids = [pk for (pk,) in fetchall(CLAIM_PENDING_RELATIVES_SQL, [RELATIVES_BATCH])]
        if story_ids:
            link_relatives(story_ids)
    return len(story_ids)


def link_all_pending_relatives() -> int:
    """link_pending_relatives until none is left; how many stories were linked."""
    linked = 0
    while (done := link_pending_relatives()) > 0:
        linked += done
        if done < RELATIVES_BATCH:
            break
    return linked


def link_relatives(story_ids: list[int]) -> None:
    """Relate each of these stories to the other stories about its people and subject (see
    matching.related_stories), both ways: the latest RELATED_CANDIDATES stories quoting one
    of its speakers, each standing for itself by its first and latest articles.

    A candidate's profile is read from StoryRelatedProfile while it is valid; those made here
    are stored for the next stories.
    """
    speakers = dict(fetchall(STORY_SPEAKERS_SQL, [list(story_ids), Quote.Status.REJECTED]))
    if not speakers:
        return
    rows = fetchall(STORIES_BY_ID_SQL, [sorted(speakers)])
    revisions = {key: revision for key, _, _, revision in rows}
    made = {
        story.key: matching.related_profile(story)
        for story in story_candidates(rows, RELATED_SAMPLE)
    }
    profiles = dict(made)
    pairs = set()
    for key in [key for key in speakers if key in made]:
        found = peoples_stories(
            set(speakers[key]), key, RELATED_CANDIDATES, sql=RELATED_CANDIDATES_SQL
        )
        unknown = []
        for other, start, end, revision, terms, people in found:
            if other in profiles:
                continue
            if terms is not None:
                profiles[other] = _stored_related_profile(terms, people)
            else:
                unknown.append((other, start, end, revision))
                revisions[other] = revision
        for candidate in story_candidates(unknown, RELATED_SAMPLE):
            profiles[candidate.key] = made[candidate.key] = matching.related_profile(candidate)
        others = [(other, profiles[other]) for other, *_ in found if other in profiles]
        for other, _score in matching.related_by_profile(profiles[key], others):
            pairs |= {(key, other), (other, key)}
    _store_related_profiles(
        {key: (revisions[key], profile) for key, profile in made.items() if revisions.get(key)}
    )
    if pairs:
        pairs = sorted(pairs)
        with connection.cursor() as cursor:
            cursor.execute(RELATE_SQL, [[a for a, _ in pairs], [b for _, b in pairs]])


# Stored related profiles decoded lately, by their JSON text (jsonb comes as text: Django's
# loader leaves it to the field): a busy speaker's stories are candidates for one new story
# after another. Decoding took 0.53 ms per import at 100k, a quarter of the linking; 0.32 ms
# with this cache.
STORED_PROFILE_CACHE_SIZE = 1024
_stored_profiles: OrderedDict[tuple[str, str], matching.RelatedProfile] = OrderedDict()


def _stored_related_profile(terms: str, people: str) -> matching.RelatedProfile:
    key = (terms, people)
    with cache_lock:
        profile = _stored_profiles.get(key)
        if profile is not None:
            _stored_profiles.move_to_end(key)
            return profile
    profile = matching.RelatedProfile.from_stored(json.loads(terms), json.loads(people))
    keep_newest(_stored_profiles, key, profile, STORED_PROFILE_CACHE_SIZE)
    return profile


# Story.related pairs, in one statement without a model instance per pair (some 40 per new
# story); pairs already there are left as they are.
RELATE_SQL = f"""
    INSERT INTO {Story.related.through._meta.db_table} (from_story_id, to_story_id)
    SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING
"""


# Stored in story order, so that two processes storing the same stories lock them in the same
# order; a profile of an older revision never replaces a newer one.
STORE_RELATED_PROFILES_SQL = f"""
    INSERT INTO {StoryRelatedProfile._meta.db_table} (story_id, revision, terms, people)
    SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::jsonb[], %s::jsonb[])
    ON CONFLICT (story_id) DO UPDATE
    SET revision = EXCLUDED.revision, terms = EXCLUDED.terms, people = EXCLUDED.people
    WHERE {StoryRelatedProfile._meta.db_table}.revision < EXCLUDED.revision
"""


def _store_related_profiles(profiles: dict[int, tuple[int, matching.RelatedProfile]]) -> None:
    if not profiles:
        return
    keys = sorted(profiles)
    revisions, made = zip(*(profiles[key] for key in keys), strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            STORE_RELATED_PROFILES_SQL,
            [
                keys,
                list(revisions),
                [json.dumps(profile.terms) for profile in made],
                [json.dumps(profile.people) for profile in made],
            ],
        )
