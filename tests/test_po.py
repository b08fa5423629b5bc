"""Tests for l10n.po: lossless round trips and byte equality with GNU gettext.

GNU gettext's msgcat and msgfmt are the oracle. Tests that need them fail, never skip, when
they are missing, so a green run always means "checked against GNU".
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import random
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages import pofile as babel_pofile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalogs.compile import mo_bytes
from l10n.errors import CatalogError
from l10n.po import Catalog, Message, format_message, read_po, write_po
from l10n.po.read import _Parser
from l10n.po.scan import scan_po

PO_DIR = Path(__file__).resolve().parent / "data" / "po"
FIXTURES = sorted(PO_DIR.glob("*.po"))
# GNU refuses these (a duplicate definition, a byte order mark); read_po keeps them whole.
GNU_REJECTS = {"duplicates.po", "bom.po"}
GNU_ACCEPTS = [p for p in FIXTURES if p.name not in GNU_REJECTS]
GNU_ENV = {**os.environ, "LC_ALL": "C.UTF-8"}


@pytest.fixture(scope="session")
def gnu() -> None:
    """Require GNU gettext's msgcat and msgfmt on PATH."""
    for tool in ("msgcat", "msgfmt"):
        assert shutil.which(tool), f"{tool} (GNU gettext) is the test oracle; install gettext"


