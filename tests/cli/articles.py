"""Two short hand-made articles that share people, places and an organisation."""

from __future__ import annotations

from pathlib import Path

LISBON = """\
Harbour Union Leader Meets Portuguese Prime Minister in Lisbon

Petra Lindqvist, the leader of the Harbour Union, met Portuguese Prime Minister Tomas Reyes in Lisbon on Monday.

Reyes praised the union for ending the strike, and Lindqvist said the dock workers would return on Wednesday.

The European Commission supports the agreement, officials said.

Share this article
"""

MADRID = """\
Tomas Reyes Visits Madrid for Port Talks

Portuguese Prime Minister Tomas Reyes met Spanish Prime Minister Lucia Ortega in Madrid on Thursday.

Ortega thanked Reyes for the cooperation of the two governments, and the European Commission welcomed the talks.

Lindqvist did not attend the meeting.
"""


def write_articles(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    lisbon = folder / "lisbon.txt"
    madrid = folder / "madrid.txt"
    lisbon.write_text(LISBON, encoding="utf-8")
    madrid.write_text(MADRID, encoding="utf-8")
    return lisbon, madrid
