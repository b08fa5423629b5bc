"""Bad input to every command: one line on stderr, ``l10n: path[:line]: problem; fix``, exit
code 2, no traceback, and nothing written.

The table runs each case in-process (click's ``CliRunner``; click 8.2+ keeps stderr apart) in
a fresh workspace (the shipped catalogs, two pages, an empty directory, a plain file) and
checks, for every failing case, that the workspace is byte for byte as it was. A few cases
run as real processes (``python -m l10n``) to show that no traceback reaches a terminal.

Decisions, where "one line and exit 2" was not obviously right:

* click's own usage errors keep click's standard form (``Usage: …`` / ``Try …`` / blank /
  ``Error: …``), exit 2: every click tool users know answers so, and the ``Error:`` line is
  the one line naming the option and the problem. Option values click cannot check (an
  empty ``--published``, ``--site-locales ""``) use the same form.
* ``check`` over many files carries on past one it cannot read (binary, undecodable, a
  malformed catalog, an unreadable WARC record) as msgfmt, ruff and eslint do: each such file
  is one stderr line, the other files are checked and reported, the summary says how many
  could not be read, and the exit code is 2 (the result is incomplete), never 0 or 1. A
  path that does not exist stops the run before anything is reported. ``--write-baseline``
  then writes nothing (an incomplete baseline would hide findings later).
* ``check`` on a directory with nothing to check exits 0 with one warning line, as ruff
  does ("No Python files found"): an empty build directory is not bad input in itself.
* ``extract`` with no pages at all is an error (it would overwrite the templates with empty
  ones); ``init``/``update``/``compile``/``render`` check every input before writing the
  first file, so one bad catalog or page among several leaves every file as it was.
* An empty ``.po`` is a valid (empty) catalog, as for msgfmt; an empty template for ``init``
  and an empty page are errors. A page that is not UTF-8 is decoded by its declared or
  detected charset, as browsers do; only bytes no charset explains are an error (file:line).
* ``preview`` reports a page it cannot read in the browser (the server keeps serving while
  files are edited); only its start-up options are checked here.
* Enormous input (a 20 MB single-line page, an 11 MB text node, a 5 MB msgid) is read,
  not refused: gettext and browsers accept it, so ``l10n`` must too, in linear time.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import random
import re
import shutil
import socketserver
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import cli

from .conftest import ROOT, SAMPLES, SEED

_RANDOM = random.Random(5)
RANDOM = bytes(_RANDOM.randrange(256) for _ in range(4096)) + b"\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(_RANDOM.randrange(256) for _ in range(300))
GZIP = gzip.compress(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>")
# UTF-8 Russian, then bytes that no charset explains, on line 2.
NOT_UTF8 = "Привет, мир\n".encode() + b"\x1b[31m\xff\xfe\x80 ok\n"
HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
PO_SYNTAX = HEADER + b'msgid "Home"\nmsgstr "Start\n'  # unterminated string, line 7
PO_NOT_UTF8 = HEADER + b'msgid "Home"\nmsgstr "Start \xff\xfe"\n'  # line 7
DIR = object()  # a directory in a case's files
DE_PO = "locales/de/LC_MESSAGES/chrome.po"
CHROME_POT = "locales/chrome.pot"


@dataclass(frozen=True)
class Case:
    """One bad input: arguments, extra files, the exit code and the stderr it must give."""

    id: str
    args: tuple[str, ...]
    expected: str | re.Pattern[str]  # the line (exact) or a pattern for all of stderr
    files: dict[str, object] = field(default_factory=dict)
    code: int = 2
    stdin: bytes | None = None
    stdout: str | None = None  # exact stdout, when it matters


def case(id: str, args: str | tuple[str, ...], expected: str | re.Pattern[str],
         **kwargs: object) -> Case:
    return Case(id, tuple(args.split()) if isinstance(args, str) else args, expected,
                **kwargs)  # type: ignore[arg-type]


def usage(command: str, error: str) -> re.Pattern[str]:
    """click's usage error for ``command``; ``error`` is a regex for the ``Error:`` text."""
    head = f"l10n {command} " if command else "l10n "
    return re.compile(rf"Usage: {re.escape(head)}\[OPTIONS\].*\nTry '{re.escape(head)}--help' "
                      rf"for help\.\n\nError: {error}\n")


UNKNOWN = "; use a CLDR locale code such as de, pt_BR or zh_Hans"
CHECK_PATH = "; check the path"
BINARY = ": binary file, not a page; give an HTML or text page"
EMPTY = ": empty page; nothing to read; check the file"
NOT_DECODED = (":2: not valid UTF-8 and no usable charset found; re-save the file as UTF-8 or "
               "declare its charset in <meta charset>")
PO_LINE7 = ':7: unterminated string; close it with "'
PO_BYTES7 = ":7: invalid UTF-8 byte sequence; fix the bytes or the header's charset"
PO_RANDOM = ":1: invalid utf-8 byte sequence; fix the bytes or the header's charset"
NO_TEMPLATE = ": template not found; run l10n extract first or pass -i"
NO_DIR = ": catalog directory not found; run l10n extract and l10n init first, or pass -d"
NO_SV = ": no chrome catalog for sv; create it with: l10n init -l sv -D chrome"
TOML = "pyproject.toml"
CONFIG = "l10n: {root}/pyproject.toml"  # {root}: the workspace
CONFIG_RE = r"l10n: {root}/pyproject\.toml"


def toml(text: str | bytes) -> dict[str, object]:
    return {TOML: text.encode() if isinstance(text, str) else text}