def msgcat(path: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    """Run msgcat on one file; it keeps input order and the header, and adds nothing."""
    return subprocess.run(
        ["msgcat", "--width=79", *options, str(path)], capture_output=True, env=GNU_ENV
    )


def rebuild(message: Message) -> Message:
    """A copy of a parsed message made from its fields only, without its source text."""
    return Message(
        msgid=message.msgid,
        msgstr=message.msgstr,
        msgctxt=message.msgctxt,
        msgid_plural=message.msgid_plural,
        msgstr_plural=message.msgstr_plural,
        translator_comments=message.translator_comments,
        extracted_comments=message.extracted_comments,
        references=message.references,
        flags=message.flags,
        previous_msgctxt=message.previous_msgctxt,
        previous_msgid=message.previous_msgid,
        previous_msgid_plural=message.previous_msgid_plural,
        obsolete=message.obsolete,
    )


def fixture(name: str) -> Catalog:
    """The parsed catalog of one fixture file."""
    path = PO_DIR / name
    return read_po(path.read_bytes(), str(path))


# --------------------------------------------------------------------------- fixtures


def test_fixtures_cover_the_format() -> None:
    """The fixture set holds every case the module promises to handle."""
    names = {p.name for p in FIXTURES}
    assert names >= {
        "plural_ru.po",
        "plural_ar.po",
        "plural_ja_cjk.po",
        "obsolete.po",
        "escapes.po",
        "long_lines.po",
        "scripts.po",
        "latin1.po",
        "crlf.po",
        "no_final_newline.po",
        "layout.po",
        "duplicates.po",
        "bom.po",
    }
    nplurals = {
        name: fixture(name).header_fields()["Plural-Forms"].split(";")[0]
        for name in ("plural_ru.po", "plural_ar.po", "plural_ja_cjk.po")
    }
    assert nplurals == {
        "plural_ru.po": "nplurals=3",
        "plural_ar.po": "nplurals=6",
        "plural_ja_cjk.po": "nplurals=1",
    }


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_round_trip_is_byte_identical(path: Path) -> None:
    data = path.read_bytes()
    assert write_po(read_po(data, str(path))) == data


@pytest.mark.parametrize("path", GNU_ACCEPTS, ids=lambda p: p.name)
def test_rebuilt_fixture_equals_msgcat(gnu: None, path: Path) -> None:
    """Entries rebuilt from parsed fields render exactly as msgcat writes the file."""
    data = path.read_bytes()
    catalog = read_po(data, str(path))
    rebuilt = Catalog(messages=[rebuild(m) for m in catalog.messages], encoding=catalog.encoding)
    assert all(m.source is None for m in rebuilt.messages)
    result = msgcat(path)
    assert result.returncode == 0, result.stderr.decode()
    expected = result.stdout
    if b"\r\n" in data:
        # GNU keeps the CR of a CRLF comment line as part of the comment text and writes
        # it back; read_po treats CRLF as a line ending, so compare with LF endings.
        expected = expected.replace(b"\r\n", b"\n")
    assert write_po(rebuilt) == expected


@pytest.mark.parametrize("name", sorted(GNU_REJECTS))
def test_gnu_rejects_what_read_po_keeps(gnu: None, name: str) -> None:
    assert msgcat(PO_DIR / name).returncode != 0
    catalog = fixture(name)
    assert write_po(catalog) == (PO_DIR / name).read_bytes()


@pytest.mark.parametrize("path", GNU_ACCEPTS, ids=lambda p: p.name)
def test_msgfmt_accepts_written_fixture(gnu: None, path: Path, tmp_path: Path) -> None:
    catalog = read_po(path.read_bytes(), str(path))
    canonical = Catalog(messages=[rebuild(m) for m in catalog.messages], encoding=catalog.encoding)
    for label, data in (("round trip", write_po(catalog)), ("canonical", write_po(canonical))):
        target = tmp_path / f"{label}.po"
        target.write_bytes(data)
        result = subprocess.run(
            ["msgfmt", "-c", "--check-format", "-o", os.devnull, str(target)],
            capture_output=True,
            env=GNU_ENV,
        )
        assert result.returncode == 0, f"{label}: {result.stderr.decode()}"


# --------------------------------------------------------------------------- generated strings

_WORDS = (
    *("the", "a", "news", "article", "published", "editor", "x", "I", "to", "of"),
    *("extraordinarily", "internationalization", "https://example.org/path/to/page?x=1"),
    *("y" * 90, "z" * 40, "e.g.", "3.14", "1,000", "10%", "$5", "№1", "°C", "1990–2000"),
    *("(note)", "[1]", "{x}", "<b>", "</b>", "'s", '"quoted"', "«guillemets»", "“curly”"),
    *("well-known", "—", "–", "-", "--", "/", "\\", "…", "!", "?", ";", ":", ",", "."),
    *("\n", "\t", "\n\n", " ", "  ", "\u00a0", "\u200b"),
    *("日本語", "新聞", "記事を読む", "「引用」", "（注）", "。", "、", "ー", "ぁ", "っ", "ゃ"),
    *("カタカナ", "ニュース", "！", "？", "：", "《书名》", "中华人民共和国", "한국어", "기사"),
    *("Привет", "новости", "Ελληνικά", "ειδήσεις", "مرحبا", "الأخبار،", "؟", "שלום", "חדשות"),
    *("नमस्ते", "समाचार।", "ﬁ", "é", "\u0301", "😀", "🇫🇷"),
    *("%s", "%d", "%(name)s", "%(count)d", "% d", "%%", "{name}", "{0:>10}", "{count}"),
)
_FLAG_CHOICES = ("", "", "", "python-format", "c-format", "python-brace-format", "no-wrap")


def _random_text(rng: random.Random, most: int) -> str:
    return "".join(
        rng.choice(_WORDS) + rng.choice(("", " ", " ", "")) for _ in range(rng.randint(0, most))
    )


def _random_message(rng: random.Random, n: int, obsolete: bool) -> Message:
    flags = tuple(f for f in (rng.choice(_FLAG_CHOICES),) if f)
    if rng.random() < 0.2:
        flags = ("fuzzy", *flags)
    plural = rng.random() < 0.2
    previous = _random_text(rng, 20) if rng.random() < 0.25 else None
    return Message(
        msgid=f"{_random_text(rng, 30)} #{n}",
        msgstr="" if plural else _random_text(rng, 40) + ".",
        msgctxt=_random_text(rng, 5) if rng.random() < 0.2 else None,
        msgid_plural=_random_text(rng, 30) if plural else None,
        msgstr_plural=tuple(_random_text(rng, 30) + "." for _ in range(rng.randint(1, 6)))
        if plural
        else (),
        flags=flags,
        previous_msgid=previous,
        previous_msgctxt="old" if previous is not None and rng.random() < 0.3 else None,
        translator_comments=("checked",) if rng.random() < 0.2 else (),
        extracted_comments=("TRANSLATORS: keep it short",) if rng.random() < 0.2 else (),
        references=tuple(
            f"l10n/templates/page_{rng.randint(0, 99)}.html:{rng.randint(1, 999)}"
            for _ in range(rng.randint(0, 9))
        ),
        obsolete=obsolete,
    )


def generated_catalog(seed: int, size: int) -> Catalog:
    rng = random.Random(seed)
    header = Message(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    # GNU writes obsolete entries last, so they are generated last.
    messages = [_random_message(rng, n, obsolete=n >= size * 0.85) for n in range(size)]
    return Catalog(messages=[header, *messages])


@pytest.mark.parametrize("width", [79, 50])
def test_generated_strings_wrap_like_msgcat(gnu: None, tmp_path: Path, width: int) -> None:
    """msgcat rewraps our output, and an unwrapped copy of it, into the very same bytes."""
    catalog = generated_catalog(seed=20240301 + width, size=400)
    ours = write_po(catalog, width=width)
    for label, data in (("wrapped", ours), ("unwrapped", write_po(catalog, width=100_000))):
        source = tmp_path / f"{label}.po"
        source.write_bytes(data)
        result = msgcat(source, f"--width={width}")
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode() == ours.decode(), label


# --------------------------------------------------------------------------- malformed input

MALFORMED = {
    "unterminated string": ('msgid "ok"\nmsgstr "ok"\n\nmsgid "open\nmsgstr ""\n', 4),
    "msgstr without msgid": ('msgid "a"\nmsgstr "b"\n\nmsgstr "orphan"\n', 4),
    "bad escape": ('msgid "a"\nmsgstr "b\\qc"\n', 2),
    "garbage keyword": ('msgid "a"\nmsgstr "b"\n\nmsgfoo "c"\n', 4),
    "msgstr[1] without msgid_plural": ('msgid "a"\nmsgstr[0] "b"\nmsgstr[1] "c"\n', 2),
    "msgid without msgstr": ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 1),
    "plural msgstr out of order": (
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n',
        4,
    ),
    "plain msgstr in a plural entry": ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 3),
    "text after a string": ('msgid "a" junk\nmsgstr "b"\n', 1),
    "string without keyword": ('\n"floating"\nmsgid "a"\nmsgstr ""\n', 2),
    "keyword without string": ('msgid "a"\nmsgstr\n\nmsgid "b"\nmsgstr "c"\n', 2),
    "comment inside an entry": ('msgid "a"\n# note\nmsgstr "b"\n', 1),
    "mixed obsolete entry": ('#~ msgid "a"\nmsgstr "b"\n', 2),
}


