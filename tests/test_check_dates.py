"""``date-mismatch`` (l10n.check.dates, l10n.datetext): a ``<time>``'s text against its
``datetime`` in a table of locales and an Intl oracle (Node's ICU formats, we read), the
dateline against the publication time, editions' datelines, and the kind in every output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from l10n.check.dates import time_mismatch
from l10n.check.run import CheckOptions, check_paths
from l10n.datetext import ShownDate, read_shown_date

NODE_SCRIPT = Path(__file__).parent / "node" / "intl_shown_dates.js"
WEEK_OFF = "the text says Wednesday 5 March 2024, but its datetime 2024-03-05 is Tuesday 5 March 2024"
MARCH_5 = "its datetime 2024-03-05 is Tuesday 5 March 2024"
ZONES = "in the time zones from UTC-12 to UTC+14"

# (locale, datetime, text shown, the finding's message or None when they agree or the text
# cannot be judged)
TABLE = [
    # English: weekday, the region's numeric order, the language's either order
    ("en", "2024-03-05", "Tuesday, March 5, 2024", None),
    ("en", "2024-03-05", "Wednesday, March 5, 2024", WEEK_OFF),
    ("en_GB", "2024-03-05", "05/03/2024", None),
    ("en_US", "2024-03-05", "05/03/2024", f"the text says 3 May 2024, but {MARCH_5}"),
    ("en", "2024-03-05", "05/03/2024", None),  # en: US M/d or British d/M, either
    ("en_US", "2024-03-13", "13/03/2024", None),  # only d/M makes a date
    ("en", "2024-03-05", "Mar 5 – Mar 7, 2024", None),  # a range: either end
    ("en", "2024-03-05", "2 hours ago", None),  # relative: not judged
    ("en", "2024-03", "April 2024",
     "the text says April 2024, but its datetime 2024-03 is March 2024"),
    # German, French, Spanish: day-month order, fillers, a name that is a month and a weekday
    ("de", "2024-03-05", "Dienstag, 5. März 2024", None),
    ("de", "2024-03-05", "5. April 2024", f"the text says 5 April 2024, but {MARCH_5}"),
    ("de", "2024-03-05", "05.03.24", None),
    ("de", "2024-03-05", "06.03.", f"the text says 6 March, but {MARCH_5}"),
    ("fr", "2024-03-05", "mardi 5 mars 2024", None),
    ("fr", "2024-03-05", "5 mars 2023", f"the text says 5 March 2023, but {MARCH_5}"),
    ("es", "2024-03-05", "martes, 5 de marzo de 2024", None),
    ("es", "2024-03-05", "mar, 5 mar 2024", None),  # "mar": Tuesday, then March
    ("ca", "2024-04-05", "5 d’abril de 2024", None),
    # genitive months
    ("ru", "2024-03-05", "5 марта 2024 г.", None),
    ("ru", "2024-03-05", "вторник, 5 апреля", f"the text says Tuesday 5 April, but {MARCH_5}"),
    ("pl", "2024-03-05", "5 marca 2024", None),
    ("pl", "2024-03-05", "marzec 2024", None),  # the nominative, with a year
    ("uk", "2024-03-05", "6 березня 2024 р.", f"the text says 6 March 2024, but {MARCH_5}"),
    ("cs", "2024-03-05", "5. 3. 2024", None),
    ("el", "2024-03-05", "ΤΡΙΤΗ 5 ΜΑΡΤΙΟΥ 2024", None),  # capitals drop the accents
    ("tr", "2024-03-05", "5 MART 2024 SALI", None),  # dotless I
    # digits of other scripts, other calendars' dates not judged
    ("ar", "2024-03-05", "الثلاثاء، ٥ مارس ٢٠٢٤", None),
    ("ar", "2024-03-05", "الأربعاء، ٥ مارس ٢٠٢٤", WEEK_OFF.replace("2024-03-05", "2024-03-05")),
    ("ar", "2024-03-05", "٥ آذار ٢٠٢٤", None),  # the Levant's month names
    ("fa", "2024-03-05", "۵ مارس ۲۰۲۴", None),
    ("fa", "2024-03-05", "۱۵ اسفند ۱۴۰۲", None),  # Solar Hijri
    ("fa", "2024-03-05", "۱۴۰۲/۱۲/۱۵", None),
    ("hi", "2024-03-05", "मंगलवार, ५ मार्च २०२४", None),
    ("hi", "2024-03-05", "५ अप्रैल २०२४", f"the text says 5 April 2024, but {MARCH_5}"),
    ("bn", "2024-03-05", "মঙ্গলবার, ৫ মার্চ, ২০২৪", None),
    ("my", "2024-03-05", "၂၀၂၄ မတ် ၆", f"the text says 6 March 2024, but {MARCH_5}"),
    ("th", "2024-03-05", "วันอังคารที่ 5 มีนาคม พ.ศ. 2567", None),  # Buddhist era
    ("th", "2024-03-05", "5 มีนาคม 2568", f"the text says 5 March 2568, but {MARCH_5}"),
    # East Asian dates, Hebrew's glued preposition, Vietnamese month numbers, Baltic order
    ("ja", "2024-03-05", "2024年3月5日(火)", None),
    ("ja", "2024-03-05", "令和6年3月6日", f"the text says 6 March, but {MARCH_5}"),  # an era
    ("zh", "2024-03-05", "2024年3月5日星期三", WEEK_OFF),
    ("ko", "2024-03-05", "2024년 3월 5일 화요일", None),
    ("he", "2024-03-05", "5 במרץ 2024", None),
    ("vi", "2024-03-05", "Thứ Tư, 5 tháng 3, 2024", WEEK_OFF),
    ("lt", "2024-03-05", "2024 m. kovo 5 d.", None),
    ("hu", "2024-03-05", "2024. március 6.", f"the text says 6 March 2024, but {MARCH_5}"),
    # time zones across midnight: a time with an offset may show any zone's date and time
    ("en", "2024-03-05T23:30:00Z", "March 6, 2024", None),
    ("en", "2024-03-05T23:30:00Z", "March 7, 2024",
     "the text says 7 March 2024, but its datetime 2024-03-05T23:30:00Z is Tuesday 5 March "
     f"2024 to Wednesday 6 March 2024 {ZONES}"),
    ("en", "2024-03-05T10:00:00+09:00", "March 4, 2024", None),  # UTC-12
    ("de", "2024-03-05T23:30:00Z", "6. März 2024, 08:30", None),  # UTC+9
    ("de", "2024-03-05T23:30:00Z", "6. März 2024, 23:30",
     "the text says 6 March 2024 23:30, but its datetime 2024-03-05T23:30:00Z is Tuesday 5 "
     f"March 2024 to Wednesday 6 March 2024 {ZONES}, and in none at the time shown"),
    ("en", "2024-03-05T23:30:00+01:00", "Mar 5, 2024 10:30 PM", None),
    ("en", "2024-03-05T23:30:00+01:00", "Mar 5, 2024 10:15 PM",  # no zone is 15 minutes off
     "the text says 5 March 2024 22:15, but its datetime 2024-03-05T23:30:00+01:00 is Tuesday "
     f"5 March 2024 to Wednesday 6 March 2024 {ZONES}, and in none at the time shown"),
    ("ne", "2024-03-05T18:15:00Z", "२०२४ मार्च ६, ००:००", None),  # Nepal, UTC+5:45
    ("ko", "2024-03-05T15:00:00+09:00", "2024. 3. 5. 오후 3:00", None),
    ("de", "2024-03-05", "6. März 2024", f"the text says 6 March 2024, but {MARCH_5}"),
    # a yearless datetime (as l10n render writes a dateline without a year)
    ("es", "05-18", "18 may", None),
    ("es", "--05-18", "19 may", "the text says 19 May, but its datetime --05-18 is 18 May"),
]


@pytest.mark.parametrize(("locale", "value", "text", "message"), TABLE,
                         ids=[f"{loc}-{text}" for loc, _, text, _ in TABLE])
def test_time_table(locale: str, value: str, text: str, message: str | None) -> None:
    assert time_mismatch(value, text, [locale]) == message


def test_the_table_covers_the_brief() -> None:
    locales = {loc.split("_")[0] for loc, *_ in TABLE}
    assert len(TABLE) >= 30 and len(locales) >= 10
    assert {"ar", "fa", "hi", "bn", "my"} <= locales  # other digits
    assert sum(message is not None for *_, message in TABLE) >= 15


@pytest.mark.parametrize(("text", "locale", "readings"), [
    ("Tuesday, March 5, 2024", "en", (ShownDate(2024, 3, 5, 1),)),
    ("5 марта 2024 г., 10:00", "ru", (ShownDate(2024, 3, 5, None, ((10, 0),)),)),
    ("3/4/24", "en", (ShownDate(24, 3, 4, year_digits=2), ShownDate(24, 4, 3, year_digits=2))),
    ("10:30, 5 Mar", "en", (ShownDate(None, 3, 5, None, ((10, 30), (22, 30))),)),
    ("Dienstag", "de", (ShownDate(weekday=1),)),
    ("2024", "en", (ShownDate(2024),)),
    ("Today, 10:30", "en", ()),
    ("vor 3 Tagen", "de", ()),
    ("2023年十一月十九", "zh", ()),  # a lunar date
    ("12.11", "da", ()),  # a Danish time, or a day and month: not judged
])
def test_readings(text: str, locale: str, readings: tuple[ShownDate, ...]) -> None:
    assert read_shown_date(text, locale) == readings


def test_a_datetime_that_is_no_date_is_not_judged() -> None:
    assert [time_mismatch(v, "5 March 2024", ["en"])
            for v in ("PT2H", "10:30", "Wed May 04 2022", "2024-13-40", "0000-01-01T17:00",
                      "02-30")] == [None] * 6


# -- the Intl oracle ------------------------------------------------------------------------

ORACLE_LOCALES = ["en", "en-GB", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs",
                  "tr", "el", "he", "ar", "ar-EG", "fa-u-ca-gregory", "hi-u-nu-deva", "bn",
                  "my", "th", "ja", "zh", "zh-TW", "ko", "vi", "hu", "lt", "fi", "sv", "da",
                  "nb", "ca", "ro", "id", "sr", "bg", "hr", "ka", "hy", "ta", "ur", "sw",
                  "fil", "mr", "ne"]
ORACLE_OPTIONS = {
    "full": {"dateStyle": "full"},
    "long": {"dateStyle": "long"},
    "medium": {"dateStyle": "medium"},
    "short": {"dateStyle": "short"},
    "weekday-day-month": {"weekday": "long", "day": "numeric", "month": "long"},
    "day-month": {"day": "numeric", "month": "short"},
    "month-year": {"month": "long", "year": "numeric"},
    "numeric-day-month": {"day": "numeric", "month": "numeric"},
    "short-weekday": {"weekday": "short", "day": "numeric", "month": "short", "year": "numeric"},
}
ORACLE_DATES = [date(2024, 3, 5), date(2023, 12, 31), date(2025, 1, 1), date(2024, 2, 29),
                date(2024, 11, 12)]
ORACLE_ZONES = ["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kolkata", "Asia/Kathmandu",
                "America/Los_Angeles", "Asia/Tokyo"]
INSTANT = "2024-03-05T23:30:00Z"
# Shown by Intl, and rightly not judged (always, or where ambiguous): a day and a month in
# numbers, or with a two-digit year, where another calendar's dates look the same (fa, ar,
# ur), and Danish "12.11" (a time there too).
ORACLE_UNJUDGED = {("ar", "numeric-day-month"), ("ar-EG", "numeric-day-month"),
                   ("fa-u-ca-gregory", "numeric-day-month"), ("ur", "numeric-day-month"),
                   ("ur", "short"), ("da", "numeric-day-month")}
# Other calendars (Intl's default in fa, th; asked for elsewhere): never a finding.
CALENDAR_LOCALES = ["fa", "ps", "ar-SA", "he-u-ca-hebrew", "ja-u-ca-japanese", "zh-TW-u-ca-roc",
                    "th", "ar-u-ca-islamic", "am-u-ca-ethiopic", "ur-u-ca-islamic"]


def _oracle_cases() -> list[dict]:
    cases = [{"id": f"{loc}|{name}|{day}", "locale": loc, "options": options,
              "instant": f"{day}T12:00:00Z", "timeZone": "UTC"}
             for loc in (*ORACLE_LOCALES, *CALENDAR_LOCALES)
             for name, options in ORACLE_OPTIONS.items() for day in ORACLE_DATES]
    cases += [{"id": f"{loc}|zone|{zone}", "locale": loc,
               "options": {"dateStyle": "long", "timeStyle": "short"}, "instant": INSTANT,
               "timeZone": zone} for loc in ORACLE_LOCALES for zone in ORACLE_ZONES]
    return cases


@pytest.fixture(scope="module")
def oracle() -> dict:
    """Every case shown by one run of Node (a missing node fails, never skips)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is required as the Intl test oracle (node not on PATH)")
    run = subprocess.run([node, str(NODE_SCRIPT)], input=json.dumps({"cases": _oracle_cases()}),
                         capture_output=True, text=True, encoding="utf-8", timeout=120,
                         check=False)
    if run.returncode != 0:
        pytest.fail(f"node oracle failed: {run.stderr}")
    return json.loads(run.stdout)


