"""The clean stage on HTML: main text from the extractor, one paragraph per block, metadata from the page's
meta tags; an empty page is a coded error.  The page is written for this test."""
from __future__ import annotations

import pytest

from eventwire import clean
from eventwire.clean import html as H
from eventwire.errors import CleanError
from eventwire.model import Article

PARAS = [
    "The river authority opened the flood gates of the northern dam on Saturday after a week of heavy rain "
    "raised the water level to a record height.",
    "Engineers said the controlled release would lower the reservoir by two metres over three days and "
    "protect the villages further downstream from a sudden surge.",
    "Farmers in the valley were told to move livestock to higher ground, and schools near the river banks "
    "will stay closed until the middle of next week.",
    "The regional governor visited the dam on Sunday morning and thanked the crews who had worked through "
    "the night to reinforce the spillway walls.",
]

PAGE = f"""<!doctype html>
<html lang="en-GB"><head>
<title>Dam gates opened as rain swells reservoir | Valley Courier</title>
<meta property="og:title" content="Dam gates opened as rain swells reservoir">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Lena Marsh">
<meta property="article:published_time" content="2024-04-06T08:30:00+02:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Dam gates opened as rain swells reservoir</h1>
{''.join(f'<p>{p}</p>' for p in PARAS)}
</article>
<footer><p>Copyright Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


@pytest.fixture()
def page_article(settings) -> Article:
    return clean.run(Article(html=PAGE, url="https://valleycourier.example/news/dam-gates-opened"), settings)


def test_main_text_in_paragraphs(page_article):
    assert page_article.text.split("\n\n") == PARAS


def test_metadata_from_meta_tags(page_article):
    assert page_article.title == "Dam gates opened as rain swells reservoir"
    assert page_article.outlet == "Valley Courier"
    assert page_article.byline == "Lena Marsh"
    assert page_article.published == "2024-04-06"
    assert page_article.language == "en"


def test_title_from_title_element_without_site_name():
    assert H._page_title("Dam gates opened as rain swells reservoir | Valley Courier") == \
        "Dam gates opened as rain swells reservoir"
    assert H._page_title("Courier - Dam gates opened") == "Dam gates opened"


def test_empty_page_is_e301(settings):
    with pytest.raises(CleanError) as err:
        clean.run(Article(html="<html><body><nav><a href='/'>Home</a></nav></body></html>"), settings)
    assert err.value.code == "E301"


def test_named_extractor_used(settings):
    pytest.importorskip("resiliparse")
    art = clean.run(Article(html=PAGE), settings.replace(extractor="resiliparse"))
    assert PARAS[0] in art.text.split("\n\n")
