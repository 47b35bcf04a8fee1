"""Language: identified offline on the article text kept; documents in another language are never parsed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kg
from kg.errors import InputError
from kg.ingest import read_documents
from kg.ingest.language import detect_language
from kg.model import Document
from kg.pipeline import build_documents, other_language

ENGLISH = (
    "Dock workers at the Port of Valdora went back to work on Monday after a four-day strike over pension cuts. "
    "The port authority agreed to delay the changes until the end of the year, the union said, and the first "
    "grain ships were unloaded before noon."
)
ARTICLES = {
    "pt": "Os estivadores do porto de Valdora voltaram ao trabalho na segunda-feira, depois de uma greve de quatro "
    "dias contra os cortes nas pensões. A autoridade portuária aceitou adiar as mudanças até ao fim do ano.",
    "de": "Die Hafenarbeiter von Valdora haben am Montag nach einem viertägigen Streik gegen Rentenkürzungen die "
    "Arbeit wieder aufgenommen. Die Hafenbehörde will die Änderungen bis zum Jahresende verschieben.",
    "it": "I portuali di Valdora sono tornati al lavoro lunedì dopo uno sciopero di quattro giorni contro i tagli "
    "alle pensioni. L'autorità portuale ha accettato di rinviare le modifiche alla fine dell'anno.",
    "ru": "Портовые рабочие Вальдоры в понедельник вернулись к работе после четырёхдневной забастовки против "
    "сокращения пенсий. Администрация порта согласилась отложить изменения до конца года.",
    "ja": "バルドラ港の港湾労働者は、年金削減に反対する四日間のストライキの後、月曜日に仕事に戻った。"
    "港湾当局は変更を年末まで延期することに同意した。",
    "ko": "발도라 항구의 부두 노동자들은 연금 삭감에 반대하는 나흘간의 파업을 마치고 월요일에 업무에 복귀했다. "
    "항만 당국은 변경을 연말까지 미루기로 했다.",
    "id": "Para pekerja pelabuhan Valdora kembali bekerja pada hari Senin setelah mogok kerja selama empat hari untuk "
    "menolak pemotongan dana pensiun. Otoritas pelabuhan setuju menunda perubahan itu hingga akhir tahun. "
    "Serikat pekerja mengatakan bahwa kapal-kapal gandum pertama sudah dibongkar sebelum tengah hari, dan para "
    "petani di lembah itu menyambut kabar tersebut dengan lega setelah berhari-hari menunggu.",
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_articles_in_other_languages(language: str) -> None:
    assert detect_language(ARTICLES[language]) == language


def test_close_languages_in_a_short_text_are_undetermined() -> None:
    """Two sentences of Indonesian could be Malay: too close to call, so kg does not pretend to know."""
    two_sentences = " ".join(ARTICLES["id"].split(". ")[:2])
    assert detect_language(two_sentences) is None


def test_english_article() -> None:
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize(
    "text", ["Talks resumed on Friday.", "Putin met Assad.", "Done.", "Valdora 2, Porto Nuevo 1", "", "東京"]
)
def test_too_short_to_tell_is_undetermined(text: str) -> None:
    assert detect_language(text) is None


def test_english_story_quoting_a_foreign_sentence_is_english() -> None:
    quoted = ENGLISH + ' A banner on the gate read "Die Renten gehören uns", the strikers said.'
    assert detect_language(quoted) == "en"


def page(lang_attr: str, menu: list[str], paragraphs: list[str]) -> str:
    items = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(menu))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<html lang="{lang_attr}"><body><nav><ul>{items}</ul></nav><article>{body}</article></body></html>'


ENGLISH_MENU = ["Home", "World news", "Sport", "Subscribe", "Sign in", "Contact us", "Privacy policy"]
PORTUGUESE_MENU = ["Início", "Notícias do mundo", "Desporto", "Assinar", "Entrar", "Contactos"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page("en", ENGLISH_MENU, [ARTICLES["pt"], ARTICLES["pt"].replace("segunda", "terça")]), "pt"),
        (page("pt", PORTUGUESE_MENU, [ENGLISH]), "en"),  # the page says pt; its story is English
        (page("en", ENGLISH_MENU, [ARTICLES["de"]]), "de"),
    ],
    ids=["portuguese-story-english-site", "english-story-portuguese-site", "german-story-wrong-lang-attribute"],
)
def test_language_is_decided_by_the_article_not_the_page(tmp_path: Path, html: str, expected: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [doc] = read_documents([path])
    assert doc.language == expected


def test_jsonl_corpus_may_name_its_language(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a", "text": ARTICLES["pt"]},
        {"id": "b", "text": ARTICLES["pt"], "language": "gl"},  # the corpus knows better: Galician
        {"id": "c", "text": "Short note."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert [d.language for d in read_documents([path])] == ["pt", "gl", None]


def test_other_language_reason() -> None:
    doc = Document(id="d", text=ARTICLES["de"], language="de", origin="news/berlin.html")
    assert other_language(doc, "en") == "language de, the pipeline is English"
    assert other_language(doc, "de") is None
    assert other_language(doc, "xx") is None  # a multi-language pipeline takes everything
    assert other_language(Document(id="e", text="Short.", language=None), "en") is None


@pytest.mark.model
def test_documents_in_another_language_are_reported_and_never_parsed(nlp: Any) -> None:
    english = Document(id="en-1", text=ENGLISH, language="en", origin="valdora.txt")
    short = Document(id="xx-1", text="Petra Lindqvist met Tomas Reyes.", language=None, origin="note.txt")
    german = Document(id="de-1", text=ARTICLES["de"], language="de", origin="berlin.html")
    errors: list[InputError] = []
    graph = build_documents([english, german, short], nlp=nlp, on_error=errors.append)
    assert [str(e) for e in errors] == ["berlin.html: language de, the pipeline is English"]
    assert graph.stats["documents"] == 2 and graph.stats["skipped"] == [str(errors[0])]
    cited = {ev.document for t in graph.triples for ev in t.evidence}
    mentioned = {m.document for e in graph.entities for m in e.mentions}
    assert "de-1" not in cited | mentioned
    assert {"en-1", "xx-1"} <= cited | mentioned
    # the document is kept, text and language, for documents.jsonl and a later run with a German pipeline
    assert german in graph.documents


@pytest.mark.model
def test_build_raises_on_another_language_by_default(tmp_path: Path, nlp: Any) -> None:
    path = tmp_path / "lisboa.txt"
    path.write_text(ARTICLES["pt"], encoding="utf-8")
    with pytest.raises(InputError, match=r"lisboa\.txt: language pt, the pipeline is English"):
        kg.build([path], nlp=nlp)
