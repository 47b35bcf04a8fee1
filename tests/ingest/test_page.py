"""Web pages: each page rule removes its kind of furniture, and article prose that looks like it stays.

Every page and sentence here is written for these tests (a made-up port town and its newspaper).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.page import Line, PageSignals, line_reason, page_reasons
from kg.model import Dateline, Document

STORY = [
    "Eleven grain ships were anchored outside the Port of Valdora on Thursday as the dock strike entered its "
    "third day, and the harbour master said more were on their way.",
    "The shipping agency Marenco said the delays were costing its clients about two million euros a day, and "
    "that two of its ships had already turned back towards Alexandria.",
    "The union leader Petra Lindqvist said the strikers would meet the port authority on Friday, but that they "
    "would not go back to work until the pension plan was withdrawn.",
    "Farmers in the valley said they had nowhere left to store the harvest, and several lorry drivers joined "
    "the picket line at the main gate in the afternoon.",
]


def page(body: str, *, head: str = "", around: str = "") -> str:
    """A page of the made-up Valdora Courier: its <head>, the article element, and what sits around it."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grain Ships Wait Outside Valdora | The Valdora Courier</title>
<meta property="og:title" content="Grain Ships Wait Outside Valdora">
<meta property="og:site_name" content="The Valdora Courier">
{head}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Grain Ships Wait Outside Valdora</h1>
{body}
</article>
{around}
</body></html>"""


def story(*extra: str, at: int = 2) -> str:
    """The four story paragraphs with ``extra`` HTML inserted before paragraph ``at``."""
    paragraphs = [f"<p>{p}</p>" for p in STORY]
    return "\n".join([*paragraphs[:at], *extra, *paragraphs[at:]])


def read(tmp_path: Path, html: str) -> Document:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    errors: list[InputError] = []
    [doc] = list(read_documents([path], on_error=errors.append))
    assert errors == []
    return doc


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def test_plain_article_is_kept_whole(tmp_path: Path) -> None:
    doc = read(tmp_path, page(story()))
    assert paragraphs(doc) == STORY
    assert doc.title == "Grain Ships Wait Outside Valdora"
    assert doc.language == "en" and doc.dateline is None


@pytest.mark.parametrize(
    "headline",
    ["Grain Ships Wait Outside Valdora", "GRAIN SHIPS WAIT OUTSIDE VALDORA", "Grain ships wait outside Valdora"],
)
def test_repeated_headline(tmp_path: Path, headline: str) -> None:
    doc = read(tmp_path, page(f"<h2>{headline}</h2>" + story()))
    assert paragraphs(doc) == STORY


def test_standfirst_heading_repeating_the_description(tmp_path: Path) -> None:
    summary = "The strike at the port enters its third day, with no talks in sight."
    head = f'<meta name="description" content="{summary}">'
    doc = read(tmp_path, page(f"<h2>{summary}</h2>" + story(), head=head))
    assert paragraphs(doc) == STORY


def test_description_that_is_the_first_paragraph_stays(tmp_path: Path) -> None:
    """Many sites copy their first paragraph into the description: as a paragraph it is the story."""
    head = f'<meta name="description" content="{STORY[0]}">'
    doc = read(tmp_path, page(story(), head=head))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize(
    "figure",
    [
        '<figure><img src="a.jpg" alt="Ships wait at anchor off the Valdora breakwater on Thursday.">'
        "<figcaption>Ships wait at anchor off the Valdora breakwater on Thursday.</figcaption></figure>",
        '<p><img src="a.jpg" alt="Ships wait at anchor off the Valdora breakwater on Thursday. Photo: Jonas Ekberg">'
        "</p><p>Ships wait at anchor off the Valdora breakwater on Thursday.</p>",
        '<div class="caption"><img src="b.jpg" alt="Dock workers gather at the main gate.">'
        "<p>Dock workers gather at the main gate. Jonas Ekberg / Valdora Courier</p></div>",
    ],
    ids=["figcaption", "alt-with-credit", "caption-with-credit"],
)
def test_photo_caption(tmp_path: Path, figure: str) -> None:
    doc = read(tmp_path, page(story(figure)))
    assert paragraphs(doc) == STORY


def test_prose_that_an_image_illustrates_stays(tmp_path: Path) -> None:
    """An image whose alt text is three words does not take a paragraph that starts with them."""
    figure = '<img src="c.jpg" alt="The harbour master">'
    sentence = "The harbour master said the queue of ships would take a week to clear once work resumed."
    doc = read(tmp_path, page(story(figure, f"<p>{sentence}</p>")))
    assert sentence in paragraphs(doc)


RELATED = [
    '<p>Read more: <a href="/a">Ferry prices rise again as fuel costs climb</a></p>',
    '<p>[Related: <a href="/b">Port authority names a new director</a>]</p>',
    '<p><strong>SEE ALSO:</strong> <a href="/c">Union votes to extend the strike at Valdora</a></p>',
    '<h3>More from the Courier</h3><ul><li><a href="/d">Harbour dredging to start in spring</a></li>'
    '<li><a href="/e">Fishermen block the harbour entrance</a></li><li><a href="/f">Lighthouse to be rebuilt'
    "</a></li></ul>",
    '<ul><li><a href="/g">Lorry drivers join the protest</a> Hauliers say the queues cost them a day\'s work</li>'
    '<li><a href="/h">Who will run the port next year?</a> Three names are in the frame</li></ul>',
    '<p><a href="/i">Ferry service resumes between Valdora and Porto Nuevo</a></p>',
]


@pytest.mark.parametrize("box", RELATED, ids=["read-more", "bracketed", "see-also", "link-list", "teasers", "bare"])
def test_related_links(tmp_path: Path, box: str) -> None:
    doc = read(tmp_path, page(story(box)))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize(
    "prose",
    [
        # a linked sentence followed by more of the story (a summary list of the page's own)
        '<ul><li><a href="/j">The port authority agreed to delay the changes until January</a>. Union members '
        "will vote on the offer next week.</li></ul>",
        # a link opening a sentence that goes on
        '<p><a href="/k">The harbour master of Valdora</a> said the queue would clear within a week.</p>',
        # a list item whose link is followed by the rest of its sentence
        '<ul><li><a href="/l">Your rights as a passenger</a> depend on the ferry company and the route.</li></ul>',
    ],
    ids=["linked-sentence", "link-in-prose", "sentence-continues"],
)
def test_links_inside_prose_stay(tmp_path: Path, prose: str) -> None:
    doc = read(tmp_path, page(story(prose)))
    assert len(paragraphs(doc)) == len(STORY) + 1


@pytest.mark.parametrize(
    "box",
    [
        '<div class="newsletter"><h3>The Morning Tide</h3><p>Sign up for our morning newsletter and get the '
        "harbour news before breakfast.</p><p>Thanks for signing up!</p></div>",
        "<p>Our journalism is free to read. If you value it, please support us with a donation today.</p>",
        "<aside><p>Support the Courier!</p><p>Give once</p><p>Give monthly</p></aside>",
        "<p>Already a subscriber? Log in</p>",
        '<p>Follow us on <a href="https://social.example/courier">@ValdoraCourier</a> for live updates!</p>',
    ],
    ids=["newsletter", "donation", "support-box", "login", "follow"],
)
def test_newsletter_and_donation_boxes(tmp_path: Path, box: str) -> None:
    doc = read(tmp_path, page(story(box)))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize(
    "sign_off",
    [
        "<p>By Marta Oliveira and Jon Amsel</p>",
        "<p>Marta Oliveira, Staff Writer</p>",
        "<p>Jon Amsel, Courier harbour correspondent</p>",
        "<p>Additional reporting by Jon Amsel in Porto Nuevo.</p>",
        "<p>(Reporting by Marta Oliveira; Editing by Jon Amsel)</p>",
        "<p>Courier writers Jon Amsel and Ana Ruiz contributed to this report.</p>",
        "<p>Write to Marta Oliveira at marta.oliveira@courier.example</p>",
        "<p>Have a tip? Jon Amsel can be reached at jon@courier.example or on Twitter @jonamsel.</p>",
        "<p>© 2024 The Valdora Courier. All rights reserved. This material may not be republished.</p>",
        "<p>CR-EU--Valdora-Strike, 2nd Ld-Writethru</p>",
        "<p>Updated at 4:12 p.m.</p>",
        "<p>First published: Thursday, March 14, 2024 09:30</p>",
        "<p>___</p>",
    ],
)
def test_bylines_and_credit_lines(tmp_path: Path, sign_off: str) -> None:
    doc = read(tmp_path, page(story(sign_off, at=4)))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize(
    "prose",
    [
        # imperatives in how-to prose
        "Try to book the ferry a week ahead: during the strike the queues at the ticket office were long.",
        "Give the harbour a wide berth on Friday, the coastguard advised small boats.",
        # the writer talking to the reader about something other than the site
        "If you live near the harbour, you will have heard the horns of the waiting ships all night, and we "
        "have all wondered how long this can go on.",
        "We expect the port to reopen within a week, and our work with the union will continue, the port "
        "director said in a statement that also thanked the farmers and drivers for their patience during "
        "the long dispute over the pension plan and the working hours of the night shifts.",
        # news about newsletters and subscriptions is news
        "The Courier's rival, the Porto Nuevo Herald, lost a third of its subscribers last year.",
        # sentences that mention a writer or a time
        "The report was written by Marta Oliveira, the agency's chief economist, and published on Monday.",
        "Talks were updated on Tuesday with a new offer from the port authority, officials said.",
    ],
)
def test_article_prose_is_left_alone(tmp_path: Path, prose: str) -> None:
    doc = read(tmp_path, page(story(f"<p>{prose}</p>")))
    assert prose in paragraphs(doc)


def test_gallery_caption_printed_twice_is_kept_once(tmp_path: Path) -> None:
    caption = "Dock workers and farmers march together towards the town hall on Thursday afternoon."
    doc = read(tmp_path, page(story(f"<p>{caption}</p>", f"<p>{caption}</p>")))
    assert paragraphs(doc).count(caption) == 1


def test_an_interview_asking_everyone_the_same_question_keeps_every_question() -> None:
    question = "What did the strike change for you and your family?"
    lines = [Line(question), Line(STORY[0]), Line(STORY[1]), Line(STORY[2]), Line(question), Line(STORY[3])]
    assert page_reasons(lines, PageSignals()) == [None] * 6


def test_line_reason_names_the_rule() -> None:
    signals = PageSignals(
        title="Grain Ships Wait Outside Valdora | The Valdora Courier",
        links=frozenset({"ferry prices rise again"}),
        captions=frozenset({"ships wait at anchor off the breakwater"}),
    )
    assert line_reason(Line("Grain Ships Wait Outside Valdora", "head"), signals) == "repeated headline"
    assert line_reason(Line("Ships wait at anchor off the breakwater."), signals) == "photo caption"
    assert line_reason(Line("- Ferry prices rise again", "item"), signals) == "related links"
    assert line_reason(Line("By Jon Amsel"), signals) == "byline"
    assert line_reason(Line(STORY[0]), signals) is None


def test_dateline_of_a_page_becomes_metadata(tmp_path: Path) -> None:
    body = story().replace("<p>Eleven", "<p>VALDORA, Norland (AP) — Eleven", 1)
    doc = read(tmp_path, page(body))
    assert doc.dateline == Dateline("VALDORA, Norland", "AP")
    assert paragraphs(doc) == STORY


def test_page_with_nothing_but_furniture_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "teaser.html"
    path.write_text(page("<p>Sign up for our newsletter</p><p>Read more</p>"), encoding="utf-8")
    errors: list[InputError] = []
    assert list(read_documents([path], on_error=errors.append)) == []
    assert [e.reason for e in errors] == ["no article text found in the HTML page"]