def _locale(tag: str) -> str:
    return tag.split("-u-")[0].replace("-", "_")


@pytest.mark.parametrize("tag", ORACLE_LOCALES)
def test_intl_dates_read_as_agreeing_and_a_shifted_date_as_not(oracle: dict, tag: str) -> None:
    wrong = []
    for name in ORACLE_OPTIONS:
        if (tag, name) in ORACLE_UNJUDGED:
            continue
        for day in ORACLE_DATES:
            text = oracle["results"][f"{tag}|{name}|{day}"]
            shifted = day + timedelta(days=40 if name == "month-year" else 1)
            agree = time_mismatch(str(day), text, [_locale(tag)])
            differ = time_mismatch(str(shifted), text, [_locale(tag)])
            if agree is not None or differ is None:
                wrong.append((name, str(day), text, agree, differ))
    assert wrong == []


@pytest.mark.parametrize("tag", ORACLE_LOCALES)
def test_intl_times_in_any_zone_agree_and_two_days_off_do_not(oracle: dict, tag: str) -> None:
    wrong = []
    for zone in ORACLE_ZONES:
        text = oracle["results"][f"{tag}|zone|{zone}"]
        if time_mismatch(INSTANT, text, [_locale(tag)]) is not None \
                or time_mismatch("2024-03-03T23:30:00Z", text, [_locale(tag)]) is None:
            wrong.append((zone, text))
    assert wrong == []


