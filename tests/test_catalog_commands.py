"""``l10n init``, ``compile`` and ``stats``, with GNU gettext as the oracle."""

from __future__ import annotations

import gettext
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.catalogs.compile import mo_bytes
from l10n.po import read_po

POT = """\
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: chrome\\n"
"POT-Creation-Date: 2010-05-18 15:30+0000\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. footer chrome
msgctxt "footer"
msgid "Newsfeed"
msgstr ""

msgctxt "button"
msgid "Subscribe"
msgstr ""

msgctxt "counter"
msgid "{count} comment"
msgid_plural "{count} comments"
msgstr[0] ""
msgstr[1] ""
"""


@pytest.fixture(autouse=True)
def _gettext_is_installed() -> None:
    assert shutil.which("msgfmt"), "GNU gettext is a test oracle: .ci/run installs it"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True, text=True,
                          cwd=cwd)


def _msgfmt_ok(path: Path) -> None:
    done = subprocess.run(["msgfmt", "-c", "--check-format", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("locale", "plural"),
    [("ru", "nplurals=3; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && "
            "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2);"),
     ("ja", "nplurals=1; plural=0;"), ("de", "nplurals=2; plural=(n != 1);"),
     ("ar", "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && "
            "n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);")],
)
def test_init_header_from_cldr(tmp_path: Path, locale: str, plural: str) -> None:
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "chrome.pot").write_text(POT, encoding="utf-8")
    done = run("init", "-l", locale, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    po = tmp_path / "locales" / locale / "LC_MESSAGES" / "chrome.po"
    assert done.stdout == f"locales/{locale}/LC_MESSAGES/chrome.po: created for {locale}\n"
    fields = read_po(po.read_bytes()).header_fields()
    assert fields["Language"] == locale
    assert fields["Plural-Forms"] == plural
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["X-Generator"].startswith("l10n ")
    assert fields["POT-Creation-Date"] == "2010-05-18 15:30+0000"
    catalog = read_po(po.read_bytes())
    counter = catalog.get("{count} comment", "counter")
    assert counter is not None and len(counter.msgstr_plural) == int(plural[9])
    assert not catalog.header.fuzzy  # type: ignore[union-attr]
    _msgfmt_ok(po)
    again = run("init", "-l", locale, cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == (f"l10n: locales/{locale}/LC_MESSAGES/chrome.po: catalog exists "
                            "already; use l10n update to bring it up to date (or --force to "
                            "start over)\n")


def test_init_rejects_unknown_locale(tmp_path: Path) -> None:
    done = run("init", "-l", "xx_QQ", cwd=tmp_path)
    assert (done.returncode, done.stderr.startswith("l10n: unknown locale 'xx_QQ'")) == (2, True)


TRANSLATED = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgctxt "footer"
msgid "Newsfeed"
msgstr "Лента новостей"

msgctxt "button"
msgid "Subscribe"
msgstr "Подписаться"

msgctxt "article"
msgid "Subscribe"
msgstr "Подписка"

#, fuzzy
msgid "Chats"
msgstr "Чаты"

msgid "Untranslated"
msgstr ""

msgctxt "counter"
msgid "{count} comment"
msgid_plural "{count} comments"
msgstr[0] "{count} комментарий"
msgstr[1] "{count} комментария"
msgstr[2] "{count} комментариев"

#~ msgid "Old"
#~ msgstr "Старое"
"""


def _catalog_dict(mo: Path) -> dict[object, str]:
    with mo.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


@pytest.mark.parametrize("use_fuzzy", [False, True])
def test_compile_equals_msgfmt(tmp_path: Path, use_fuzzy: bool) -> None:
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "chrome.po"
    po.parent.mkdir(parents=True)
    po.write_text(TRANSLATED, encoding="utf-8")
    flags = ["--use-fuzzy"] if use_fuzzy else []
    done = run("compile", *flags, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fuzzy_note = "" if use_fuzzy else ", 1 fuzzy left out"
    assert done.stdout == (f"locales/ru/LC_MESSAGES/chrome.mo: {5 if use_fuzzy else 4} "
                           f"messages{fuzzy_note}\n")
    oracle = tmp_path / "oracle.mo"
    subprocess.run(["msgfmt", *(["--use-fuzzy"] if use_fuzzy else []), "-o", str(oracle),
                    str(po)], check=True)
    ours = _catalog_dict(po.with_suffix(".mo"))
    assert ours == _catalog_dict(oracle)
    assert ours["footer\x04Newsfeed"] == "Лента новостей"
    assert ours[("counter\x04{count} comment", 2)] == "{count} комментариев"
    assert ("Chats" in ours) is use_fuzzy
    # Read for its translations alone, the catalog compiles to the bytes its full reading gives.
    full = mo_bytes(read_po(po.read_bytes(), path=str(po)), use_fuzzy=use_fuzzy)[0]
    assert po.with_suffix(".mo").read_bytes() == full


LEGACY = """\
msgid ""
msgstr ""
"Language: {locale}\\n"
"Content-Type: text/plain; charset={charset}\\n"

msgid "{a}"
msgstr "{a_t}"

msgctxt "price"
msgid "{b}"
msgstr "{b_t}"

msgid "{c}"
msgstr "{c_t}"
"""


def _mo_keys(mo: Path) -> list[bytes]:
    """The keys of a .mo file in its table's order (the runtime's binary search needs them
    sorted by their bytes)."""
    import struct

    data = mo.read_bytes()
    count, start = struct.unpack_from("<2i", data, 8)
    keys = []
    for index in range(count):
        size, offset = struct.unpack_from("<2i", data, start + 8 * index)
        keys.append(data[offset:offset + size])
    return keys


@pytest.mark.parametrize(("locale", "charset", "strings"), [
    ("fr", "ISO-8859-1", dict(a="Home", a_t="Accueil", b="Été", b_t="Été bis", c="Zone",
                              c_t="Zone Ü")),
    # cp1252 puts € at 0x80, below ‘é’ (0xE9), where code points put it above.
    ("de", "CP1252", dict(a="€ price", a_t="€ Preis", b="é", b_t="é", c="über", c_t="über")),
    ("ru", "KOI8-R", dict(a="Новости", a_t="Новости", b="Цена", b_t="Цена", c="я", c_t="я")),
])
def test_compile_keeps_a_legacy_charset(tmp_path: Path, locale: str, charset: str,
                                        strings: dict[str, str]) -> None:
    """A catalog in a legacy charset compiles to a .mo in that charset, as msgfmt's: the
    header names it and readers decode by it; keys sorted by their bytes."""
    po = tmp_path / "locales" / locale / "LC_MESSAGES" / "chrome.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(LEGACY.format(locale=locale, charset=charset, **strings).encode(charset))
    done = run("compile", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    mo = po.with_suffix(".mo")
    oracle = tmp_path / "oracle.mo"
    subprocess.run(["msgfmt", "-o", str(oracle), str(po)], check=True)

    def entries(path: Path) -> list[str]:  # msgunfmt's reading, the header apart
        text = subprocess.run(["msgunfmt", str(path)], capture_output=True, check=True).stdout
        return text.decode(charset).split("\n\n")[1:]

    assert entries(mo) == entries(oracle)
    assert _catalog_dict(mo) == _catalog_dict(oracle)
    assert _catalog_dict(mo)[f"price\x04{strings['b']}"] == strings["b_t"]
    keys = _mo_keys(mo)
    assert keys == sorted(keys)
    assert keys == _mo_keys(oracle)


def test_compile_reports_placeholder_errors_and_writes_nothing(tmp_path: Path) -> None:
    po = tmp_path / "locales" / "de" / "LC_MESSAGES" / "chrome.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Hello {name}"\nmsgstr "Hallo {nom}"\n', encoding="utf-8")
    done = run("compile", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == ("l10n: locales/de/LC_MESSAGES/chrome.po:6: placeholders [{nom}] "
                           "differ from the msgid's [{name}]\n")
    assert not po.with_suffix(".mo").exists()


def test_stats_text_and_json(tmp_path: Path) -> None:
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "chrome.po"
    po.parent.mkdir(parents=True)
    po.write_text(TRANSLATED, encoding="utf-8")
    data = json.loads(run("stats", "--format", "json", cwd=tmp_path).stdout)
    assert data == {"catalogs": [{
        "locale": "ru", "domain": "chrome", "path": "locales/ru/LC_MESSAGES/chrome.po",
        "translated": 4, "fuzzy": 1, "untranslated": 1, "obsolete": 1, "words": 6,
        "translated_words": 4, "percent": 66.7}]}
    text = run("stats", cwd=tmp_path).stdout.splitlines()
    assert text[1].split() == ["ru", "chrome", "4", "1", "1", "1", "6", "66.7%"]
