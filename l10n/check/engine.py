"""The verdict on one text in one locale, combining the evidence layers cheapest first.

1. **pattern**: mojibake and template artifacts, whatever the language;
2. **catalog** (with ``--catalogs``): the page locale's own translation is never a leak; a
   source msgid on a translated page is ``untranslated``; another locale's translation is
   ``wrong-language``;
3. **script**: on a Latin-script page, text whose letters are mostly in another script; on any
   other page, text with no letter in the page's scripts (Latin brand names and acronyms inside
   Cyrillic or Arabic text are normal). Texts made only of names are no evidence;
4. **statistics**: for text in the page's own script, the posterior of the page language among
   the site's languages written in that script (:mod:`l10n.check.langid`).

A statistical verdict is an **error** only for texts of three or more listed words with the
page language's posterior below :data:`ERROR_THRESHOLD`, or of three words or more of which
two are listed and leave it below :data:`SURE_THRESHOLD`; otherwise a **warning** below
:data:`WARNING_THRESHOLD` (three or more words) or :data:`SHORT_THRESHOLD` (one or two words).
One- and two-word texts are errors only on script or catalog evidence. The thresholds were set
on the development corpus (``bench/leaks.py``) and on leaks planted in real pages
(``bench/realworld.py``). Verdicts are cached per distinct text and
locale, so chrome repeated on every page costs one decision.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from l10n.check.catalog_index import CatalogIndex
from l10n.check.finding import DEFAULT_SEVERITY, CatalogEntry, Evidence, Finding, Kind, Severity
from l10n.check.langid import (
    has_word_list,
    identify,
    likely_language,
    listed_in,
    page_language,
    tokenize,
)
from l10n.check.names import (
    identifier_kind,
    is_platform_name,
    name_tokens,
    remove_allowed,
    remove_unlinguistic,
    word_tokens,
)
from l10n.check.normalize import normalize_for_judging
from l10n.check.patterns import MESSAGE_KEY, find_mojibake, find_template_artifact
from l10n.check.scripts import (
    expected_scripts,
    letter_scripts,
    letter_weight,
    primary_scripts,
    share_in,
)
from l10n.locales import language_of, script_of
from l10n.prose import count_words

__all__ = [
    "DEFAULT_LANGUAGES",
    "ERROR_THRESHOLD",
    "SHORT_THRESHOLD",
    "SURE_THRESHOLD",
    "WARNING_THRESHOLD",
    "Judge",
    "Verdict",
    "headline_case",
]

ERROR_THRESHOLD = 0.001
SURE_THRESHOLD = 1e-5
WARNING_THRESHOLD = 0.02
SHORT_THRESHOLD = 0.02
# Languages assumed to be on the site when neither configuration nor catalogs say: the
# languages of the largest news editions on the web.
DEFAULT_LANGUAGES = (
    "ar", "cs", "de", "el", "en", "es", "fi", "fr", "he", "hi", "it", "ja", "ko", "nl", "pl",
    "pt", "ru", "sv", "tr", "uk", "zh",
)  # fmt: skip
_KNOWN_WORD = 3.0
# A control's label of words no list has (_unlisted_label): this many letters at least, and
# the page language this unlikely by their letters, another this likely.
_UNLISTED_LETTERS = 6
_UNLISTED_THRESHOLD = 1e-4
_UNLISTED_CONFIDENCE = 0.98
# How surely a key-shaped text must read as the page language to count as a translation.
_TRANSLATED_KEY = 0.9
# Placeholders and tags inside a msgstr: meant, and no language evidence. The flags are taken
# possessively: zeros are flags and width digits alike, and trying every split of a long run
# of them took minutes ("%" and 64,000 zeros); the matches are the same.
_MARKUP = re.compile(r"%(?:\([^)]*\))?[-#0 +]*+\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}|</?[A-Za-z][^<>]*>")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What is wrong with a text, before it is placed on a page."""

    kind: Kind
    statistical_error: bool  # statistics alone, strong enough to be an error
    evidence: Evidence
    message: str
    detected: str | None = None
    confidence: float | None = None
    entry: CatalogEntry | None = None
    warning: bool = False  # reported as a warning whatever the kind's default severity

    def place(self, label: str, line: int, column: int, attribute: str | None, text: str,
              locale: str | None, overrides: Mapping[str, str], *,
              severity: Severity | None = None) -> Finding | None:
        """This verdict as a finding at a place: at its kind's severity (a warning when the
        judge said so, or when statistics alone were not strong enough), or at ``severity``;
        ``overrides`` (kind → "error", "warning" or "off") has the last word."""
        if severity is None:
            severity = DEFAULT_SEVERITY[self.kind]
            if self.warning or (self.evidence is Evidence.STATISTICS
                                and not self.statistical_error):
                severity = Severity.WARNING
        override = overrides.get(str(self.kind))
        if override == "off":
            return None
        if override is not None:
            severity = Severity(override)
        return Finding(
            path=label, line=line, column=column, attribute=attribute, text=text,
            kind=self.kind, severity=severity, locale=locale, detected=self.detected,
            confidence=self.confidence, evidence=self.evidence, message=self.message,
            entry=self.entry,
        )