CASES = [
    # -- inspect ------------------------------------------------------------------------------
    case("inspect-missing", "inspect nope.txt", "l10n: nope.txt: no such file" + CHECK_PATH),
    case("inspect-directory", "inspect adir",
         "l10n: adir: is a directory, not a page; give the page files inside it"),
    case("inspect-random-bytes", "inspect r.txt", "l10n: r.txt" + BINARY, files={"r.txt": RANDOM}),
    case("inspect-png", "inspect logo.png", "l10n: logo.png" + BINARY, files={"logo.png": PNG}),
    case("inspect-gzip", "inspect p.html.gz", "l10n: p.html.gz" + BINARY,
         files={"p.html.gz": GZIP}),
    case("inspect-empty", "inspect e.txt", "l10n: e.txt" + EMPTY, files={"e.txt": b""}),
    case("inspect-blank", "inspect e.html", "l10n: e.html" + EMPTY,
         files={"e.html": b" \n\t\r\n"}),
    case("inspect-not-utf8", "inspect bad.txt", "l10n: bad.txt" + NOT_DECODED,
         files={"bad.txt": NOT_UTF8}),
    case("inspect-stdin-binary", "inspect -", "l10n: <stdin>" + BINARY, stdin=RANDOM),
    case("inspect-unknown-locale", "inspect --locale xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("inspect-locale-path", "inspect --locale ../../etc page.txt",
         "l10n: unknown locale '../../etc'" + UNKNOWN),
    case("inspect-empty-locale", ("inspect", "--locale", "", "page.txt"),
         "l10n: unknown locale ''" + UNKNOWN),
    case("inspect-format", "inspect --format xml page.txt",
         usage("inspect", r"Invalid value for '--format': 'xml' is not one of 'text', 'json'\.")),
    case("inspect-page-format", "inspect --page-format pdf page.txt",
         usage("inspect", r"Invalid value for '--page-format': 'pdf' is not one of .*")),
    case("inspect-no-pages", "inspect", usage("inspect", r"Missing argument 'PAGES\.\.\.'\.")),
    # -- check: paths ---------------------------------------------------------------------------
    case("check-missing", "check nope.txt",
         "l10n: nope.txt: no such file or directory" + CHECK_PATH, stdout=""),
    case("check-missing-after-a-page", "check page.txt nope.txt",
         "l10n: nope.txt: no such file or directory" + CHECK_PATH, stdout=""),
    case("check-random-bytes", "check r.html", "l10n: r.html" + BINARY, files={"r.html": RANDOM},
         stdout="0 errors, 0 warnings in 0 files; 1 file could not be read\n"),
    case("check-png", "check logo.png", "l10n: logo.png" + BINARY, files={"logo.png": PNG}),
    case("check-gzip", "check p.html.gz", "l10n: p.html.gz" + BINARY, files={"p.html.gz": GZIP}),
    case("check-empty-page", "check e.html", "l10n: e.html" + EMPTY, files={"e.html": b""}),
    case("check-not-utf8-page", "check bad.txt", "l10n: bad.txt" + NOT_DECODED,
         files={"bad.txt": NOT_UTF8}),
    case("check-po-syntax", "check bad.po", "l10n: bad.po" + PO_LINE7, files={"bad.po": PO_SYNTAX}),
    case("check-po-not-utf8", "check bad.po", "l10n: bad.po" + PO_BYTES7,
         files={"bad.po": PO_NOT_UTF8}),
    case("check-po-random-bytes", "check r.po", "l10n: r.po" + PO_RANDOM, files={"r.po": RANDOM}),
    case("check-pot-png", "check logo.pot", re.compile(r"l10n: logo\.pot:1: invalid utf-8 .*\n"),
         files={"logo.pot": PNG}),
    case("check-warc-gz-garbage", "check x.warc.gz",
         re.compile(r"l10n: x\.warc\.gz: not a (readable )?WARC file[^\n]*; [^\n]+\n"),
         files={"x.warc.gz": b"this is not a WARC file\n" * 20}),
    case("check-warc-random-gzip", "check x.warc.gz",
         re.compile(r"l10n: x\.warc\.gz: not a (readable )?WARC file[^\n]*; [^\n]+\n"),
         files={"x.warc.gz": gzip.compress(RANDOM)}),
    case("check-warc-garbage", "check x.warc",
         re.compile(r"l10n: x\.warc: not a (readable )?WARC file[^\n]*; [^\n]+\n"),
         files={"x.warc": RANDOM}),
    case("check-stdin-binary", "check -", "l10n: <stdin>" + BINARY, stdin=PNG),
    # -- check: options -------------------------------------------------------------------------
    case("check-unknown-locale", "check --locale xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN, stdout=""),
    case("check-locale-path", "check --locale ../../etc page.txt",
         "l10n: unknown locale '../../etc'" + UNKNOWN),
    case("check-empty-locale", ("check", "--locale", "", "page.txt"),
         "l10n: unknown locale ''" + UNKNOWN),
    case("check-source-locale", "check --source-locale xx page.txt",
         "l10n: unknown locale 'xx'" + UNKNOWN),
    case("check-empty-source-locale", ("check", "--source-locale", "", "page.txt"),
         "l10n: unknown locale ''" + UNKNOWN),
    case("check-site-locales", "check --site-locales de,xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("check-empty-site-locales", ("check", "--site-locales", " , ", "page.txt"),
         usage("check", r"Invalid value for --site-locales: give comma-separated locales, .*")),
    case("check-catalogs-missing", "check --catalogs nope page.txt",
         "l10n: nope: catalog directory not found; give the directory that holds "
         "<lang>/LC_MESSAGES/*.po"),
    case("check-catalogs-is-a-file", "check --catalogs file page.txt",
         usage("check", r"Invalid value for '--catalogs': Directory 'file' is a file\.")),
    case("check-catalogs-broken-po", "check --catalogs locales page.txt",
         f"l10n: {DE_PO}{PO_LINE7}", files={DE_PO: PO_SYNTAX}),
    case("check-catalogs-po-is-a-directory", "check --catalogs locales page.txt",
         "l10n: locales/de/LC_MESSAGES/extra.po: is a directory, not a catalog",
         files={"locales/de/LC_MESSAGES/extra.po": DIR}),
    case("check-po-is-a-directory", "check --include *.po adir",
         re.compile(r"l10n: adir: warning: no pages or catalogs to check .*\n"), code=0,
         files={"adir/x.po": DIR}),
    case("check-format", "check --format xml page.txt",
         usage("check", r"Invalid value for '--format': 'xml' is not one of 'text', 'json', "
                        r"'sarif', 'github', 'junit', 'gitlab'\.")),
    case("check-fail-on", "check --fail-on fatal page.txt",
         usage("check", r"Invalid value for '--fail-on': 'fatal' is not one of .*")),
    case("check-baseline-not-json", "check --baseline b.json page.txt",
         "l10n: b.json:2: not a baseline file: invalid JSON (Expecting value); recreate it with "
         "--write-baseline", files={"b.json": b'{"findings":\n  nope}\n'}),
    case("check-baseline-binary", "check --baseline b.json page.txt",
         "l10n: b.json: not a baseline file: not UTF-8 JSON; recreate it with --write-baseline",
         files={"b.json": RANDOM}),
    case("check-baseline-wrong-shape", "check --baseline b.json page.txt",
         re.compile(r"l10n: b\.json: not a baseline file: expected \{\"findings\": .*; recreate "
                    r"it with --write-baseline\n"), files={"b.json": b"[1, 2]"}),
    case("check-baseline-missing", "check --baseline nope.json page.txt",
         "l10n: nope.json: baseline file not found; create it with --write-baseline"),
    case("check-baseline-directory", "check --baseline adir page.txt",
         usage("check", r"Invalid value for '--baseline': File 'adir' is a directory\.")),
    case("check-write-baseline-directory", "check --write-baseline adir page.txt",
         usage("check", r"Invalid value for '--write-baseline': File 'adir' is a directory\.")),
    case("check-write-baseline-under-a-file", "check --write-baseline file/b.json page.txt",
         "l10n: file/b.json: cannot write: a directory on its path is a file; choose another "
         "output path"),
    case("check-jobs-zero", "check -j 0 page.txt",
         usage("check", r"Invalid value for '--jobs' / '-j': 0 is not in the range x>=1\.")),
    case("check-jobs-negative", "check --jobs -1 page.txt",
         usage("check", r"Invalid value for '--jobs' / '-j': -1 is not in the range x>=1\.")),
    case("check-jobs-text", "check -j abc page.txt",
         usage("check", r"Invalid value for '--jobs' / '-j': 'abc' is not a valid integer .*")),
    case("check-severity-shape", "check --severity wrong-script page.txt",
         usage("check", r"Invalid value for --severity: 'wrong-script' is not KIND=LEVEL")),
    case("check-severity-kind", "check --severity leak=error page.txt",
         re.compile(r"l10n: unknown finding kind 'leak' in severity settings; kinds: .*\n")),
    case("check-severity-level", "check --severity wrong-script=fatal page.txt",
         "l10n: unknown severity 'fatal' for wrong-script; use error, warning or off"),
    case("check-dask-refused", "check --dask-scheduler tcp://127.0.0.1:1 page.txt",
         "l10n: cannot reach the Dask scheduler at tcp://127.0.0.1:1: Connection refused; start "
         "it with `dask scheduler`, or check the address", stdout=""),
    case("check-dask-no-port", "check --dask-scheduler 127.0.0.1 page.txt",
         re.compile(r"l10n: not a Dask scheduler address: '127\.0\.0\.1' \(missing port .*\); "
                    r"give tcp://HOST:PORT, e\.g\. tcp://127\.0\.0\.1:8786\n")),
    case("check-dask-scheme", "check --dask-scheduler http://127.0.0.1:8786 page.txt",
         re.compile(r"l10n: not a Dask scheduler address: 'http://127\.0\.0\.1:8786' \(unknown "
                    r"scheme 'http'\); give tcp://HOST:PORT.*\n")),
    case("check-dask-empty", ("check", "--dask-scheduler", "", "page.txt"),
         re.compile(r"l10n: not a Dask scheduler address: '' .*\n")),
    # -- [tool.l10n] in the working directory (named by its full path) --------------------------
    case("config-bad-toml", "check page.txt",
         CONFIG + ":2: invalid TOML: Invalid value; fix the syntax (https://toml.io)",
         files=toml("[tool.l10n]\nlocale = \n")),
    case("config-bad-toml-header", "stats",
         CONFIG + ":1: invalid TOML: Expected ']' at the end of a table declaration; fix the "
         "syntax (https://toml.io)", files=toml("[tool.l10n\nlocale = 'en'\n")),
    case("config-not-utf8", "render -l de page.txt",
         CONFIG + ":3: not valid UTF-8; save the file as UTF-8 (TOML requires it)",
         files=toml(b"[tool.l10n]\n\nallow = ['Caf\xe9']\n")),
    case("config-locale-type", "check page.txt",
         CONFIG + ':3: [tool.l10n] locale must be a string, not an integer; e.g. locale = "..."',
         files=toml("[project]\n[tool.l10n]\nlocale = 5\n")),
    case("config-locales-type", "check page.txt",
         CONFIG + ':2: [tool.l10n] locales must be a list of strings; e.g. locales = ["..."]',
         files=toml("[tool.l10n]\nlocales = [1, 2]\n")),
    case("config-unknown-locale", "check page.txt",
         CONFIG + ":2: [tool.l10n] locales names an unknown locale 'xx_YY'" + UNKNOWN,
         files=toml("[tool.l10n]\nlocales = ['de', 'xx_YY']\n")),
    case("config-catalogs-type", "render -l de page.txt",
         CONFIG + ':2: [tool.l10n] catalogs must be a string, not a boolean; e.g. '
         'catalogs = "..."', files=toml("[tool.l10n]\ncatalogs = true\n")),
    case("config-severity-type", "check page.txt",
         CONFIG + ":2: [tool.l10n] severity must be a table; e.g. "
         '[tool.l10n.severity] then wrong-language = "warning"',
         files=toml("[tool.l10n]\nseverity = 'off'\n")),
    case("config-severity-level", "check page.txt",
         CONFIG + ":3: [tool.l10n] severity sets wrong-script to 'fatal'; use "
         '"error", "warning" or "off"',
         files=toml("[tool.l10n]\n[tool.l10n.severity]\nwrong-script = 'fatal'\n")),
    case("config-severity-kind", "check page.txt",
         re.compile(CONFIG_RE + r":2: \[tool\.l10n\] severity names an unknown finding kind "
                    r"'leak'; kinds: .*\n"), files=toml("[tool.l10n.severity]\nleak = 'off'\n")),
    case("config-unknown-key", "check page.txt",
         re.compile(CONFIG_RE + r": unknown \[tool\.l10n\] key 'local'; known keys: .*\n"),
         files=toml("[tool.l10n]\nlocal = 'en'\n")),
    case("config-not-a-table", "compile",
         CONFIG + ':1: [tool.l10n] must be a table; write it as a section: '
         '[tool.l10n] then key = "value" lines', files=toml("[tool]\nl10n = 'en'\n")),
    case("config-dateline-styles", "render -l de page.txt",
         re.compile(CONFIG_RE + r":2: \[tool\.l10n\] dateline-styles must be a table of style "
                    r"tables; .*\n"), files=toml("[tool.l10n]\ndateline-styles = 5\n")),
    case("config-dateline-style-key", "render -l de page.txt",
         re.compile(CONFIG_RE + r":2: dateline style 'house', key 'pattern': .*\n"),
         files=toml("[tool.l10n]\n[tool.l10n.dateline-styles.house]\npattern = '{town} -'\n")),
    case("config-pages-type", "preview",
         CONFIG + ':2: [tool.l10n] pages must be a list of strings; e.g. pages = ["..."]',
         files=toml("[tool.l10n]\npages = 5\n")),
    # -- extract --------------------------------------------------------------------------------
    case("extract-missing", "extract nope.txt",
         "l10n: nope.txt: no such file or directory" + CHECK_PATH),
    case("extract-missing-after-a-page", "extract page.txt nope",
         "l10n: nope: no such file or directory" + CHECK_PATH),
    case("extract-no-pages", "extract adir",
         "l10n: adir: no pages to extract from; give HTML (.html, .htm) or text (.txt) pages or "
         "directories of them; no template was written"),
    case("extract-only-a-catalog", f"extract {DE_PO}",
         f"l10n: {DE_PO}: no pages to extract from; give HTML (.html, .htm) or text (.txt) pages "
         "or directories of them; no template was written"),
    case("extract-binary-page", "extract page.txt r.html", "l10n: r.html" + BINARY,
         files={"r.html": RANDOM}),
    case("extract-domain", "extract -D nav page.txt",
         usage("extract", r"Invalid value for -D: 'nav'; extract writes chrome, places, "
                          r"agencies")),
    case("extract-output-needs-one-domain", "extract -o x.pot page.txt",
         usage("extract", r"Invalid value for -o: give exactly one -D DOMAIN with -o")),
    case("extract-output-directory", "extract -D chrome -o adir page.txt",
         usage("extract", r"Invalid value for '-o' / '--output': File 'adir' is a directory\.")),
    case("extract-directory-is-a-file", "extract -d file page.txt",
         usage("extract", r"Invalid value for '-d' / '--directory': Directory 'file' is a file\.")),
    case("extract-source-locale", "extract --source-locale xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("extract-article-missing", "extract --article nope.txt",
         "l10n: nope.txt: no such file" + CHECK_PATH),
    case("extract-article-binary", "extract --article page.txt logo.png",
         "l10n: logo.png" + BINARY, files={"logo.png": PNG}),
    case("extract-article-not-utf8", "extract --article bad.txt page.html",
         "l10n: bad.txt" + NOT_DECODED, files={"bad.txt": NOT_UTF8}),
    # -- init -----------------------------------------------------------------------------------
    case("init-unknown-locale", "init -l xx_YY", "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("init-locale-path", "init -l ../../etc", "l10n: unknown locale '../../etc'" + UNKNOWN),
    case("init-empty-locale", ("init", "-l", ""), "l10n: unknown locale ''" + UNKNOWN),
    case("init-no-locale", "init", usage("init", r"Missing option '-l' / '--locale'\.")),
    case("init-exists", "init -l de", f"l10n: {DE_PO}: catalog exists already; use l10n update "
         "to bring it up to date (or --force to start over)"),
    case("init-no-directory", "init -l sv -d nope", "l10n: nope/chrome.pot" + NO_TEMPLATE),
    case("init-no-template", "init -l sv -i nope.pot", "l10n: nope.pot" + NO_TEMPLATE),
    case("init-template-directory", "init -l sv -i adir",
         usage("init", r"Invalid value for '-i' / '--input-file': File 'adir' is a directory\.")),
    case("init-template-binary", "init -l sv -i logo.pot", "l10n: logo.pot" + PO_RANDOM,
         files={"logo.pot": RANDOM}),
    case("init-template-syntax", "init -l sv -i bad.pot", "l10n: bad.pot" + PO_LINE7,
         files={"bad.pot": PO_SYNTAX}),
    case("init-template-empty", "init -l sv -i e.pot",
         "l10n: e.pot: empty template; run l10n extract to fill it, or pass the right -i",
         files={"e.pot": b""}),
    case("init-output-directory", f"init -l sv -i {CHROME_POT} -o adir",
         usage("init", r"Invalid value for '-o' / '--output-file': File 'adir' is a directory\.")),
    case("init-domain-path", "init -l sv -D ../../x",
         "l10n: not a catalog domain: '../../x'; use a name such as chrome, places or "
         "articles/<slug>"),
    case("init-domain-suffix", "init -l sv -D chrome.pot",
         "l10n: not a catalog domain: 'chrome.pot'; drop the suffix: -D chrome"),
    case("init-output-needs-one-domain", "init -l sv -D chrome -D places -o sv.po",
         usage("init", r"Invalid value for -D: give exactly one -D DOMAIN with -i/-o")),
    case("init-second-template-missing", "init -l sv -D chrome -D nope",
         "l10n: locales/nope.pot" + NO_TEMPLATE),
    # -- update ---------------------------------------------------------------------------------
    case("update-unknown-locale", "update -l xx_YY", "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("update-locale-path", "update -l ../../etc",
         "l10n: unknown locale '../../etc'" + UNKNOWN),
    case("update-no-catalog", "update -l sv", "l10n: locales/sv/LC_MESSAGES/chrome.po" + NO_SV),
    case("update-no-directory", "update -d nope", "l10n: nope" + NO_DIR),
    case("update-directory-is-a-file", "update -d file",
         usage("update", r"Invalid value for '-d' / '--directory': Directory 'file' is a file\.")),
    case("update-domain", "update -D nope",
         "l10n: locales: no nope catalog for any locale; create one with: l10n init -l LOCALE "
         "-D nope"),
    case("update-domain-path", "update -l de -D ../../etc",
         "l10n: not a catalog domain: '../../etc'; use a name such as chrome, places or "
         "articles/<slug>"),
    case("update-no-template", "update -i nope.pot", "l10n: nope.pot" + NO_TEMPLATE),
    case("update-template-syntax", "update -i bad.pot", "l10n: bad.pot" + PO_LINE7,
         files={"bad.pot": PO_SYNTAX}),
    case("update-template-binary", "update -i logo.pot", "l10n: logo.pot" + PO_RANDOM,
         files={"logo.pot": RANDOM}),
    case("update-one-broken-catalog", "update", f"l10n: {DE_PO}{PO_LINE7}",
         files={DE_PO: PO_SYNTAX}),
    # -- compile --------------------------------------------------------------------------------
    case("compile-unknown-locale", "compile -l xx_YY", "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("compile-no-catalog", "compile -l sv", "l10n: locales/sv/LC_MESSAGES/chrome.po" + NO_SV),
    case("compile-no-directory", "compile -d nope", "l10n: nope" + NO_DIR),
    case("compile-domain", "compile -D nope",
         "l10n: locales: no nope catalog for any locale; create one with: l10n init -l LOCALE "
         "-D nope"),
    case("compile-one-broken-catalog", "compile", f"l10n: {DE_PO}{PO_LINE7}",
         files={DE_PO: PO_SYNTAX}),
    case("compile-binary-catalog", "compile -l de", f"l10n: {DE_PO}{PO_RANDOM}",
         files={DE_PO: RANDOM}),
    case("compile-not-utf8-catalog", "compile -l de", f"l10n: {DE_PO}{PO_BYTES7}",
         files={DE_PO: PO_NOT_UTF8}),
    # -- stats ----------------------------------------------------------------------------------
    case("stats-unknown-locale", "stats -l xx_YY", "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("stats-no-catalog", "stats -l sv",
         "l10n: locales/sv/LC_MESSAGES/chrome.po: no catalog for sv (chrome, places, agencies); "
         "create one with: l10n init -l sv -D chrome"),
    case("stats-no-directory", "stats -d nope", "l10n: nope" + NO_DIR),
    case("stats-domain", "stats -D nope",
         "l10n: locales: no nope catalog for any locale; create one with: l10n init -l LOCALE "
         "-D nope"),
    case("stats-format", "stats --format xml",
         usage("stats", r"Invalid value for '--format': 'xml' is not one of 'text', 'json'\.")),
    case("stats-broken-catalog", "stats", f"l10n: {DE_PO}{PO_LINE7}", files={DE_PO: PO_SYNTAX}),
    # -- render ---------------------------------------------------------------------------------
    case("render-no-locale", "render page.txt",
         usage("render", r"give --locale L \(repeatable\) or --all, not both or neither")),
    case("render-locale-and-all", "render -l de --all page.txt",
         usage("render", r"give --locale L \(repeatable\) or --all, not both or neither")),
    case("render-unknown-locale", "render -l xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("render-locale-path", "render -l ../../etc page.txt",
         "l10n: unknown locale '../../etc'" + UNKNOWN),
    case("render-empty-locale", ("render", "-l", "", "page.txt"),
         "l10n: unknown locale ''" + UNKNOWN),
    case("render-no-catalog", "render -l sv page.txt",
         "l10n: locales/sv/LC_MESSAGES/chrome.po" + NO_SV),
    case("render-all-without-catalogs", "render --all --catalogs adir page.txt",
         "l10n: adir: no chrome catalog for any locale; create one with: l10n init -l LOCALE "
         "-D chrome"),
    case("render-missing-page", "render -l de nope.txt",
         "l10n: nope.txt: no such file" + CHECK_PATH),
    case("render-page-directory", "render -l de adir",
         usage("render", r"Invalid value for 'PAGES\.\.\.': File 'adir' is a directory\.")),
    case("render-binary-page", "render -l de page.txt logo.png", "l10n: logo.png" + BINARY,
         files={"logo.png": PNG}),
    case("render-empty-page", "render -l de -l fr page.html e.txt", "l10n: e.txt" + EMPTY,
         files={"e.txt": b""}),
    case("render-not-utf8-page", "render -l de bad.txt", "l10n: bad.txt" + NOT_DECODED,
         files={"bad.txt": NOT_UTF8}),
    case("render-same-stem", "render -l de page.txt adir/page.html",
         "l10n: adir/page.html: page.txt and adir/page.html would both be written to "
         "<locale>/page.html; render them in separate runs, or with different --out",
         files={"adir/page.html": SEED.read_bytes()}),
    case("render-published-words", "render -l de --published yesterday page.txt",
         usage("render", r"Invalid value for --published: 'yesterday' is not an ISO 8601 date "
                         r"and time \(e\.g\. 2010-05-18T15:30:00\+04:00\)")),
    case("render-published-impossible", "render -l de --published 2010-13-45 page.txt",
         usage("render", r"Invalid value for --published: '2010-13-45' is not an ISO 8601 .*")),
    case("render-published-empty", ("render", "-l", "de", "--published", "", "page.txt"),
         usage("render", r"Invalid value for --published: '' is not an ISO 8601 .*")),
    case("render-format", "render -l de --format pdf page.txt",
         usage("render", r"Invalid value for '--format': 'pdf' is not one of 'html', 'text'\.")),
    case("render-report", "render -l de --report xml page.txt",
         usage("render", r"Invalid value for '--report': 'xml' is not one of 'text', 'json'\.")),
    case("render-out-is-a-file", "render -l de --out file page.txt",
         usage("render", r"Invalid value for '--out': Directory 'file' is a file\.")),
    case("render-out-under-a-file", "render -l de --out file/build page.txt",
         "l10n: file/build/de/page.html: cannot write: a directory on its path is a file; "
         "choose another output path"),
    case("render-dateline-style", "render -l de --dateline-style nope page.txt",
         re.compile(r"l10n: unknown dateline style 'nope'; styles: ap, reuters, .*\n")),
    case("render-dateline-style-typo", "render -l de --dateline-style reuter page.txt",
         "l10n: unknown dateline style 'reuter'; did you mean 'reuters'?"),
    case("render-source-locale", "render -l de --source-locale xx page.txt",
         "l10n: unknown locale 'xx'" + UNKNOWN),
    case("render-broken-catalog", "render -l de page.txt", f"l10n: {DE_PO}{PO_LINE7}",
         files={DE_PO: PO_SYNTAX}),
    case("render-catalogs-missing", "render -l de --catalogs nope page.txt",
         "l10n: nope/de/LC_MESSAGES/chrome.po: no chrome catalog for de; create it with: l10n "
         "init -l de -D chrome"),
    # -- build ----------------------------------------------------------------------------------
    case("build-no-locale", "build page.txt",
         usage("build", r"give --locale L \(repeatable\) or --all, not both or neither")),
    case("build-unknown-locale", "build -l xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("build-binary-page", "build -l de page.txt r.html", "l10n: r.html" + BINARY,
         files={"r.html": RANDOM}),
    case("build-published", "build -l de --published 18/05/2010 page.txt",
         usage("build", r"Invalid value for --published: '18/05/2010' is not an ISO 8601 .*")),
    case("build-out-is-a-file", "build -l de --out file page.txt",
         usage("build", r"Invalid value for '--out': Directory 'file' is a file\.")),
    case("build-broken-catalog", "build --all page.txt", f"l10n: {DE_PO}{PO_BYTES7}",
         files={DE_PO: PO_NOT_UTF8}),
    # -- preview (start-up only: nothing here gets as far as serving) ---------------------------
    case("preview-missing-path", "preview nope",
         usage("preview", r"Invalid value for '\[PATHS\]\.\.\.': Path 'nope' does not exist\.")),
    case("preview-port-range", "preview --port 99999 page.txt",
         usage("preview", r"Invalid value for '--port': 99999 is not in the range 0<=x<=65535\.")),
    case("preview-port-text", "preview --port http page.txt",
         usage("preview", r"Invalid value for '--port': 'http' is not a valid integer range\.")),
    case("preview-catalogs-is-a-file", "preview --catalogs file page.txt",
         usage("preview", r"Invalid value for '--catalogs': Directory 'file' is a file\.")),
    case("preview-catalogs-missing", "preview --catalogs nope page.txt",
         "l10n: nope: catalog directory not found; give the directory that holds "
         "<lang>/LC_MESSAGES/*.po"),
    case("preview-source-locale", "preview --source-locale xx_YY page.txt",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("preview-bad-host", "preview --host 999.1.1.1 --port 0 page.txt",
         re.compile(r"l10n: cannot listen on 999\.1\.1\.1:0: .*; check --host: it must be an "
                    r"address of this machine\n")),
    # -- align --------------------------------------------------------------------------------
    case("align-missing-target", "align page.html nope.html",
         "l10n: nope.html: no such file or directory" + CHECK_PATH),
    case("align-text-page", "align page.txt page.html",
         "l10n: page.txt: not an HTML page: align pairs pages by their markup; give HTML pages "
         "(.html, .htm, .xhtml) or directories of them"),
    case("align-unknown-locale", "align -l xx_YY page.html page.html",
         "l10n: unknown locale 'xx_YY'" + UNKNOWN),
    case("align-no-language", "align page.html nolang.html",
         "l10n: nolang.html: the page declares no language; give its locale with -l LOCALE",
         files={"nolang.html": b"<html><body><nav><a href='/'>Start</a></nav></body></html>"}),
    case("align-bad-pairs", "align --pairs pairs.txt page.html page.html",
         "l10n: pairs.txt:1: 3 paths on the line, not 2; write SOURCE TARGET, quoting paths "
         "with spaces", files={"pairs.txt": b"a.html b.html c.html\n"}),
    # -- the group --------------------------------------------------------------------------------
    case("unknown-command", "frobnicate", usage("", r"No such command 'frobnicate'\.")),
    case("unknown-option", "check --colour page.txt",
         usage("check", r"No such option '--colour'\.")),
]


# -- the workspace ---------------------------------------------------------------------------

def _workspace(root: Path) -> Path:
    """The templates and two locales' catalogs, two pages, an empty directory, a plain file."""
    (root / "locales").mkdir()
    for template in (ROOT / "locales").glob("*.pot"):
        shutil.copy(template, root / "locales")
    for locale in ("de", "fr"):
        shutil.copytree(ROOT / "locales" / locale, root / "locales" / locale)
    shutil.copy(SEED, root / "page.txt")
    shutil.copy(SAMPLES / "001_seed_en.html", root / "page.html")
    (root / "adir").mkdir()
    (root / "file").write_text("a plain file\n", encoding="utf-8")
    return root


def _add(root: Path, files: dict[str, object]) -> None:
    for name, content in files.items():
        path = root / name
        if content is DIR:
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        assert isinstance(content, bytes)
        path.write_bytes(content)


def snapshot(root: Path) -> dict[str, str]:
    """Every file and directory under ``root``, with a digest of each file's bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        found[name] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _never_serve(*args: object, **kwargs: object) -> None:
    raise AssertionError("the preview started serving: this case is not bad input")


def _check_stderr(stderr: str, expected: str | re.Pattern[str], root: Path) -> None:
    """``{root}`` in ``expected`` is the workspace (configuration is named by its full path)."""
    assert "Traceback" not in stderr, stderr
    if isinstance(expected, str):
        assert stderr == expected.replace("{root}", str(root.resolve())) + "\n"
    else:
        pattern = expected.pattern.replace("{root}", re.escape(str(root.resolve())))
        assert re.fullmatch(pattern, stderr), stderr
    if isinstance(expected, str) or expected.pattern.startswith("l10n: "):
        assert len(stderr.splitlines()) == 1, stderr


@pytest.mark.parametrize("bad", CASES, ids=[c.id for c in CASES])
def test_bad_input(bad: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _workspace(tmp_path)
    _add(root, bad.files)
    before = snapshot(root)
    monkeypatch.chdir(root)
    monkeypatch.setattr(socketserver.BaseServer, "serve_forever", _never_serve)
    result = CliRunner().invoke(cli, list(bad.args), input=bad.stdin, prog_name="l10n")
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == bad.code, (result.stdout, result.stderr)
    _check_stderr(result.stderr, bad.expected, root)
    if bad.stdout is not None:
        assert result.stdout == bad.stdout
    assert snapshot(root) == before, "a failed command changed the workspace"


def test_the_table_covers_every_command() -> None:
    commands = {c.args[0] if c.args else "" for c in CASES}
    assert set(cli.commands) <= commands
    assert len(CASES) >= 60


# -- check goes on past a file it cannot read ------------------------------------------------

def test_check_reports_each_unreadable_file_and_checks_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crawl with a binary "page", a malformed catalog, a page that cannot be decoded and a
    file that is no WARC among good pages: like msgfmt, ruff and eslint, ``check`` reports each
    broken file (one line apiece, in path order), checks every other file, says so in the
    summary and exits 2: the run is incomplete, so it can neither pass (0) nor be read as
    "only findings" (1)."""
    root = _workspace(tmp_path)
    crawl = root / "crawl"
    crawl.mkdir()
    shutil.copy(SEED, crawl / "a.txt")
    (crawl / "b.html").write_bytes(RANDOM)
    (crawl / "c.po").write_bytes(PO_SYNTAX)
    shutil.copy(SAMPLES / "001_seed_en.html", crawl / "d.html")
    (crawl / "e.txt").write_bytes(NOT_UTF8)
    (crawl / "f.warc.gz").write_bytes(gzip.compress(b"not a WARC record\r\n" * 10))
    shutil.copy(SEED, crawl / "g.txt")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "crawl"], prog_name="l10n")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors[:3] == [
        "l10n: crawl/b.html" + BINARY,
        "l10n: crawl/c.po" + PO_LINE7,
        "l10n: crawl/e.txt" + NOT_DECODED,
    ]
    assert len(errors) == 4 and errors[3].startswith("l10n: crawl/f.warc.gz: not a ")
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["crawl/a.txt", "crawl/d.html",
                                                          "crawl/g.txt"]
    assert lines[-1] == "3 errors, 0 warnings in 3 files; 4 files could not be read"
    data = CliRunner().invoke(cli, ["check", "--format", "json", "crawl"], prog_name="l10n")
    assert data.exit_code == 2
    assert json.loads(data.stdout)["summary"]["files"] == 3  # a whole document, still


def test_check_writes_no_baseline_when_a_file_could_not_be_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A baseline recorded from an incomplete run would hide that file's findings later."""
    root = _workspace(tmp_path)
    (root / "r.html").write_bytes(RANDOM)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--write-baseline", "base.json", "page.txt",
                                      "r.html"], prog_name="l10n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "l10n: r.html" + BINARY,
        "l10n: base.json: not written: 1 of the files could not be read; fix or --exclude "
        "them, then run again",
    ]
    assert not (root / "base.json").exists()