@pytest.mark.parametrize("text,line", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_input_names_its_line(text: str, line: int) -> None:
    with pytest.raises(CatalogError) as caught:
        read_po(text.encode(), "bad.po")
    assert caught.value.path == "bad.po"
    assert caught.value.line == line
    assert str(caught.value).startswith(f"bad.po:{line}: ")


def test_undecodable_bytes_name_their_line() -> None:
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "caf\xe9"\n'
    with pytest.raises(CatalogError) as caught:
        read_po(data + b'msgstr ""\n', "latin.po")
    assert caught.value.line == 4


def test_unknown_charset_is_reported() -> None:
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=NOPE-42\\n"\n'
    with pytest.raises(CatalogError, match="NOPE-42"):
        read_po(data, "odd.po")


# --------------------------------------------------------------------------- why this module


def test_polib_and_babel_lose_what_read_po_keeps() -> None:
    """polib drops #~| lines; Babel turns #| into a comment and swallows a fuzzy entry."""
    data = (PO_DIR / "obsolete.po").read_bytes()
    text = data.decode()
    assert "\n#~| msgid" in text and "\n#| msgid" in text

    polib_out = str(polib.pofile(text))
    assert "#~|" not in polib_out

    babel_catalog = babel_pofile.read_po(io.BytesIO(data))
    babel_buffer = io.BytesIO()
    babel_pofile.write_po(babel_buffer, babel_catalog, width=79)
    babel_out = babel_buffer.getvalue().decode()
    assert "\n#| msgid" not in babel_out and "\n# | msgid" in babel_out
    # The active fuzzy entry just before an obsolete "#~|" entry becomes obsolete.
    assert "Related stories" in babel_catalog.obsolete
    assert babel_catalog.get("Related stories") is None

    catalog = read_po(data, "obsolete.po")
    assert write_po(catalog) == data
    related = catalog.get("Related stories")
    assert related is not None and related.previous_msgid == "Related articles"
    plural = next(m for m in catalog if m.msgid == "%d image")
    assert plural.obsolete and plural.previous_msgid_plural == "%d photos"


# --------------------------------------------------------------------------- property

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)
_FLAGS = ("fuzzy", "c-format", "python-format", "python-brace-format", "range: 1..9", "no-wrap")