# Entries per Judge cache before it starts over: chrome repeats across a site, so the cache
# earns its keep within a few pages; article sentences rarely repeat and would only pile up.
_CACHE_LIMIT = 100_000


class Judge:
    """Decides verdicts for texts in locales, with a cache per (text, locale, role kind)."""

    def __init__(
        self,
        *,
        source_locale: str = "en",
        languages: tuple[str, ...] | None = None,
        allow: tuple[str, ...] = (),
        catalogs: CatalogIndex | None = None,
        many: bool = False,
    ) -> None:
        self.source_locale = source_locale
        self.source_language = language_of(source_locale)
        languages = languages or DEFAULT_LANGUAGES
        self.languages = tuple(sorted({language_of(x) for x in languages}
                                      | {self.source_language}))
        # Longer terms first ("RIA Novosti" before "RIA"); ties alphabetical, so that the
        # order never depends on a set's (per-process) order.
        self.allow = tuple(sorted(set(allow), key=lambda term: (-len(term), term)))
        self.catalogs = catalogs
        self.many = many  # thousands of texts to judge: word lookups through the index
        self._cache: dict[tuple[str, str, bool, bool, bool, bool], Verdict | None] = {}

    def judge(
        self,
        text: str,
        locale: str,
        *,
        value_role: bool = False,
        names: bool = False,
        catalog: bool = False,
        control: bool = False,
    ) -> Verdict | None:
        """The verdict on ``text`` shown in ``locale`` (None: nothing wrong).

        ``control`` is True for a control's text (a button, a field's label or placeholder, an
        ``aria-label``), where two capitalised words are a label ("Save Draft"), not a name.
        ``value_role`` is True for blocks where a label must carry a value (credits, bylines);
        ``names`` for blocks made of names (site, credit, byline, dateline), which get no
        statistical verdict: people and agencies say nothing about the page's language.
        ``catalog`` is True for a msgstr, whose placeholders and markup are meant.
        The text is judged as readers see it (:func:`normalize_for_judging`: no soft hyphens,
        zero-width or bidi characters; plain single spaces).
        """
        text = normalize_for_judging(text)
        key = (text, locale, value_role, names, catalog, control)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()  # bounded: memory stays flat over an endless crawl
            if catalog:
                self._cache[key] = self._decide_msgstr(text, locale)
            else:
                self._cache[key] = self._decide(text, locale, value_role, names,
                                                control=control)
        return self._cache[key]

    def _decide_msgstr(self, text: str, locale: str) -> Verdict | None:
        repaired = find_mojibake(text)
        if repaired is not None:
            return Verdict(Kind.MOJIBAKE, False, Evidence.PATTERN,
                           f"mis-decoded text (mojibake); it reads {repaired!r} as UTF-8")
        return self._decide(_MARKUP.sub(" ", text), locale, False, False, patterns=False)

    def guess_locale(self, text: str, *, fast: bool = False) -> str | None:
        """The site language that best explains a page's article text (None without text);
        ``fast`` asks the word and n-gram experts instead of langdetect (for a sample of a
        few sentences, where speed matters more than the last point of accuracy)."""
        counts = letter_scripts(text)
        if not counts:
            return None
        script = counts.most_common(1)[0][0]
        candidates = self._candidates_for(script)
        if len(candidates) == 1:
            return candidates[0]
        if fast:
            return likely_language(text, candidates)
        return page_language(text, candidates)

    def read_language(self, text: str, declared: str | None
                      ) -> tuple[str, float, float] | None:
        """The language a long text (an article, a section) reads as, among the site's
        languages written in its main script and the declared one: (language, its posterior,
        the declared language's posterior); None without letters."""
        counts = letter_scripts(text)
        if not counts:
            return None
        script = max(sorted(counts), key=lambda s: counts[s] * letter_weight(s))
        candidates = list(self._candidates_for(script))
        own = language_of(declared) if declared else None
        if own and own not in candidates and script in primary_scripts(own):
            candidates.append(own)
        if not candidates:
            likely = _script_language(script)
            return (likely, 1.0, 1.0 if likely == own else 0.0) if likely else None
        if len(candidates) == 1:
            return candidates[0], 1.0, 1.0 if candidates[0] == own else 0.0
        first = own if own in candidates else candidates[0]
        guess = identify(text, first, tuple(candidates), indexed=self.many)
        if guess is None:
            return None
        declared_p = guess.page_probability if own == first else 0.0
        return guess.language, guess.confidence, declared_p

    def has_words(self, text: str) -> bool:
        """True when ``text``, without allowed terms and names, still has words."""
        text = remove_allowed(text, self.allow) if self.allow else text
        return bool(word_tokens(_MARKUP.sub(" ", text), lambda w: True))

    # -- layers ----------------------------------------------------------------------------

    def _decide(
        self, text: str, locale: str, value_role: bool, names: bool, *, patterns: bool = True,
        control: bool = False,
    ) -> Verdict | None:
        language = language_of(locale)
        if patterns:
            verdict = self._patterns(text, value_role, language)
            if verdict is not None:
                return verdict
        if identifier_kind(text) is not None:
            return None  # a host, file or cookie name, LaTeX, a handle: no language to judge
        if self.allow:
            text = remove_allowed(text, self.allow)
        if not any(ch.isalpha() for ch in text):
            return None
        if self.catalogs is not None:
            found, verdict = self._catalog(text, locale, language)
            if found:
                return verdict
        verdict = self._script(text, locale, language, names)
        if verdict is not None or names or self._other_script(text, locale):
            return verdict
        verdict = self._statistics(text, locale, language, control)
        if self.catalogs is not None and (verdict is None or not verdict.statistical_error):
            # A warning either way: the catalogs' reason names the source string's words.
            verdict = self._catalog_words(text, locale, language) or verdict
        return verdict

    def _patterns(self, text: str, value_role: bool, language: str) -> Verdict | None:
        repaired = find_mojibake(text)
        if repaired is not None:
            return Verdict(Kind.MOJIBAKE, False, Evidence.PATTERN,
                           f"mis-decoded text (mojibake); it reads {repaired!r} as UTF-8")
        artifact = find_template_artifact(text, "credit" if value_role else None)
        if artifact is not None and artifact.what == MESSAGE_KEY and (
                (self.catalogs is not None and self.catalogs.is_own(text, language))
                or (language != self.source_language
                    and not self._source_key(artifact.match, language))):
            artifact = None  # a key-shaped text a translator wrote: the site's own wording
        if artifact is not None:
            return Verdict(Kind.TEMPLATE_ARTIFACT, False, Evidence.PATTERN,
                           f"{artifact.what} {artifact.match!r} shown to readers")
        return None

    def _source_key(self, key: str, language: str) -> bool:
        """True unless a key-shaped text reads as the page's language rather than the source
        language: keys are named in the developers' language, so "kan_visa" on a Swedish page
        is a translation, and "plugin_name" on a German page a leaked key."""
        if not has_word_list(language):
            return True
        words = key.replace("_", " ").replace(".", " ")
        guess = identify(words, language, (language, self.source_language), letters=False)
        # Words the two languages share ("main_menu" on a French page) keep it a key.
        return guess is None or guess.evidence == 0 or guess.page_probability < _TRANSLATED_KEY

    def _catalog(self, text: str, locale: str, language: str) -> tuple[bool, Verdict | None]:
        """(decided, verdict): the catalogs either settle the text or have nothing to say."""
        assert self.catalogs is not None
        if self.catalogs.is_own(text, language):
            return True, None
        if language == self.source_language and self.catalogs.source_entry(text) is not None:
            return True, None  # a source msgid on a source-language page
        if language != self.source_language:
            entry = self.catalogs.source_entry(text)
            if entry is not None:
                translation = self.catalogs.translation(text, language)
                if translation is not None:
                    msgstr, own_entry = translation
                    message = (f"untranslated {_name(self.source_language)} text; the "
                               f"{locale} catalog translates it as {msgstr!r}")
                    return True, Verdict(Kind.UNTRANSLATED, False, Evidence.CATALOG, message,
                                         self.source_language, 1.0, own_entry)
                message = (f"untranslated {_name(self.source_language)} text (a source msgid "
                           f"with no {locale} translation)")
                return True, Verdict(Kind.UNTRANSLATED, False, Evidence.CATALOG, message,
                                     self.source_language, 1.0, entry)
        others = self.catalogs.other_languages(text, language)
        if others:
            other, entry = others[0]
            message = f"text is the {_name(other)} translation, not {_name(language)}"
            return True, Verdict(Kind.WRONG_LANGUAGE, False, Evidence.CATALOG, message,
                                 other, 1.0, entry)
        return False, None

    def _catalog_words(self, text: str, locale: str, language: str) -> Verdict | None:
        """A warning for text no catalog holds whose every word is a word of the site's
        source msgids, one of them neither in the page language's translations nor common in
        that language: a source string that never reached the catalogs."""
        assert self.catalogs is not None
        if language == self.source_language:
            return None
        source = self.catalogs.source_words()
        words = [part for token in word_tokens(text, lambda w: w in source)
                 for part in tokenize(token)]
        if not words or any(word not in source for word in words):
            return None
        own = self.catalogs.own_words(language)
        strange = [w for w in words if w not in own and not listed_in(w, (language,), _KNOWN_WORD)]
        if not strange:
            return None
        message = (f"reads as untranslated {_name(self.source_language)} text: every word is in "
                   f"the site's source msgids, and {strange[0]!r} in no {locale} translation")
        return Verdict(Kind.UNTRANSLATED, False, Evidence.CATALOG, message,
                       self.source_language, None, warning=True)

    def _script(self, text: str, locale: str, language: str, names: bool = False
                ) -> Verdict | None:
        counts = letter_scripts(text)
        if not counts:
            return None
        if len(counts) == 1 and next(iter(counts)) in primary_scripts(locale):
            return None  # every letter in a script the page needs: the common case
        expected = expected_scripts(locale)
        if expected == frozenset({"Latn"}) and len(counts) > 1:
            # Latin code names and brands ("[autosummary] запись в") do not make a text Latin.
            latin = self._candidates_for("Latn")
            words = [w for w in word_tokens(text, lambda w: True)
                     if all(self._known(part, latin) for part in tokenize(w))]
            counts = counts.copy()
            counts["Latn"] = sum(letter_scripts(w).get("Latn", 0) for w in words)
        if not _foreign_script(counts, expected, primary_scripts(locale)):
            return None
        others = [c for c in counts if c not in primary_scripts(locale)]
        foreign = max(sorted(others), key=lambda c: counts[c] * letter_weight(c))
        if foreign == "Grek" and sum(letter_scripts(text).values()) == 1:
            return None  # a Greek letter alone is a symbol in every language (Δ, π, Ω)
        candidates = self._candidates_for(foreign)
        warning = False
        if set(others) == {"Latn"} and (names or is_platform_name(text)):
            # A site name, agency or person in Latin letters, or a share button's "Facebook"
            # on a Chinese page: a brand or a name, not a leak.
            return None
        if set(others) == {"Latn"}:
            # URLs and code names are no text; Latin names, acronyms and brands on a
            # non-Latin page may be meant (a warning), and so may one or two words no site
            # language lists ("mailto"); other Latin text is an error.
            if not letter_scripts(remove_unlinguistic(text)).get("Latn"):
                return None
            tokens = word_tokens(text, lambda w: self._known(w, candidates))
            warning = not tokens or (count_words(text) <= 2 and not any(
                self._known(part, candidates) for word in tokens for part in tokenize(word)))
        guess = (identify(text, candidates[0], candidates, letters=False, indexed=self.many)
                 if len(candidates) > 1 and not warning else None)
        detected = guess.language if guess else (
            candidates[0] if len(candidates) == 1 and not warning else None)
        confidence = guess.confidence if guess else None
        message = f"{_script_name(foreign)} text, but {locale} is written in " \
                  f"{_script_list(expected)}"
        if warning:
            message += "; if it is a name, add it to the allowlist"
        return Verdict(Kind.WRONG_SCRIPT, False, Evidence.SCRIPT, message, detected, confidence,
                       warning=warning)

    def _other_script(self, text: str, locale: str) -> bool:
        """True when the text is mostly in scripts the page does not use (no statistics then)."""
        counts = letter_scripts(text)
        if len(counts) == 1:
            return next(iter(counts)) not in expected_scripts(locale)
        return share_in(counts, expected_scripts(locale)) < 0.5

    def _statistics(self, text: str, locale: str, language: str,
                    control: bool = False) -> Verdict | None:
        if not has_word_list(language) and language not in ("zh", "ja"):
            return None
        candidates = self._candidates_for_locale(locale)
        if len(candidates) < 2:
            return None
        words = word_tokens(text, lambda w: self._known(w, candidates))
        if not words and not _has_han(text):
            return self._unlisted_label(text, language, candidates) if control else None
        # Words that carry language: "Cache frontend Wagtail" has two, not three.
        n_words = len(words) if words else count_words(text)
        # Two words in capitals: a name ("Danmarks Radio", "Champions League"), no language
        # evidence; on a control, a label ("Save Draft", "Sign In"): judged, a warning at most.
        short_title = n_words < 3 and _title_case(text)
        if short_title and not control:
            return None
        if headline_case(text) and self._has_name(text, candidates):
            # "Paris Haute Couture SS14, Serkan Cura", "Sky Villa Hua Hin Guesthouse": capitals
            # and a word no site language has make a name (a title of a work, an event, a
            # product), not a label; "Privacy Policy" has none and is judged.
            return None
        probe = " ".join(words) if words else text
        # The letters expert (0.6 s to load) only for texts of two words or more.
        guess = identify(probe, language, candidates, letters=n_words >= 2, indexed=self.many)
        if guess is None or guess.language == language:
            return None
        probability = guess.page_probability
        if n_words >= 3:
            if probability >= WARNING_THRESHOLD:
                return None
        elif probability >= SHORT_THRESHOLD:
            return None
        # Letters alone (no listed word) never make an error. A text of three words or more
        # of which two are listed words ("İçe aktarmayı onayla": an inflected form no list
        # has) is an error when the two leave the page language no chance at all.
        strong = guess.evidence > 0 and not short_title and (
            (n_words >= 3 and probability < ERROR_THRESHOLD)
            or (n_words == 2 and probability < SURE_THRESHOLD
                and count_words(text) >= 3))
        message = (f"text reads as {_name(guess.language)} ({guess.confidence:.0%}), "
                   f"not {_name(language)}")
        return Verdict(Kind.WRONG_LANGUAGE, strong, Evidence.STATISTICS, message,
                       guess.language, guess.confidence)

    def _unlisted_label(self, text: str, language: str, candidates: tuple[str, ...]
                        ) -> Verdict | None:
        """A warning for a control's label of one or two words that no site language lists
        ("Sisällysluettelo" on a German page's button): judged by its letters, when
        they leave the page language no chance. Only on controls: in menus and links such
        words are names and the compounds a language forms at will ("Jobbörse" reads as
        Swedish)."""
        tokens = text.split()
        if not 1 <= len(tokens) <= 2 or not all(token.isalpha() for token in tokens) \
                or sum(map(len, tokens)) < _UNLISTED_LETTERS:
            return None
        guess = identify(text, language, candidates, indexed=self.many)
        if guess is None or guess.language == language \
                or guess.page_probability >= _UNLISTED_THRESHOLD \
                or guess.confidence < _UNLISTED_CONFIDENCE:
            return None
        message = (f"text reads as {_name(guess.language)} ({guess.confidence:.0%}), "
                   f"not {_name(language)}; no word list has it")
        return Verdict(Kind.WRONG_LANGUAGE, False, Evidence.STATISTICS, message,
                       guess.language, guess.confidence, warning=True)

    def _has_name(self, text: str, candidates: tuple[str, ...]) -> bool:
        """Whether ``text`` holds a word shaped like a name that no candidate language lists:
        capitalised and unknown ("Serkan"), or with a capital or a digit inside ("WooCommerce",
        "SS14")."""
        for token in name_tokens(text):
            if any(ch.isdigit() for ch in token) or any(ch.isupper() for ch in token[1:]):
                if any(ch.isalpha() for ch in token) and not token.isupper():
                    return True
                continue
            if token[0].isupper() and not self._known(token.lower(), candidates):
                return True
        return False

    # -- candidates ------------------------------------------------------------------------

    def _candidates_for_locale(self, locale: str) -> tuple[str, ...]:
        """The page language first, then the site languages written in its script."""
        return _locale_candidates(self.languages, locale)

    def _candidates_for(self, char_script: str) -> tuple[str, ...]:
        """Site languages written in ``char_script`` (a character script such as Cyrl)."""
        return _script_candidates(self.languages, char_script)

    def _known(self, word: str, candidates: tuple[str, ...]) -> bool:
        return listed_in(word, candidates, _KNOWN_WORD, indexed=self.many)


