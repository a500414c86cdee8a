"""The shared words of articles/lexicon.py, as the steps that read them use them: each case here
was read differently while every step kept its own list."""

from articles.ingest.fields import caption_text
from articles.matching.names import PersonCandidate, match_person
from articles.quotes import extract_quotes


def test_every_honorific_is_stripped_from_a_name_before_matching():
    # Quote extraction knew "Datuk Seri" and "Shri" as honorifics; name matching did not, and
    # took them for given names that no stored person had.
    razaks = [PersonCandidate(1, "Najib Razak"), PersonCandidate(2, "Nazir Razak")]
    assert match_person("Datuk Seri Najib Razak", razaks) == 1
    modis = [PersonCandidate(1, "Narendra Modi"), PersonCandidate(2, "Sohrab Modi")]
    assert match_person("Shri Narendra Modi", modis) == 1


def test_given_names_before_a_surname_particle_tell_namesakes_apart():
    # "dos" was no particle to name matching, so everything before it was dropped as a title.
    santoses = [
        PersonCandidate(1, "Maria Aparecida dos Santos"),
        PersonCandidate(2, "Jose Eduardo dos Santos"),
    ]
    assert match_person("Maria Aparecida dos Santos", santoses) == 1
    assert match_person("Jose Eduardo dos Santos", santoses) == 2


def test_a_news_agencys_name_makes_a_capitalised_group_an_organisation():
    extraction = extract_quotes(['"We are ready to fly," Anadolu Jet said in a statement.'])
    assert extraction.people == []
    assert [(q.speaker, q.speaker_kind) for q in extraction.quotes] == [(None, "organisation")]


def test_photo_credits_name_any_agency_as_written_or_in_capitals():
    for credit in ("BLOOMBERG/John Smith", "(Interfax/John Smith)", "REUTERS/John Smith"):
        caption = f"Protesters march in Kyiv on Monday. {credit}"
        assert caption_text(caption) == caption
    assert caption_text("Protesters march in Kyiv on Monday.") is None