@st.composite
def messages(draw: st.DrawFn) -> Message:
    plural = draw(st.booleans())
    previous = draw(st.none() | _TEXT)
    flags = draw(st.sets(st.sampled_from(_FLAGS)))
    return Message(
        msgid=draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1)),
        msgstr="" if plural else draw(_TEXT),
        msgctxt=draw(st.none() | _TEXT),
        msgid_plural=draw(_TEXT) if plural else None,
        msgstr_plural=tuple(draw(st.lists(_TEXT, min_size=1, max_size=6))) if plural else (),
        translator_comments=tuple(draw(st.lists(_LINE, max_size=3))),
        extracted_comments=tuple(draw(st.lists(_LINE, max_size=2))),
        references=tuple(
            f"src/{name}.py:{line}"
            for name, line in draw(
                st.lists(
                    st.tuples(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.integers(1, 9999)),
                    max_size=12,
                    unique=True,
                )
            )
        ),
        flags=tuple(f for f in _FLAGS if f in flags),
        previous_msgctxt=draw(st.none() | _TEXT) if previous is not None else None,
        previous_msgid=previous,
        previous_msgid_plural=draw(st.none() | _TEXT) if previous is not None else None,
        obsolete=draw(st.booleans()),
    )


@settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(messages(), max_size=8), st.sampled_from([79, 40, 200]))
def test_write_then_read_gives_the_same_fields(items: list[Message], width: int) -> None:
    catalog = Catalog(messages=items)
    data = write_po(catalog, width=width)
    again = read_po(data)
    assert again.messages == catalog.messages
    assert write_po(again, width=width) == data


# --------------------------------------------------------------------------- behaviour


def test_changed_entry_is_rerendered_and_the_rest_kept() -> None:
    path = PO_DIR / "layout.po"
    data = path.read_text()
    catalog = read_po(data, str(path))
    index = next(i for i, m in enumerate(catalog.messages) if m.msgid == "Read more")
    original = catalog.messages[index]
    source_entry = (
        "# A stray note left by a translator between entries.\n"
        "\n"
        "#: l10n/templates/article.html:5\n"
        'msgid "Read more"\n'
        'msgstr "Lees verder"\n'
    )
    assert source_entry in data

    catalog.messages[index] = dataclasses.replace(original, msgstr="Verder lezen", flags=("fuzzy",))
    # Only the changed entry is rendered anew, canonically: its stray comment joins it.
    canonical_entry = (
        "# A stray note left by a translator between entries.\n"
        "#: l10n/templates/article.html:5\n"
        "#, fuzzy\n"
        'msgid "Read more"\n'
        'msgstr "Verder lezen"\n'
    )
    assert write_po(catalog).decode() == data.replace(source_entry, canonical_entry)

    catalog.messages[index] = dataclasses.replace(original)
    assert write_po(catalog).decode() == data


def test_changed_entry_keeps_crlf() -> None:
    catalog = fixture("crlf.po")
    assert catalog.newline == "\r\n"
    catalog.messages[1] = dataclasses.replace(catalog.messages[1], msgstr="Seguir leyendo")
    out = write_po(catalog)
    assert b'msgstr "Seguir leyendo"\r\n' in out
    assert b"\n" not in out.replace(b"\r\n", b"")


def test_appended_entries_are_separated_even_without_final_newline() -> None:
    catalog = fixture("no_final_newline.po")
    catalog.messages.append(Message(msgid="New", msgstr="Nuovo", references=("a.py:1",)))
    out = write_po(catalog).decode()
    assert out.endswith(
        'msgstr "Condividi questo articolo"\n\n#: a.py:1\nmsgid "New"\nmsgstr "Nuovo"\n'
    )