def _foreign_script(
    counts: Mapping[str, int], expected: frozenset[str], primary: frozenset[str]
) -> bool:
    """The script rule: on Latin pages most (weighted) letters elsewhere; on others no letter
    in the page's primary scripts, or 30% of letters in another non-Latin script (kana on a
    Chinese page)."""
    weighted = {s: n * letter_weight(s) for s, n in counts.items()}
    total = sum(weighted.values())
    if expected == frozenset({"Latn"}):
        return weighted.get("Latn", 0) <= 0.5 * total  # half a text in another script
    if not any(weighted.get(s) for s in primary):
        return True
    elsewhere = sum(n for s, n in weighted.items() if s not in expected and s != "Latn")
    return elsewhere >= 0.3 * total


@functools.lru_cache(maxsize=1024)
def _locale_candidates(languages: tuple[str, ...], locale: str) -> tuple[str, ...]:
    language = language_of(locale)
    return _same_script(tuple(sorted(set(languages) | {language})), script_of(locale), language)


@functools.lru_cache(maxsize=256)
def _script_candidates(languages: tuple[str, ...], char_script: str) -> tuple[str, ...]:
    return tuple(lang for lang in languages if char_script in primary_scripts(lang))


@functools.cache
def _same_script(languages: tuple[str, ...], script: str, page_language: str) -> tuple[str, ...]:
    same = [lang for lang in languages if script_of(lang) == script or
            (script in ("Jpan", "Hans", "Hant") and script_of(lang) in ("Jpan", "Hans", "Hant"))]
    if page_language in same:
        same.remove(page_language)
    return (page_language, *same)


