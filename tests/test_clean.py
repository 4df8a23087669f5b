"""The clean stage on plain text: boilerplate lines out (verbatim, in order, in ``removed``), article lines
kept unchanged, headline found and not repeated, metadata from the text and the address.

All texts here are written for these tests; the seed article is read from ../shared at run time."""
from __future__ import annotations

import json

import pytest

from eventwire import clean
from eventwire.errors import CleanError
from eventwire.model import Article

PAGE = """\
Skip to main content
Search
World
Harbour workers end strike after pay deal in Port Vela
By Ana Kowalski
Updated 14 March 2024, 09:12 GMT
Dock workers gather outside the port authority building on Monday. Photo: Jan Novak/Reuters
Harbour workers in the fictional port city of Vela returned to work on Thursday after their union signed a pay agreement with the port authority.
The agreement raises wages by six percent and ends a strike that had halted shipping for eleven days, the union said in a statement.
Talks broke down twice
Negotiators met for three rounds at the labour ministry before the final deal was reached late on Wednesday.
“We got what our members asked for,” union leader Marta Greve told reporters outside the ministry.
Advertisement
The port authority said ships waiting offshore would be unloaded by the end of next week.
Dear reader, our independent journalism depends on your support. Please donate today so we can keep reporting.
Read more
Strike threat looms over northern rail network
Three held after warehouse fire in the old town
"""


@pytest.fixture()
def cleaned(settings) -> Article:
    art = Article(raw=PAGE, url="https://example-news.org/world/2024/03/14/harbour-workers-end-strike-after-pay-deal")
    return clean.run(art, settings)


def test_article_lines_are_kept_verbatim_as_paragraphs(cleaned):
    paras = cleaned.text.split("\n\n")
    assert paras[0].startswith("Harbour workers in the fictional port city of Vela returned")
    assert "Talks broke down twice" in paras  # a crosshead inside the body stays
    assert "“We got what our members asked for,” union leader Marta Greve told reporters outside the ministry." in paras
    assert paras[-1] == "The port authority said ships waiting offshore would be unloaded by the end of next week."
    for p in paras:
        assert p in PAGE  # never altered, never merged


def test_boilerplate_goes_to_removed_in_order(cleaned):
    removed = cleaned.removed
    for line in ("Skip to main content", "By Ana Kowalski", "Advertisement", "Read more",
                 "Strike threat looms over northern rail network",
                 "Dock workers gather outside the port authority building on Monday. Photo: Jan Novak/Reuters"):
        assert line in removed
        assert line not in cleaned.text.split("\n\n")
    assert any(r.startswith("Dear reader") for r in removed)  # a donation appeal, long as it is
    positions = [PAGE.index(r) for r in removed]
    assert positions == sorted(positions)


def test_headline_found_and_not_repeated(cleaned):
    assert cleaned.title == "Harbour workers end strike after pay deal in Port Vela"
    assert cleaned.title not in cleaned.text


def test_metadata_from_text_and_address(cleaned):
    assert cleaned.byline == "Ana Kowalski"
    assert cleaned.published == "2024-03-14"
    assert cleaned.outlet == "example-news.org"
    assert cleaned.language == "en"


def test_given_published_is_kept(settings):
    art = clean.run(Article(raw=PAGE, published="2024-03-15"), settings)
    assert art.published == "2024-03-15"


def test_published_from_dateline_without_url(settings):
    art = clean.run(Article(raw=PAGE), settings)
    assert art.published == "2024-03-14"


def test_year_less_dateline_gives_no_date(settings):
    raw = ("LIMA, May 4 (Agency) -- Peru's congress approved a new budget on Tuesday after a week of debate "
           "in the chamber.\nThe vote passed by a wide margin, officials said.\n")
    art = clean.run(Article(raw=raw), settings)
    assert art.published is None
    assert art.text.split("\n\n")[0].startswith("LIMA, May 4")


def test_truncated_last_line_is_kept(settings):
    raw = ("Officials in the capital announced a new curfew on Friday evening after clashes.\n"
           "The measure will stay in force until further notice, the interior ministry said.\n"
           "Residents were told to")
    art = clean.run(Article(raw=raw), settings)
    assert art.text.split("\n\n")[-1] == "Residents were told to"


def test_quoted_first_person_is_not_an_appeal(settings):
    raw = ("The mayor thanked volunteers who cleared the flooded streets over the weekend.\n"
           "“We need your help and your support to rebuild our town,” she told the crowd on Sunday.\n"
           "Repairs to the main bridge are expected to take several months.\n")
    art = clean.run(Article(raw=raw), settings)
    assert len(art.text.split("\n\n")) == 3
    assert art.removed == []


def test_date_marker_line_keeps_its_text(settings):
    raw = (" date 2021-05-02 ACCRA -- Ghana's parliament approved the new mining law on Friday after months of "
           "consultation with local communities.\nThe law takes effect next year, the ministry said.\n")
    art = clean.run(Article(raw=raw), settings)
    assert art.published == "2021-05-02"
    assert art.text.startswith("date 2021-05-02 ACCRA -- Ghana's parliament")


def test_nothing_left_raises_e302(settings):
    with pytest.raises(CleanError) as err:
        clean.run(Article(raw="Subscribe\nRead more\nShare this\n"), settings)
    assert err.value.code == "E302"


def test_no_clean_keeps_every_line(settings):
    art = clean.run(Article(raw=PAGE), settings.replace(clean=False))
    assert art.text.split("\n\n") == [ln.strip() for ln in PAGE.splitlines() if ln.strip()]
    assert art.removed == []