def test_check_of_a_directory_with_nothing_to_check_warns_and_passes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As ruff: one warning line naming the path and the patterns looked for, exit 0."""
    root = _workspace(tmp_path)
    (root / "adir" / "notes.md").write_text("# notes\n", encoding="utf-8")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "adir"], prog_name="l10n")
    assert result.exit_code == 0
    assert result.stderr == ("l10n: adir: warning: no pages or catalogs to check (files named "
                             "*.html, *.htm, *.xhtml, *.txt, *.po, *.pot); pass --include GLOB\n")
    assert result.stdout == "0 errors, 0 warnings in 0 files\n"


def test_an_empty_catalog_is_valid_and_a_legacy_encoded_page_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """msgfmt accepts an empty .po; a page in a legacy charset is read as browsers read it."""
    (tmp_path / "empty.po").write_bytes(b"")
    (tmp_path / "latin1.html").write_bytes(
        "<html lang='fr'><body><p>Le café de la gare a fermé ses portes.</p></body></html>"
        .encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "empty.po", "latin1.html"], prog_name="l10n")
    assert (result.exit_code, result.stderr) == (0, "")
    shown = CliRunner().invoke(cli, ["inspect", "latin1.html"], prog_name="l10n")
    assert "Le café de la gare" in shown.stdout


def test_update_and_compile_leave_every_catalog_as_it_was_when_one_is_broken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The broken catalog sorts after good ones, so a per-file run would have written them."""
    root = _workspace(tmp_path)
    broken = root / "locales/fr/LC_MESSAGES/chrome.po"
    broken.write_bytes(PO_SYNTAX)
    with (root / CHROME_POT).open("ab") as template:  # an update would change every catalog
        template.write(b'\nmsgctxt "nav"\nmsgid "A new entry"\nmsgstr ""\n')
    before = snapshot(root)
    monkeypatch.chdir(root)
    for args in (["update"], ["compile"]):
        result = CliRunner().invoke(cli, args, prog_name="l10n")
        assert result.exit_code == 2
        assert result.stderr == f"l10n: {broken.relative_to(root)}{PO_LINE7}\n"
        assert snapshot(root) == before