def _title_case(text: str) -> bool:
    """Two or more words, all capitalised: the shape of a name ("Danmarks Radio")."""
    capitalised = 0
    for word in text.split():  # words with a letter; a word without one is no word here
        if word[0].isupper() and not word.isupper() and (
                word[0].isalpha() or any(ch.isalpha() for ch in word)):
            capitalised += 1
        elif word.isalpha() or any(ch.isalpha() for ch in word):
            return False
    return capitalised > 1


def headline_case(text: str) -> bool:
    """Title Case: two capitalised words or more, and every word of five letters or more
    capitalised ("Ramos Pinto Late Bottled Vintage", "Learning by Ear", "Week with Serkan"),
    as names and titles are written; not all in capitals."""
    capitalised = 0
    for word in text.split():
        letters = [ch for ch in word if ch.isalpha()]
        if not letters:
            continue
        if letters[0].isupper():
            capitalised += 1
        elif len(letters) > _SMALL_WORD:
            return False
    return capitalised >= 2 and not text.isupper()


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# Title Case leaves the small words lower case: articles, conjunctions, short prepositions.
_SMALL_WORD = 4


@functools.cache
def _script_language(script: str) -> str | None:
    """The language CLDR expects for a character script (``Thai`` → ``th``), if any."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(f"und_{script}")
    return likely.split("_")[0] if likely else None


@functools.cache
def _name(language: str) -> str:
    """``German (de)``: the English name of a language, with its code."""
    from babel import Locale

    name = Locale("en").languages.get(language)
    return f"{name} ({language})" if name else language


_SCRIPT_NAMES: Mapping[str, str] = {
    "Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew",
    "Deva": "Devanagari", "Hani": "Han", "Hira": "Hiragana", "Kana": "Katakana",
    "Hang": "Hangul", "Thai": "Thai", "Geor": "Georgian", "Armn": "Armenian",
}


def _script_name(code: str) -> str:
    return _SCRIPT_NAMES.get(code, code)


def _script_list(codes: frozenset[str]) -> str:
    return "/".join(_script_name(c) for c in sorted(codes))