@pytest.mark.parametrize("text,lang", [
    ("Le gouvernement a annoncé mardi que les négociations avec les syndicats reprendront la semaine "
     "prochaine dans la capitale.", "fr"),
    ("Правительство объявило во вторник о возобновлении переговоров с профсоюзами на следующей неделе.", "ru"),
    ("The government said on Tuesday that talks with the unions would resume next week in the capital.", "en"),
])
def test_language_guess(settings, text, lang):
    assert clean.run(Article(raw=text), settings).language == lang


def test_seed_article(settings, shared):
    """The seed: every article line kept, every boilerplate line removed, the headline found."""
    base = shared / "examples" / "moscow-times-2023-10-11"
    raw = (base.with_suffix(".txt")).read_text(encoding="utf-8")
    gold = json.loads(base.with_suffix(".gold.json").read_text(encoding="utf-8"))
    art = clean.run(Article(raw=raw, url=gold.get("url")), settings)
    out = {p.strip() for p in art.text.split("\n\n")} | {art.title}
    bps = {b.strip() for b in gold["boilerplate"]}
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        if line in bps:
            assert line not in out, line
            assert line in art.removed
        else:
            assert line in out, line
    assert art.title == gold["title"]
    assert gold["title"] not in art.text.split("\n\n")


AGENCY_PAGE = """\
Listen to this article
Share
Copy link
Court frees opposition activist after two years in custody
Image source, Getty Images
Image caption, Supporters waited outside the court building in the rain
A court in the fictional republic of Norland has ordered the release of opposition activist Pavel Orin, who spent two years in pre-trial detention.
Judges ruled that prosecutors had failed to present evidence of the fraud charges, his lawyer said on Wednesday.
Mr Orin's supporters cheered as he walked out of the building shortly after noon (AP Photo/Lena Varga)
The justice ministry said it would study the ruling before deciding whether to appeal.
(Reporting by Tom Reyes; Editing by Mia Chen)
Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Related Topics
Most read
"""


def test_agency_page_furniture(settings):
    art = clean.run(Article(raw=AGENCY_PAGE), settings)
    paras = art.text.split("\n\n")
    assert art.title == "Court frees opposition activist after two years in custody"
    assert paras == [
        "A court in the fictional republic of Norland has ordered the release of opposition activist Pavel Orin, "
        "who spent two years in pre-trial detention.",
        "Judges ruled that prosecutors had failed to present evidence of the fraud charges, his lawyer said on "
        "Wednesday.",
        "The justice ministry said it would study the ruling before deciding whether to appeal.",
    ]
    assert "Image caption, Supporters waited outside the court building in the rain" in art.removed
    assert "(Reporting by Tom Reyes; Editing by Mia Chen)" in art.removed


def test_short_sentences_at_either_end_are_kept(settings):
    raw = ("Russia expelled two diplomats.\n"
           "The foreign ministry gave the envoys a week to leave the country, citing activities incompatible "
           "with their status.\n"
           "The embassy did not comment on the decision when reached by telephone on Friday evening.\n"
           "No reason was given.\n")
    art = clean.run(Article(raw=raw), settings)
    assert art.text.split("\n\n") == [ln for ln in raw.splitlines()]


def test_related_run_and_byline_name_inside_the_body(settings):
    raw = ("Flood defences hold as river peaks in the old town\n"
           "The river crested overnight just below the top of the new flood walls, the city council said on "
           "Tuesday morning.\n"
           "Lisa Brandt\n"
           "Some 300 residents who had left their homes were allowed to return by midday, officials said.\n"
           "Related stories\n"
           "Council approves budget for second flood wall\n"
           "Heavy rain expected again this weekend\n"
           "The council will review the defences at a public meeting next month, the mayor said.\n"
           "Your browser does not support the video tag.\n")
    art = clean.run(Article(raw=raw), settings)
    assert art.removed == ["Lisa Brandt", "Related stories", "Council approves budget for second flood wall",
                           "Heavy rain expected again this weekend",
                           "Your browser does not support the video tag."]
    assert art.title == "Flood defences hold as river peaks in the old town"
    assert len(art.text.split("\n\n")) == 3
    assert art.byline == "Lisa Brandt"


def test_unspaced_script_lines_are_not_labels(settings):
    raw = ("政府周二宣布，将与工会在下周于首都恢复关于工资和工作时间的谈判。\n"
           "工会领导人表示，如果谈判没有进展，他们将在月底再次举行全国罢工。\n")
    art = clean.run(Article(raw=raw), settings)
    assert art.text.split("\n\n") == raw.split()
    assert art.language == "zh"


def test_headline_with_cue_words_found_by_its_address(settings):
    raw = ("Menu\n"
           "Regulator fines video app over children's data\n"
           "The national data regulator fined a popular video-sharing app on Monday for storing the data of "
           "children without their parents' consent.\n"
           "The company said it would appeal the decision in court.\n")
    url = "https://news.example.com/tech/regulator-fines-video-app-over-childrens-data"
    art = clean.run(Article(raw=raw, url=url), settings)
    assert art.title == "Regulator fines video app over children's data"
    assert art.removed == ["Menu"]


def test_short_english_sentence_is_not_taken_for_dutch():
    # regression: "met" is a Dutch function word; a short English sentence once got E303 and no analysis
    from eventwire.clean.metadata import language

    assert language("Theresa May met Angela Merkel.") in (None, "en")
    assert language("British Prime Minister Theresa May met German Chancellor Angela Merkel in Estonia.") == "en"
    assert language("Die Regierung hat am Montag die neuen Regeln beschlossen, und die Opposition hat sie "
                    "deshalb scharf kritisiert, weil sie viel zu spät kommen.") == "de"