def test_bom_latin1_and_escapes_are_decoded() -> None:
    bom = fixture("bom.po")
    assert bom.bom and bom.messages[0].msgid == ""
    latin1 = fixture("latin1.po")
    assert latin1.encoding == "ISO-8859-1"
    assert latin1.get("Privacy & cookies").msgstr.startswith("Confidentialité")
    escapes = fixture("escapes.po")
    octal = next(m for m in escapes if m.msgid.startswith("Octal"))
    assert octal.msgid == "Octal ABC and hex DEF spell letters; é is é in UTF-8."
    controls = next(m for m in escapes if m.msgid.startswith("Carriage"))
    assert controls.msgid == "Carriage\rreturn, form\ffeed, vertical\vtab, bell\a and backspace\b."


def test_parsed_fields() -> None:
    catalog = fixture("plural_ru.po")
    assert catalog.header is catalog.messages[0]
    assert catalog.header_fields()["Language"] == "ru"
    byline = catalog.get("Written by %(author)s, %(date)s", msgctxt="byline")
    assert byline is not None
    assert byline.fuzzy and not byline.is_translated
    assert byline.flags == ("fuzzy", "python-format")
    assert byline.previous_msgctxt == "byline"
    assert byline.previous_msgid_plural == "By %(author)s and others on %(date)s"
    assert len(byline.msgstr_plural) == 3
    read_more = catalog.get("Read more")
    assert read_more is not None and read_more.is_translated
    assert read_more.extracted_comments == ("TRANSLATORS: link at the end of an article teaser.",)
    assert len(read_more.references) == 6
    assert (
        read_more.lineno
        == (PO_DIR / "plural_ru.po").read_text().splitlines().index('msgid "Read more"') + 1
    )
    homes = [m for m in catalog if m.msgid == "Home"]
    assert [m.key for m in homes] == [("navigation", "Home"), ("article", "Home")]
    obsolete = [m for m in catalog if m.obsolete]
    assert [m.msgctxt for m in obsolete] == [None, "navigation", "article"]
    assert obsolete[0].msgid_plural == "%(count)d readers online"
    assert obsolete[2].previous_msgid == "Print this page"


def test_duplicates_are_kept() -> None:
    catalog = fixture("duplicates.po")
    assert [m.msgid for m in catalog] == ["", "Read more", "Save", "Read more", "Save"]
    assert catalog.duplicates() == [(None, "Read more"), ("button", "Save")]
    assert catalog.by_key()[(None, "Read more")].msgstr == "Ler mais"


def test_layout_details_survive() -> None:
    catalog = fixture("layout.po")
    assert catalog.trailer == "\n# A trailing comment that belongs to no entry.\n"
    photos = catalog.get("One photo")
    assert photos is not None and photos.msgstr_plural == ("Eén foto", "%d foto's")
    read_more = catalog.get("Read more")
    assert read_more.translator_comments == ("A stray note left by a translator between entries.",)
    separate = next(m for m in catalog if m.msgid.startswith("Keyword"))
    assert separate.msgstr.startswith("Trefwoord en tekst")
    assert catalog.get("Many short pieces joined") is not None


def test_canonical_rendering_rules() -> None:
    """A few of GNU's rules spelled out (the oracle tests cover them all)."""
    message = Message(
        msgid="Hello",
        msgstr="",
        flags=("python-format", "fuzzy", "my-flag"),
        references=("./a.py:1", "a.py:1", "./a.py:1", "b.py:2"),
        translator_comments=("", " indented"),
        extracted_comments=("",),
        previous_msgid="Hi",
        obsolete=True,
    )
    assert format_message(message) == (
        "#\n"
        "#  indented\n"
        "#.\n"
        "#: a.py:1 a.py:1 b.py:2\n"
        "#, fuzzy, python-format, my-flag\n"
        '#~| msgid "Hi"\n'
        '#~ msgid "Hello"\n'
        '#~ msgstr ""\n'
    )
    long = Message(msgid="word " * 20, msgstr="語" * 50)
    assert format_message(long) == (
        'msgid ""\n'
        '"word word word word word word word word word word word word word word word "\n'
        '"word word word word word "\n'
        'msgstr ""\n'
        f'"{"語" * 38}"\n'
        f'"{"語" * 12}"\n'
    )
    with pytest.raises(ValueError):
        format_message(Message(msgid="a", msgstr_plural=("x",)))


