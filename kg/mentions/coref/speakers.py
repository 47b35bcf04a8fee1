"""Speakers: inside a quotation, "I" is whoever the sentence says spoke."""

from __future__ import annotations

from kg.mentions.coref.context import Context, Resolved

__all__ = ["resolve_speakers"]

_QUOTES = frozenset({'"', "“", "”", "``", "''"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})


def resolve_speakers(ctx: Context, resolved: Resolved) -> None:
    """ "I think ...," said Grace Otieno: inside a quotation, "I" is whoever the sentence says spoke."""
    # complex: the quotation state and the speaker of a sentence are found in one pass over it.
    report_verbs = ctx.cues.report_verbs
    for sent in ctx.doc.sents:
        inside, quoted = False, set()
        for token in sent:
            if token.text in _QUOTES:
                inside = not inside
            elif inside:
                quoted.add(token.i)
        if not quoted:
            continue
        speaker = None
        for token in sent:
            if token.i in quoted or token.lemma_.lower() not in report_verbs:
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i not in quoted:
                    found = resolved.get(child.i) or ((ctx.names[child.i],) if child.i in ctx.names else ())
                    if found and found[0].ner in ("PERSON", "PER", "ORG"):
                        speaker = found[0]
        if speaker is None:
            continue
        for i in sorted(quoted):
            token = ctx.doc[i]
            if token.pos_ == "PRON" and token.lower_ in _FIRST_PERSON:
                resolved[i] = (ctx.mention(token, speaker.label, speaker.ner, "coref.speaker", 0.85),)