# -- enormous input ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def enormous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20 MB single-line HTML page (an inlined image), a 20 MB single-line text page, an
    HTML page with an 11 MB text node, and catalogs with a 5 MB msgid."""
    root = tmp_path_factory.mktemp("enormous")
    blob = base64.b64encode(random.Random(1).randbytes(15_000_000)).decode()
    (root / "inline.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News</title></head>'
        "<body><h1>A headline</h1><p>The minister said on Tuesday that the plan would go "
        f'ahead.</p><img alt="A chart" src="data:image/png;base64,{blob}"></body></html>',
        encoding="utf-8")
    (root / "line.txt").write_text("the minister said on tuesday that " * 600_000,
                                   encoding="utf-8")
    (root / "node.html").write_text(
        '<!DOCTYPE html><html lang="en"><body><article><h1>Head</h1><p>'
        + "news " * 2_200_000 + "</p><p>The last paragraph.</p></article></body></html>",
        encoding="utf-8")
    msgid = "The minister said on Tuesday " * 175_000
    entry = f'#: page.html:1\nmsgid "{msgid}"\nmsgstr ""\n'.encode()
    pot = HEADER.replace(b'"Language: de\\n"\n', b"") + entry
    (root / "locales").mkdir()
    (root / "locales/chrome.pot").write_bytes(pot)
    catalog = root / "locales/de/LC_MESSAGES/chrome.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(HEADER + entry.replace(b'msgstr ""', f'msgstr "{msgid}"'.encode()))
    (root / "untranslated.po").write_bytes(HEADER + entry)
    assert (root / "inline.html").stat().st_size > 20_000_000
    assert (root / "line.txt").stat().st_size > 20_000_000
    assert len(msgid) > 5_000_000
    return root


def test_a_20_mb_single_line_page_is_read_checked_and_rendered(
        enormous: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(enormous)
    start = time.monotonic()
    shown = CliRunner().invoke(cli, ["inspect", "inline.html"], prog_name="l10n")
    assert (shown.exit_code, shown.stderr) == (0, ""), shown.stderr
    assert "The minister said on Tuesday" in shown.stdout
    checked = CliRunner().invoke(cli, ["check", "inline.html"], prog_name="l10n")
    assert (checked.exit_code, checked.stderr) == (0, ""), checked.stderr
    rendered = CliRunner().invoke(cli, ["render", "-l", "de", "--catalogs", str(ROOT / "locales"),
                                        "--out", str(tmp_path), "inline.html"], prog_name="l10n")
    assert (rendered.exit_code, rendered.stderr) == (0, ""), rendered.stderr
    assert (tmp_path / "de/inline.html").stat().st_size > 20_000_000
    text = CliRunner().invoke(cli, ["inspect", "--format", "json", "line.txt"], prog_name="l10n")
    assert text.exit_code == 0
    blocks = json.loads(text.stdout)["pages"][0]["blocks"]
    assert sum(len(b["text"]) for b in blocks) > 19_000_000
    assert time.monotonic() - start < 30


def test_a_text_node_over_10_mb_is_not_dropped(enormous: Path) -> None:
    """libxml2 silently drops a text node over 10 MB unless told otherwise: the paragraph
    must be there, and the one after it at its true column."""
    result = CliRunner().invoke(cli, ["inspect", "--format", "json",
                                      str(enormous / "node.html")], prog_name="l10n")
    assert result.exit_code == 0
    blocks = json.loads(result.stdout)["pages"][0]["blocks"]
    assert [len(b["text"]) > 10_000_000 for b in blocks] == [False, True, False]
    assert blocks[-1]["text"] == "The last paragraph."
    assert blocks[-1]["line"] == 1 and blocks[-1]["column"] > 11_000_000


def test_a_5_mb_msgid_goes_through_every_catalog_command(
        enormous: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read, merged, compiled and started from; ``check`` reads it too (judging 5 MB of
    translated text is linear but slow, so the checked copy is untranslated)."""
    shutil.copytree(enormous / "locales", tmp_path / "locales")
    monkeypatch.chdir(tmp_path)
    for args in (["check", str(enormous / "untranslated.po")], ["stats", "-l", "de"],
                 ["update", "--check"], ["compile", "-l", "de"], ["init", "-l", "fr"]):
        result = CliRunner().invoke(cli, args, prog_name="l10n")
        assert (result.exit_code, result.stderr) == (0, ""), (args, result.stderr)
    assert (tmp_path / "locales/de/LC_MESSAGES/chrome.mo").stat().st_size > 10_000_000
    assert (tmp_path / "locales/fr/LC_MESSAGES/chrome.po").stat().st_size > 5_000_000


