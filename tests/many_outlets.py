"""A story told by many outlets: ten (or more) versions of one wire report, each outlet's own
wording, some leaving a quote out; one outlet runs two articles (an update)."""

from articles.models import Story
from tests.helpers import WIRE, make_article

OUTLETS = [
    "Reuters",
    "Agence France-Presse",
    "Associated Press",
    "Radio Free Europe/Radio Liberty Balkan Service",
    "Al Jazeera English",
    "Deutsche Welle",
    "The Guardian",
    "Xinhua News Agency",
    "Le Monde",
    "The Hindu",
    "ABC News Australia",
    "Daily Maverick",
]
FISCHER = (
    '"It is a start, not a solution," said Lena Fischer, a farm economist at the University of '
    "Bonn.\n"
)


def version(n: int) -> str:
    """The wire report as outlet n told it: a wording of its own, every third without Fischer."""
    text = WIRE.replace("20 countries", f"{20 + n} countries")
    if n % 2:
        text = text.replace("good news for\nevery farmer", "good news for\nfarmers everywhere")
    if n % 3 == 2:
        text = text.replace(FISCHER, "")
    return text


def make_many_outlet_story(outlets: int = 10) -> Story:
    for n, outlet in enumerate(OUTLETS[:outlets]):
        make_article(version(n), name=f"v{n}.txt", outlet=outlet)
    # An update from the first outlet: two articles, still one tab.
    make_article(
        version(0).replace("Tuesday", "Tuesday evening"), name="update.txt", outlet=OUTLETS[0]
    )
    story = Story.objects.get()
    assert story.articles.values("outlet").distinct().count() == outlets
    return story