def test_unwritable_character_is_reported() -> None:
    catalog = fixture("latin1.po")
    catalog.messages.append(Message(msgid="Tokyo", msgstr="東京"))
    with pytest.raises(CatalogError, match="UTF-8"):
        write_po(catalog)


# --------------------------------------------------------------------------- the fast path

ROOT = Path(__file__).resolve().parent.parent


def _both(text: str) -> tuple[Catalog | None, Catalog]:
    """The catalog in ``text`` by the fast path (None when it declines) and line by line."""
    return scan_po(text, "utf-8"), _Parser(text, "<test>", "utf-8").parse()


def _everything(catalog: Catalog) -> tuple[object, ...]:
    """What a catalog holds, the source text and positions of its entries included."""
    return (
        [(m, m.lineno, m.source) for m in catalog.messages],
        catalog.trailer, catalog.newline, catalog.encoding,
    )


def test_fast_path_reads_what_gnu_writes_as_the_line_parser_does() -> None:
    """Every fixture and shipped catalog the fast path takes reads as the line-by-line
    parser reads it; it takes every file GNU or l10n wrote."""
    taken = 0
    for path in [*FIXTURES, *sorted((ROOT / "locales").rglob("*.po*"))]:
        text = path.read_bytes().decode("utf-8", "surrogateescape").removeprefix("\ufeff")
        fast, slow = _both(text)
        if fast is not None:
            taken += 1
            assert _everything(fast) == _everything(slow), path
        else:
            assert path.parent == PO_DIR, f"{path}: written by l10n, declined by the fast path"
    assert taken > 40


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_path_reads_generated_catalogs_as_the_line_parser_does(seed: int) -> None:
    text = write_po(generated_catalog(seed=seed, size=300)).decode("utf-8")
    fast, slow = _both(text)
    assert fast is not None
    assert _everything(fast) == _everything(slow)


@settings(derandomize=True, max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(messages(), max_size=8), st.sampled_from([79, 40]),
       st.sampled_from(["", "\n", "\n\n"]))
def test_fast_path_agrees_with_the_line_parser(items: list[Message], width: int,
                                                trailer: str) -> None:
    """Written catalogs (escapes, continuation lines, plurals, obsolete and previous
    strings) read the same both ways, and a file the fast path declines is still read."""
    text = write_po(Catalog(messages=items, trailer=trailer), width=width).decode("utf-8")
    fast, slow = _both(text)
    if fast is not None:
        assert _everything(fast) == _everything(slow)
    assert read_po(text).messages == slow.messages


@pytest.mark.parametrize("text", [
    '#. note\n#: a.py:1\n#, c-format\nmsgctxt "c"\nmsgid "%d a"\nmsgid_plural "%d as"\n'
    'msgstr[0] "%d b"\nmsgstr[1] "%d bs"\n\nmsgid "x"\nmsgstr "y"\n',
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\n"d"\n',  # a continuation
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c\\n"\n',  # an escape
    "".join(f'msgstr[{n}] "f{n}"\n' for n in range(12)).join(
        ['msgid "a"\nmsgid_plural "as"\n', '']),  # more forms than one digit numbers
], ids=["one-line-plural", "continued-form", "escaped-form", "twelve-forms"])
def test_fast_path_reads_plural_entries_as_the_line_parser_does(text: str) -> None:
    fast, slow = _both(text)
    assert fast is not None
    assert _everything(fast) == _everything(slow)
    assert [len(m.msgstr_plural) for m in fast.messages if m.msgid_plural] == [
        12 if "msgstr[11]" in text else 2]


@pytest.mark.parametrize("text", [
    'msgid "a"\nmsgstr "b"',  # no final newline
    'msgid "a"\r\nmsgstr "b"\r\n',  # CRLF
    'msgid "a"\nmsgstr "\\303\\251"\n',  # escaped bytes
    '#. x\n# y\nmsgid "a"\nmsgstr "b"\n',  # comments out of GNU's order
    'msgid "a"\nmsgstr "b"\n \nmsgid "c"\nmsgstr "d"\n',  # a blank line holding a space
    'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\nmsgstr[0] "c"\n',  # forms out of order
    'msgid "a"\nmsgstr "b"\nbogus\n',  # not PO at all after the entry
], ids=["no-final-newline", "crlf", "escaped-bytes", "comment-order", "space-line",
        "forms-out-of-order", "junk"])
