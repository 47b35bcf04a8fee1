"""Which language an article is written in, offline, with py3langid (its model ships inside the package).

The decision is made on the article text kg keeps (after trafilatura and the furniture rules), never on the
raw page, so an English menu around a Portuguese story does not make it English. A text too short to tell,
or one the model is unsure of (mixed languages, lists of names, a headline and two words), gets ``None``:
"undetermined", which the pipeline parses rather than drops, so a short English note is never lost.

>>> detect_language("The harbour workers of Valdora went back to work on Monday after a long strike over "
...                 "pension cuts, and the port authority promised to delay the changes until next year.")
'en'
>>> detect_language("Os estivadores do porto de Valdora voltaram ao trabalho na segunda-feira depois de uma "
...                 "longa greve contra os cortes nas pensões, e a autoridade portuária prometeu adiar as mudanças.")
'pt'
>>> detect_language("Talks resumed.") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["detect_language"]

# Below these the model guesses (measured on one-line English sentences: "Putin met Assad." comes out Finnish,
# "Done." Italian, with probabilities under 0.1, while whole articles come out above 0.99).
MIN_CHARACTERS = 80  # letters, not counting spaces and digits; a Chinese, Japanese or Korean one counts three
MIN_CONFIDENCE = 0.9
# A long text is told reliably, but its probability is shared between close languages (Indonesian and Malay,
# Danish and Norwegian): there the best guess needs only a majority.
LONG_CHARACTERS = 300  # about three sentences
LONG_CONFIDENCE = 0.6
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")  # kana, CJK ideographs, Hangul


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded on first use, not at import: about 0.4 s, and JSONL corpora that name their language never need it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short or too mixed to tell."""
    letters = len(_LETTER.findall(text)) + 2 * len(_CJK.findall(text))
    if letters < MIN_CHARACTERS:
        return None
    language, probability = _identifier().classify(text)
    needed = LONG_CONFIDENCE if letters >= LONG_CHARACTERS else MIN_CONFIDENCE
    return str(language) if probability >= needed else None
