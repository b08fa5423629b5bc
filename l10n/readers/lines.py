"""What a short line of text says it is by its words: a date or time alone (the reader's
byline) or a photo or source credit; neither is article text. The words are data
(:data:`LINES`), as the class names of :mod:`l10n.readers.zones` are."""

from __future__ import annotations

import functools
import re

from l10n.dateline import month_number

__all__ = ["LINES", "line_kind"]

# What short lines say they are, by their words (lower case). A credit opens with a label and
# a colon or a joining word ("Foto: dpa", "Photograph by ...", "(Quelle: ...)"); a date line
# is dates and times with at most a few other words ("Updated", "Erstellt am").
LINES: dict[str, tuple[str, ...]] = {
    "credit": ("foto", "fotos", "photo", "photos", "photograph", "photography", "bild",
               "bilder", "bildquelle", "fotoquelle", "quelle", "quellen", "source", "credit",
               "credits", "image", "images", "crédito", "créditos", "crédit", "crédits",
               "fuente", "imagen", "fotografía", "fotografia", "grafik", "illustration",
               "copyright", "©", "(c)", "foto/bild", "fotograf", "fotografin",
               # Dutch, Scandinavian, Finnish, Polish, Czech, Hungarian, Greek, Cyrillic
               "beeld", "kuva", "kuvat", "fot.", "zdjęcie", "zdjęcia", "snímek", "fotó",
               "kép", "φωτογραφία", "φωτο", "фото", "фотография", "снимка"),
    "credit-joins": ("by", "von", "via", "de", "di", "par", "por", "da"),
    "time": ("uhr", "h", "am", "pm", "a.m.", "p.m.", "utc", "gmt", "cet", "cest", "mez", "mesz",
             "est", "edt", "pst", "pdt", "hrs", "hs"),
}


# Lines: a date or time in digits ("23.10.2018", "2018-10-23", "19:49", "7h30"), the tokens
# of a line, a word closing a sentence, and a name/agency credit ("Jane Doe/AFP").
_NUMERIC_DATE = re.compile(r"(?<![\d+])(?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
                           r"|\d{1,2}[:h]\d{2})(?![\d/.-]\d)")
# "a.m." is one token (a time's), not the words "a" and "m".
_TOKEN = re.compile(r"\(c\)|©|\b[ap]\.m\.|[^\W\d_]+\.?|\d+(?:\.(?!\d))?", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?]\W*$|[!?]")
_AGENCY_CREDIT = re.compile(r"[^\W\d_]\s*/\s*([^\W\d_])")
_DATE_WORDS = 3  # other words a date line may hold
_CREDIT_WORDS = 12
_CREDIT_LABEL_WORDS = 2  # "Photo credit:", "Crédits photos :"
_FIGURE_CREDIT_WORDS = 6


@functools.cache
def _line_words() -> dict[str, frozenset[str]]:
    """Each kind's words as a set; a time's without their closing dot, as tokens are read
    ("a.m." as "a.m")."""
    out = {kind: frozenset(words) for kind, words in LINES.items()}
    out["time"] = frozenset(word.rstrip(".") for word in LINES["time"])
    return out


def line_kind(text: str, *, in_figure: bool = False) -> str | None:
    """What a short line of text is by its words: "date" (a date or time alone, with at most a
    few words around it: "Erstellt am Dienstag 6. Mai 2014", "19:49"), "credit" (a photo or
    source credit: "Foto: Jane Doe", "(Quelle: dpa)", and inside a figure "Jane Doe/AFP"), or
    None. Neither is article text."""
    if len(text) > 160:
        return None
    words = _line_words()
    body = text.strip().strip("()[]").strip()
    if _credit(body, words):
        return "credit"
    if _SENTENCE_END.search(text):
        return None
    if _DIGIT.search(text) is None:  # no date without a number
        return "credit" if in_figure and _agency_credit(body) else None
    numeric = _NUMERIC_DATE.search(text) is not None
    tokens = [token.rstrip(".").lower() for token in _TOKEN.findall(text)]
    dated = other = 0
    month_day = False  # a month name next to a number: "6. Mai", "March 3"
    for k, token in enumerate(tokens):
        if token.isdigit() or token in words["time"]:
            dated += 1
        elif len(token) > 2 and month_number(token) is not None and any(
                0 <= j < len(tokens) and _day_or_year(tokens[j]) for j in (k - 1, k + 1)):
            dated += 1
            month_day = True
        else:
            other += 1
    # A few words around one date ("Erstellt am"), a few more around two ("30 avril 2015 à
    # 07:19 (Mis à jour : 30 avril 2015 à 07:38)").
    if (numeric or month_day) and other <= max(_DATE_WORDS, dated // 2) and dated >= other:
        return "date"
    return "credit" if in_figure and not numeric and _agency_credit(body) else None


def _agency_credit(body: str) -> bool:
    """A short "Name/Agency" line ("Jane Doe/AFP")."""
    if "/" not in body:
        return False
    agency = _AGENCY_CREDIT.search(body)
    return agency is not None and agency.group(1).isupper() \
        and len(_TOKEN.findall(body)) <= _FIGURE_CREDIT_WORDS


def _credit(body: str, words: dict[str, frozenset[str]]) -> bool:
    """Whether ``body`` opens with credit labels and a colon ("Foto:", "Crédits photos :",
    "Photo credit:"), a label and a joining word ("Photograph by", "Bild via"), an abbreviated
    label ("fot.") or "©"."""
    tokens = body.split()
    if not tokens or len(tokens) > _CREDIT_WORDS:
        return False
    labels = words["credit"]
    for k, token in enumerate(tokens[:_CREDIT_LABEL_WORDS + 1]):
        word = token.lower()
        if word == ":" or (word.endswith(":") and word[:-1] in labels):
            # a name must follow: "Quellen:" over a list heads it, it credits no one
            return (k > 0 or word != ":") and k + 1 < len(tokens)
        if word in ("©", "(c)"):
            return True
        if word.endswith(".") and word in labels:  # an abbreviated label: "fot. Jan Nowak"
            return k + 1 < len(tokens)
        if word not in labels:
            return k > 0 and word in words["credit-joins"]
    return False


def _day_or_year(token: str) -> bool:
    return token.isdecimal() and (1 <= int(token) <= 31 or 1900 <= int(token) <= 2100)