def test_fast_path_declines_what_it_does_not_know(text: str) -> None:
    assert scan_po(text, "utf-8") is None


def test_parsed_messages_are_messages() -> None:
    """The reader's messages are made field by field, but are Messages like any other:
    frozen, equal to one built from the same fields, replaceable, picklable."""
    catalog = read_po(write_po(generated_catalog(seed=4, size=20)))
    for message in catalog.messages:
        assert type(message) is Message
        assert message == rebuild(message)
        with pytest.raises(dataclasses.FrozenInstanceError):
            message.msgid = "x"  # type: ignore[misc]
        assert dataclasses.replace(message, msgstr="x").msgstr == "x"
        assert pickle.loads(pickle.dumps(message)) == message


# --------------------------------------------------------------------------- .mo files


def _polib_mo(catalog: Catalog, use_fuzzy: bool) -> tuple[bytes, int, int]:
    """The .mo image as l10n wrote it through polib before l10n.po.mo (in the catalog's
    charset, which l10n then forced to UTF-8 whatever its header said)."""
    mo = polib.POFile(encoding=catalog.encoding)
    count = skipped = 0
    for message in catalog.messages:
        if message.is_header:
            mo.metadata = dict(catalog.header_fields())
            continue
        if message.obsolete:
            continue
        if message.fuzzy and not use_fuzzy:
            skipped += 1
            continue
        if message.msgid_plural is not None:
            if not all(message.msgstr_plural):
                continue
            entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.msgid_plural,
                                  msgstr_plural=dict(enumerate(message.msgstr_plural)),
                                  msgctxt=message.msgctxt)
        else:
            if not message.msgstr:
                continue
            entry = polib.POEntry(msgid=message.msgid, msgstr=message.msgstr,
                                  msgctxt=message.msgctxt)
        mo.append(entry)
        count += 1
    return mo.to_binary(), count, skipped


@pytest.mark.parametrize("use_fuzzy", [False, True], ids=["", "use-fuzzy"])
def test_mo_files_keep_their_bytes(use_fuzzy: bool) -> None:
    """The .mo writer gives polib's bytes (the writer before it) for every catalog."""
    catalogs = [read_po(p.read_bytes(), str(p)) for p in
                [*GNU_ACCEPTS, *sorted((ROOT / "locales").rglob("*.po"))]]
    catalogs += [generated_catalog(seed=seed, size=200) for seed in (5, 6)]
    odd = Catalog(messages=[
        Message(msgid="", msgstr="Zeta: 1\nLanguage: de\nX-10: a\nX-9: b\nProject-Id-Version: p\n"),
        Message(msgid="b", msgstr="B", msgctxt=""),
        Message(msgid="a", msgstr="A", msgctxt="ctx"),
        Message(msgid="a", msgstr="A2"),
        Message(msgid="a", msgstr="dup"),
        Message(msgid="p", msgid_plural="", msgstr_plural=("P0", "P1")),
        Message(msgid="q", msgid_plural="qs", msgstr_plural=()),
        Message(msgid="é", msgstr="ü", flags=("fuzzy",)),
    ])
    for catalog in [*catalogs, odd]:
        assert mo_bytes(catalog, use_fuzzy=use_fuzzy) == _polib_mo(catalog, use_fuzzy), \
            catalog.path


def test_a_mo_of_a_string_its_charset_lacks_is_a_catalog_error() -> None:
    """A translation added in memory that the catalog's legacy charset cannot hold: one
    error naming the file and the fix, not a traceback."""
    from l10n.errors import CatalogError

    catalog = Catalog(messages=[
        Message(msgid="", msgstr="Content-Type: text/plain; charset=ISO-8859-1\n"),
        Message(msgid="Price", msgstr="€ 5")], encoding="iso-8859-1", path="fr.po")
    with pytest.raises(CatalogError) as raised:
        mo_bytes(catalog)
    assert str(raised.value) == ("fr.po: '€' cannot be written in the catalog's charset "
                                 "iso-8859-1; declare charset=UTF-8 in the header")