def test_the_unjudged_intl_cases_are_never_a_finding(oracle: dict) -> None:
    flagged = []
    for tag, name in sorted(ORACLE_UNJUDGED):
        for day in ORACLE_DATES:
            text = oracle["results"][f"{tag}|{name}|{day}"]
            if time_mismatch(str(day), text, [_locale(tag)]) is not None:
                flagged.append((tag, str(day), text))
    assert flagged == []


@pytest.mark.parametrize("tag", CALENDAR_LOCALES)
def test_other_calendars_are_never_a_finding(oracle: dict, tag: str) -> None:
    flagged = [(name, str(day), oracle["results"][f"{tag}|{name}|{day}"])
               for name in ORACLE_OPTIONS for day in ORACLE_DATES
               if time_mismatch(str(day), oracle["results"][f"{tag}|{name}|{day}"],
                                [_locale(tag)]) is not None]
    assert flagged == []


# -- pages: the check, the dateline, editions, every output ------------------------------------

def _page(lang: str, body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">{head}'
            f"<title>A story</title></head>\n<body><article><h1>A headline for the story</h1>\n"
            f"{body}\n</article></body></html>\n")


def _published(moment: str) -> str:
    return f'<meta property="article:published_time" content="{moment}">'


def _dates(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check_paths([str(tmp_path)], CheckOptions())
    return [(Path(f.path).relative_to(tmp_path).as_posix(), f.line, str(f.severity), f.text,
             f.message.replace(f"{tmp_path}/", "")) for f in report.findings
            if str(f.kind) == "date-mismatch"]


STORY = "<p>{dateline} The council met on the day and decided to rebuild the harbour wall.</p>"


@pytest.mark.parametrize(("dateline", "published", "message"), [
    ("TOKYO, March 5 (Reuters) -", "2024-03-05T10:00:00Z", None),
    ("TOKYO, March 5 (Reuters) -", "2024-03-06T03:00:00Z",
     "the dateline says 5 March, but the page was published 2024-03-06T03:00:00+00:00: "
     "Wednesday 6 March 2024 in Asia/Tokyo"),
    ("NEW YORK, March 5 (Reuters) -", "2024-03-06T03:00:00Z", None),  # 22:00 in New York
    ("WASHINGTON, March 5 (Reuters) -", "2024-03-06T10:00:00Z", None),  # no zone: UTC-12
    ("WASHINGTON, March 5 (Reuters) -", "2024-03-07T10:00:00Z",
     "the dateline says 5 March, but the page was published 2024-03-07T10:00:00+00:00: "
     "Wednesday 6 March 2024 to Friday 8 March 2024 in the time zones from UTC-12 to UTC+14"),
    ("TOKYO, March 5 (Reuters) -", "2024-03-06", None),  # a date: the publisher's zone unknown
    ("TOKYO, March 5 (Reuters) -", "2024-03-08",
     "the dateline says 5 March, but the page was published 2024-03-08: Thursday 7 March 2024 "
     "to Saturday 9 March 2024 in Asia/Tokyo"),
    ("LONDON (Reuters) -", "2024-03-09T10:00:00Z", None),  # no date
])
def test_dateline_against_publication(tmp_path: Path, dateline: str, published: str,
                                      message: str | None) -> None:
    found = _dates(tmp_path, {"story.html": _page("en", STORY.format(dateline=dateline),
                                                  _published(published))})
    assert found == ([] if message is None else
                     [("story.html", 4, "warning", dateline, message)])


def _edition(lang: str, other: str, dateline: str) -> str:
    head = f'<link rel="alternate" hreflang="{other}" href="../{other}/story.html">'
    return _page(lang, STORY.format(dateline=dateline), head)


@pytest.mark.parametrize(("english", "russian", "message"), [
    ("MOSCOW, March 5 (Reuters) -", "МОСКВА, 5 марта — РИА Новости.", None),
    ("MOSCOW, March 5 (Reuters) -", "КИЕВ, 5 марта — РИА Новости.",
     "the dateline names КИЕВ (Europe/Kyiv), but its edition en/story.html names MOSCOW "
     "(Europe/Moscow)"),
    ("MOSCOW, March 5 (Reuters) -", "МОСКВА, 6 марта — РИА Новости.",
     "the dateline says 6 March, but its edition en/story.html says 5 March"),
    # neither city is a CLDR exemplar: their spellings across scripts are not compared
    ("WASHINGTON, March 5 (Reuters) -", "ВАШИНГТОН, 5 марта — РИА Новости.", None),
])
def test_editions_datelines(tmp_path: Path, english: str, russian: str,
                            message: str | None) -> None:
    found = _dates(tmp_path, {"en/story.html": _edition("en", "ru", english),
                              "ru/story.html": _edition("ru", "en", russian)})
    assert found == ([] if message is None else
                     [("ru/story.html", 4, "error", russian, message)])


PLACES = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "dateline city"
msgid "Washington"
msgstr "Вашингтон"

msgctxt "dateline city"
msgid "New York"
msgstr "Нью-Йорк"
"""


@pytest.mark.parametrize(("russian", "message"), [
    ("ВАШИНГТОН, 5 марта — РИА Новости.", None),
    ("НЬЮ-ЙОРК, 5 марта — РИА Новости.",
     "the dateline names НЬЮ-ЙОРК, but its edition en/story.html names WASHINGTON (another "
     "city in the places catalogs)"),
])
def test_editions_cities_through_the_places_catalogs(tmp_path: Path, russian: str,
                                                     message: str | None) -> None:
    catalogs = tmp_path / "locales"
    (catalogs / "ru" / "LC_MESSAGES").mkdir(parents=True)
    (catalogs / "ru" / "LC_MESSAGES" / "places.po").write_text(PLACES, encoding="utf-8")
    pages = tmp_path / "pages"
    for lang, other, dateline in (("en", "ru", "WASHINGTON, March 5 (Reuters) -"),
                                  ("ru", "en", russian)):
        (pages / lang).mkdir(parents=True)
        (pages / lang / "story.html").write_text(_edition(lang, other, dateline),
                                                 encoding="utf-8")
    report = check_paths([str(pages)], CheckOptions(catalogs=str(catalogs)))
    found = [f.message.replace(f"{pages}/", "") for f in report.findings
             if str(f.kind) == "date-mismatch"]
    assert found == ([] if message is None else [message])


def test_pages_that_name_no_edition_are_not_compared(tmp_path: Path) -> None:
    found = _dates(tmp_path, {
        "en/story.html": _page("en", STORY.format(dateline="MOSCOW, March 5 (Reuters) -")),
        "ru/story.html": _page("ru", STORY.format(dateline="КИЕВ, 6 марта — РИА Новости."))})
    assert found == []


def test_editions_found_through_their_canonical_urls(tmp_path: Path) -> None:
    def page(lang: str, other: str, dateline: str) -> str:
        head = (f'<link rel="canonical" href="https://news.example/{lang}/story/">'
                f'<link rel="alternate" hreflang="{other}" '
                f'href="https://www.news.example/{other}/story">')
        return _page(lang, STORY.format(dateline=dateline), head)

    found = _dates(tmp_path, {"a.html": page("en", "ru", "MOSCOW, March 5 (Reuters) -"),
                              "b.html": page("ru", "en", "МОСКВА, 6 марта — РИА Новости.")})
    assert [(path, message) for path, _, _, _, message in found] == [
        ("b.html", "the dateline says 6 March, but its edition a.html says 5 March")]


TIME_PAGE = _page("de", '<p class="byline">Von Anna Berg, <time datetime="2024-03-05">'
                        "Mittwoch, 5. März 2024</time></p>\n<p>Der Rat hat am Dienstag "
                        "beschlossen, die Hafenmauer im Sommer neu zu bauen.</p>")
TIME_MESSAGE = ("the text says Wednesday 5 March 2024, but its datetime 2024-03-05 is Tuesday "
                "5 March 2024")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "l10n", "check", *args], capture_output=True,
                          cwd=cwd, text=True, check=False)


def test_text_json_sarif_and_github_outputs(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(TIME_PAGE, encoding="utf-8")
    text = _run("page.html", cwd=tmp_path)
    assert (text.returncode, text.stdout) == (1, (
        f"page.html:4:34: error date-mismatch: {TIME_MESSAGE}: 'Mittwoch, 5. März 2024'\n"
        "1 error, 0 warnings in 1 file\n"))
    [finding] = json.loads(_run("--format", "json", "page.html", cwd=tmp_path).stdout)["findings"]
    assert finding == {
        "path": "page.html", "line": 4, "column": 34, "attribute": None,
        "text": "Mittwoch, 5. März 2024", "kind": "date-mismatch", "severity": "error",
        "locale": "de", "detected": None, "confidence": None, "evidence": "pattern",
        "message": TIME_MESSAGE, "entry": None}
    sarif = json.loads(_run("--format", "sarif", "page.html", cwd=tmp_path).stdout)
    [run] = sarif["runs"]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "date-mismatch")
    assert rule["name"] == "DateMismatch"
    [result] = run["results"]
    assert (result["ruleId"], result["level"]) == ("date-mismatch", "error")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]] == rule
    github = _run("--format", "github", "page.html", cwd=tmp_path).stdout
    assert github.startswith("::error file=page.html,line=4,col=34,title=date-mismatch::")
    off = _run("--severity", "date-mismatch=off", "page.html", cwd=tmp_path)
    assert (off.returncode, off.stdout) == (0, "0 errors, 0 warnings in 1 file\n")


def test_in_the_preview_overlay(tmp_path: Path) -> None:
    from l10n.preview import make_app

    from .test_preview import LOCALES, call, notes_of

    page = tmp_path / "story.html"
    page.write_text(_page("en", '<p class="byline">By Anna Berg</p>\n<p class="date">'
                                '<time datetime="2024-03-05">Wednesday, March 5, 2024</time></p>'),
                    encoding="utf-8")
    body = call(make_app([str(page)], str(LOCALES)), "/page/0/de").body
    [finding] = [n for n in notes_of(body, "Wednesday, March 5, 2024") if n["type"] == "finding"]
    assert (finding["kind"], finding["severity"], finding["message"]) == (
        "date-mismatch", "error", "the text says Wednesday 5 March 2024, but its datetime "
        "2024-03-05 is Tuesday 5 March 2024")
    assert "date-mismatch (error, pattern): “Wednesday, March 5, 2024”" in body


def test_preview_renders_of_the_samples_have_no_date_mismatch() -> None:
    """Every sample rendered into every locale: the publication line and the dateline's
    ``<time>`` that l10n render writes (Babel's CLDR) read back as agreeing."""
    from l10n.preview import make_app
    from l10n.readers import parse_page

    from .conftest import SAMPLES
    from .test_preview import LOCALES

    site = make_app([str(SAMPLES)], str(LOCALES)).site
    times = found = 0
    for ref in site.pages:
        for view in site.views()[1:]:
            rendered = site.render(ref, view)
            times += len(parse_page(rendered.html, path="x.html").meta.times)
            found += sum(str(f.kind) == "date-mismatch" for f in rendered.findings)
    assert (times > 100, found) == (True, 0)


def test_the_time_is_read_in_its_own_lang(tmp_path: Path) -> None:
    body = ('<p>Der Rat hat am Dienstag beschlossen, die Hafenmauer neu zu bauen, sagte sie.</p>'
            '\n<p lang="en">Filed <time datetime="2024-03-05">Tuesday, 5/3/2024</time></p>')
    assert _dates(tmp_path, {"p.html": _page("de", body)}) == []  # d/M: British English