def test_a_page_of_40000_elements_on_one_line_reads_in_linear_time(tmp_path: Path) -> None:
    """Minified HTML: every element on line 1. Element paths were found per element by
    counting siblings (quadratic: 20,000 paragraphs took 5 s, 40,000 about 20 s, and a 20 MB
    page of 500,000 never finished); now 40,000 take about a second."""
    page = tmp_path / "minified.html"
    page.write_text('<!DOCTYPE html><html lang="en"><body>'
                    + "<p>Hello world, this is a paragraph.</p>" * 40_000 + "</body></html>",
                    encoding="utf-8")
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["inspect", "--format", "json", str(page)])
    assert result.exit_code == 0
    blocks = json.loads(result.stdout)["pages"][0]["blocks"]
    assert len(blocks) == 40_000
    assert blocks[-1]["element"] == "html/body/p[40000]"
    assert time.monotonic() - start < 12


# -- real processes: nothing but the one line reaches a terminal ------------------------------

SUBPROCESS_CASES = [
    ("check", "r.html"),
    ("compile", "-l", "de"),
    ("render", "-l", "xx_YY", "page.txt"),
    ("check", "--jobs", "0", "page.txt"),
    ("check", "--dask-scheduler", "tcp://127.0.0.1:1", "page.txt"),
]


