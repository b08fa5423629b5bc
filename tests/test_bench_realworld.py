"""The pure helpers of ``bench/realworld.py``: label matching, declared languages, chrome slots,
planting. Invented pages only."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "realworld.py"
_SPEC = importlib.util.spec_from_file_location("bench_realworld", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
rw = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_realworld"] = rw
_SPEC.loader.exec_module(rw)


@pytest.mark.parametrize(("text", "expected"), [
    ("Leich\u00adte  Spra\u00adche", "Leichte Sprache"),
    ("\u200bMenu\u200e\u00a0 bar\n", "Menu bar"),
    ("Cafe\u0301", "Caf\u00e9"),
    ("", ""),
])
def test_normalise(text, expected):
    assert rw.normalise(text) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    (b'<!DOCTYPE html><html lang="de-DE"><head>', "de-DE"),
    (b'junk<p>x</p>\n<html\n class=a xml:lang=fr>', "fr"),
    (b'<!-- <html lang="en"> --><html><head>'
     b'<meta http-equiv="Content-Language" content="pl">', "pl"),
    (b'<html lang=""><head><meta name="language" content="fi">', "fi"),
    (b'<html><head><meta property="og:locale" content="pt_BR" />', "pt_BR"),
    (b'<html><head><meta name="description" content="x"><title>x</title>', None),
    (b'<html lang="lang="de-DE"">', "lang="),
    (b'<p>no html element at all</p>', None),
])
def test_declared_language(raw, expected):
    assert rw.declared_language(raw) == expected


@pytest.mark.parametrize(("code", "expected"), [
    ("de-DE", "de"), ("pt_BR", "pt"), ("EN", "en"), ("lang=", None), (None, None), ("", None),
])
def test_language_of(code, expected):
    assert rw.language_of(code) == expected


LABEL = {"page": "p/a.html", "page_locale": "de", "kind": "wrong-language", "detected": "en",
         "attribute": None, "text": "Weiter zur Start\u00adseite", "label": "T-CHROME",
         "why": "x"}


def finding(text, *, path="p/a.html", attribute=None, severity="error", kind="wrong-language"):
    return {"path": path, "attribute": attribute, "text": text, "severity": severity,
            "kind": kind, "locale": "de", "detected": "en", "line": 7}


@pytest.mark.parametrize(("found", "expected"), [
    (finding("Weiter zur Startseite"), True),
    (finding("Weiter  zur Startseite"), True),
    (finding("Weiter zur Startseite und mehr"), False),
    (finding("Weiter zur Startseite", kind="page-language"), True),  # the kind may change
    (finding("Weiter zur Startseite", attribute="title"), False),
    (finding("Weiter zur Startseite", path="p/b.html"), False),
    (finding("Zur Startseite"), False),
])
def test_label_matches(found, expected):
    assert rw.label_matches(LABEL, found) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("x" * 300 + " and more", True), ("x" * 300, True), ("x" * 299, False),
])
def test_label_matches_a_cut_text(text, expected):
    label = {**LABEL, "text": "x" * 300}  # cut at 300 characters: a prefix
    assert rw.label_matches(label, finding(text)) is expected


@pytest.mark.parametrize(("severities", "expected"), [
    ((), None), (("warning",), "warning"), (("warning", "error"), "error"),
    (("notice",), "notice"),
])
def test_label_state(severities, expected):
    index = rw.index_findings([finding("Weiter zur Startseite", severity=s)
                               for s in severities])
    assert rw.label_state(LABEL, index) == expected


def test_unlabelled_errors():
    findings = [finding("Weiter zur Startseite"), finding("Skip", severity="warning"),
                finding("Read more", attribute="title")]
    assert rw.unlabelled_errors(findings, [LABEL]) == [
        {"page": "p/a.html", "page_locale": "de", "kind": "wrong-language", "detected": "en",
         "attribute": "title", "text": "Read more", "label": "", "why": "", "line": 7},
    ]


@pytest.mark.parametrize(("haystack", "needle", "expected"), [
    ("ShareЗберігання", "Зберігання", True),  # elements glued, another script
    ("SitedenMenü", "Siteden", True),  # elements glued, a capital
    ("Blog", "log", False),
    ("Login", "Log", False),
    ("Please log in.", "Log in", True),
    ("Home | News", "home", True),
    ("", "x", False),
])
def test_contains(haystack, needle, expected):
    assert rw.contains(haystack, needle) is expected


PAGE = b"""<!DOCTYPE html>
<html lang="de" class="no-js"><head><meta charset="iso-8859-1"><title>Titel</title></head>
<body class="has-social-icons">
<a class="skip-link screen-reader-text" href="#main">Zum Inhalt</a>
<header><nav><ul>
  <li><a href="/">Startseite</a></li>
  <li><a href="/p"><i class="icon"></i> Politik <span class="sr-only">(aktuell)</span></a></li>
  <li hidden><a href="/x">Versteckt</a></li>
  <li><a href="/y" style="display: none">Auch versteckt</a></li>
</ul>
<ul class="languages"><li><a href="/en">English</a></li><li><a href="/fr">Fran\xc3\xa7ais</a></li></ul>
<a href="/it" hreflang="it">Italiano</a>
<img src="logo.png" alt="Logo der Zeitung">
<button aria-label="Suche \xc3\xb6ffnen"><svg aria-label="Lupe"><title>x</title></svg></button>
</nav></header>
<main><article>
<header><h1>Eine Schlagzeile</h1><a href="/autor" title="Alle Texte">Autorin</a></header>
<p>Ein Absatz mit einem <a href="/l" title="Mehr dazu">Link</a> darin.</p>
<p lang="en">An English quote.</p>
<a href="/more" class="read-more">Weiterlesen</a>
<iframe src="https://video.example/1" title="Video der Woche"></iframe>
</article></main>
<div class="cookie-notice">Wir verwenden Cookies auf dieser Seite. <a href="/c">Einstellungen</a></div>
<footer><form><input type="search" placeholder="Suchbegriff"><input type="submit" value="Los">
<input type="hidden" value="geheim"></form>
<p>Kontakt</p><script>var t = "Skript";</script><template><p>Vorlage</p></template></footer>
</body></html>
"""


def test_find_slots():
    root = rw.parse(PAGE)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    got = [(s.type, elements[s.index].tag, s.attribute, s.original)
           for s in rw.find_slots(root, "de")]
    assert got == [
        ("sr-only", "a", None, "Zum Inhalt"),
        ("text", "a", None, "Startseite"),
        ("sr-only", "span", None, "(aktuell)"),
        ("attr:alt", "img", "alt", "Logo der Zeitung"),
        ("attr:aria-label", "button", "aria-label", "Suche öffnen"),
        ("svg-aria-label", "svg", "aria-label", "Lupe"),
        ("text", "a", None, "Weiterlesen"),
        ("iframe-title", "iframe", "title", "Video der Woche"),
        ("inline-in-sentence", "a", None, "Einstellungen"),
        ("attr:placeholder", "input", "placeholder", "Suchbegriff"),
        ("attr:value", "input", "value", "Los"),
        ("text", "p", None, "Kontakt"),
    ]


def test_plant_and_serialise():
    root = rw.parse(PAGE)
    slots = {s.original: s for s in rw.find_slots(root, "de")}
    rw.put(root, slots["Startseite"], "Home & <away>")
    rw.put(root, slots["Suchbegriff"], "Search \"docs\"")
    out = rw.serialise(root, root.getroottree().docinfo.doctype)
    assert out.startswith(b"<!DOCTYPE html>\n<html lang=\"de\" class=\"no-js\">")
    assert b'<meta charset="utf-8">' in out
    assert b">Home &amp; &lt;away&gt;</a>" in out
    assert b"placeholder='Search \"docs\"'" in out  # libxml2 quotes with ' when it can
    again = rw.parse(out)
    assert [s.original for s in rw.find_slots(again, "de")][1:3] == ["Home & <away>",
                                                                     "(aktuell)"]


@pytest.mark.parametrize(("text", "expected"), [
    ("English", True), ("Fran\u00e7ais", True), ("espa\u00f1ol (Chile)", True), ("EN", True),
    ("Deutsch", True), ("Startseite", False), ("Read more", False),
])
def test_is_language_name(text, expected):
    assert rw.is_language_name(text, "de") is expected


def test_build_pools():
    pairs = {
        "de": {"Close": "Schlie\u00dfen", "Label": "Name", "Save all": "Alle speichern"},
        "fr": {"Name": "Nom", "Close": "Fermer", "Save all the pages": "Enregistrer tout"},
        "ru": {"Close": "\u0417\u0430\u043a\u0440\u044b\u0442\u044c"},
        "ja": {},
    }
    lc = SimpleNamespace(script=lambda loc: {"ru": "Cyrillic"}.get(loc, "Latin"))
    pools = rw.build_pools("de", pairs, lc).strings
    assert pools == {
        ("untranslated", "1-2"): [("Close", "en"), ("Label", "en"), ("Save all", "en")],
        ("untranslated", "3+"): [("Save all the pages", "en")],
        ("same-script", "1-2"): [("Enregistrer tout", "fr"), ("Fermer", "fr"), ("Nom", "fr")],
        ("cross-script", "1-2"): [("\u0417\u0430\u043a\u0440\u044b\u0442\u044c", "ru")],
    }
    # a language no catalog has: cross-script strings only
    assert sorted(rw.build_pools("hu", pairs, lc).strings) == [("cross-script", "1-2")]