@pytest.mark.parametrize("args", SUBPROCESS_CASES, ids=[" ".join(a) for a in SUBPROCESS_CASES])
def test_no_traceback_reaches_a_real_terminal(args: tuple[str, ...], tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    (root / "r.html").write_bytes(PNG)
    (root / DE_PO).write_bytes(PO_SYNTAX)
    (root / TOML).write_text("[tool.l10n]\nsource-locale = 'en'\n", encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True, text=True,
                          cwd=root, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    if args[1:3] == ("--jobs", "0"):
        assert done.stderr.splitlines()[-1] == ("Error: Invalid value for '--jobs' / '-j': 0 "
                                                "is not in the range x>=1.")
    else:
        assert len(done.stderr.splitlines()) == 1, done.stderr
        assert done.stderr.startswith("l10n: ")
    assert time.monotonic() - start < 10  # an unreachable scheduler fails fast, too


def test_bad_config_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / TOML).write_bytes(b"[tool.l10n]\nlocales = ['de',\n")
    done = subprocess.run([sys.executable, "-m", "l10n", "stats"], capture_output=True,
                          text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert done.stderr == (f"l10n: {tmp_path.resolve() / TOML}:2: invalid TOML: Invalid value; "
                           "fix the syntax (https://toml.io)\n")
