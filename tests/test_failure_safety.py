"""Failure safety: what a killed run, a full disk or a read-only file system leave on disk.

* ``l10n update`` and ``l10n compile``, killed with SIGKILL at seeded random points (during
  start-up, while merging, at the moment ``l10n.files`` opened the temporary file, while
  writing, after the rename, after the end), leave the catalog byte for byte the old or the
  new one, and ``msgfmt -c`` accepts it; the ``.mo`` is absent, the old one or the complete
  new one (read by ``gettext.GNUTranslations`` and ``msgunfmt``). At least half of the kills
  are seen, through ``l10n.files._HOOKS``, to land after the temporary file was opened. A
  killed writer leaves at most its ``.<name>.XXXXXXXX.tmp`` sibling, holding a prefix of the
  new file, and the next run that writes the file removes it (and nothing else).
* A full disk or a read-only file system, injected at each step of the write, makes
  ``update``, ``compile``, ``extract``, ``init`` and ``render`` exit 2 with one stderr line
  naming the path and the problem, no traceback, the old file unchanged and no temporary file.
* Output to ``/dev/full`` exits 2 with one clear line; a reader that went away exits 1
  quietly; neither prints a traceback or "Exception ignored".
"""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import gettext
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

import l10n.files
from l10n.catalogs.compile import compile_catalog
from l10n.catalogs.merge import update_catalog
from l10n.cli import cli
from l10n.files import write_atomic
from l10n.po import Catalog, read_po, write_po

from .conftest import ROOT, SEED

LOCALES = ROOT / "locales"
COPIES = 60  # of the shipped German chrome catalog: 2,100 entries, 430 kB
SLOTS = 2  # sites killed in parallel
# Runs per command by how they are killed (see run_child), plus one per site at the hook
# last: "hook" and "write" kills are certain and come after the temporary file was opened
# (25 a command whatever the timing); "blind" ones may come after the end (no kill).
PLAN = {"hook": 14, "write": 9, "blind": 8}
SEED_KILLS = 20240411


@pytest.fixture(autouse=True)
def _gettext_is_installed() -> None:
    assert shutil.which("msgfmt") and shutil.which("msgunfmt"), \
        "GNU gettext is a test oracle: .ci/run installs it"


# --------------------------------------------------------------------------- kills

# The child: report the temporary file's path on the notify pipe once it is open and, when
# gated, wait there and again at exit until the parent lets it go on (or kills it).
CHILD = """
import atexit, os, sys
import l10n.files
notify, gate = int(sys.argv[1]), int(sys.argv[2])
def hold():
    if gate >= 0:
        os.read(gate, 1)
def hook(temporary):
    os.write(notify, temporary.encode() + b"\\n")
    hold()
l10n.files._HOOKS.append(hook)
atexit.register(hold)
sys.argv[:3] = ["l10n"]
from l10n.cli import main
main()
"""


@dataclasses.dataclass(frozen=True)
class Run:
    code: int  # -SIGKILL when the kill found the process alive
    opened: str | None  # the temporary file the hook reported before the process died
    stderr: str
    hook_at: float | None = None  # seconds from spawn to the hook (gated runs)

    @property
    def killed(self) -> bool:
        return self.code == -signal.SIGKILL


def _read_line(fd: int) -> bytes:
    ready, _, _ = select.select([fd], [], [], 60)
    assert ready, "the child never reached the hook"
    return os.read(fd, 4096)


def run_child(args: list[str], how: str, delay: float = 0.0) -> Run:
    """Run ``l10n ARGS`` in a fresh process; ``how``: "hook" kills it at the hook (temporary
    file open, nothing written), "write" lets it go on from the hook and kills it ``delay`` s
    later (writing, renaming, or done and waiting at exit), "blind" kills it ``delay`` s after
    the start (if it is still running), "never" lets it finish."""
    notify_r, notify_w = os.pipe()
    gate_r, gate_w = os.pipe()
    gated = how in ("hook", "write", "never")
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(notify_w), str(gate_r if gated else -1), *args],
        pass_fds=(notify_w, gate_r), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(notify_w)
    os.close(gate_r)
    reported, hook_at = b"", None
    try:
        if gated:
            reported = _read_line(notify_r)
            hook_at = time.perf_counter() - start
            if not reported:
                raise AssertionError(f"ended before the hook: {child.communicate()[1]!r}")
            if how != "hook":
                os.write(gate_w, b"g" if how == "write" else b"gg")
        if how in ("write", "blind"):
            time.sleep(delay)
        if how != "never":
            child.kill()
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(gate_w)
        while chunk := os.read(notify_r, 4096):
            reported += chunk
        os.close(notify_r)
    opened = reported.decode().split("\n")[0] or None
    return Run(child.returncode, opened, err.decode(), hook_at)


def _big_catalog(path: Path, edit: bool) -> bytes:
    """``COPIES`` copies of a shipped catalog, one context per copy; ``edit``: as a newer
    template (some strings reworded, some gone) to give the merge new and obsolete entries."""
    catalog = read_po(path.read_bytes(), str(path))
    header = [m for m in catalog.messages if m.is_header]
    body = [m for m in catalog.messages if not m.is_header and not m.obsolete]
    out = []
    for k in range(COPIES):
        if edit and k % 11 == 3:
            continue
        for m in body:
            reworded = edit and k % 5 == 0 and m.msgid_plural is None
            out.append(dataclasses.replace(
                m, msgctxt=f"{m.msgctxt or 'chrome'} {k}", source=None,
                msgid=f"{m.msgid} (updated)" if reworded else m.msgid))
    return write_po(Catalog(header + out))


@dataclasses.dataclass(frozen=True)
class Big:
    pot: bytes
    old_po: bytes
    new_po: bytes
    old_mo: bytes
    new_mo: bytes


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Big:
    """The large catalogs, merged and compiled in this process (the children must agree)."""
    work = tmp_path_factory.mktemp("big")
    pot = _big_catalog(LOCALES / "chrome.pot", edit=True)
    old_po = _big_catalog(LOCALES / "de" / "LC_MESSAGES" / "chrome.po", edit=False)
    (work / "chrome.pot").write_bytes(pot)
    (work / "de.po").write_bytes(old_po)
    compile_catalog(work / "de.po", work / "old.mo")
    update_catalog(work / "de.po", work / "chrome.pot", fuzzy=False)
    compile_catalog(work / "de.po", work / "new.mo")
    big = Big(pot, old_po, (work / "de.po").read_bytes(), (work / "old.mo").read_bytes(),
              (work / "new.mo").read_bytes())
    assert len({big.old_po, big.new_po}) == 2 and len({big.old_mo, big.new_mo}) == 2
    return big


def _po_ok(path: Path) -> None:
    done = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


def _mo_ok(path: Path) -> None:
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.pgettext("section 7", "Russia") == "Russland"
    done = subprocess.run(["msgunfmt", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert read_po(done.stdout).get("Russia", "section 7").msgstr == "Russland"


@dataclasses.dataclass(frozen=True)
class Campaign:
    command: str
    name: str  # the file it writes, in LC_MESSAGES
    prepare: Callable[[Path, Big, int], bytes | None]  # sets run i up; the target's bytes
    new: Callable[[Big], bytes]
    check: Callable[[Path], None]  # the oracle, once for each distinct content


def _prepare_update(messages: Path, big: Big, i: int) -> bytes:
    (messages / "chrome.po").write_bytes(big.old_po)
    return big.old_po


def _prepare_compile(messages: Path, big: Big, i: int) -> bytes | None:
    (messages / "chrome.po").write_bytes(big.new_po)
    mo = messages / "chrome.mo"
    if i % 2:
        mo.write_bytes(big.old_mo)
        return big.old_mo
    mo.unlink(missing_ok=True)
    return None


CAMPAIGNS = [
    Campaign("update", "chrome.po", _prepare_update, lambda b: b.new_po, _po_ok),
    Campaign("compile", "chrome.mo", _prepare_compile, lambda b: b.new_mo, _mo_ok),
]
TEMPORARY = r"\.{name}\.[a-z0-9_]{{8}}\.tmp"


def _plans(command: str) -> list[tuple[int, str, float]]:
    """Run number, how and when (a fraction of the time available) to kill, as PLAN says."""
    rng = random.Random(f"{SEED_KILLS}-{command}")
    hows = [how for how, n in PLAN.items() for _ in range(n)]
    rng.shuffle(hows)
    return [(i, how, rng.random()) for i, how in enumerate(hows + ["hook"] * SLOTS)]


def _site(root: Path, campaign: Campaign, big: Big) -> tuple[Path, list[str]]:
    """A catalogs directory with the template; its LC_MESSAGES and the command line."""
    (root / "de" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (root / "chrome.pot").write_bytes(big.pot)
    args = [campaign.command, "-d", str(root), "-l", "de", "-D", "chrome"]
    # (update without fuzzy matching, which would double the time before the write)
    return root / "de" / "LC_MESSAGES", args + ["--no-fuzzy"] * (campaign.command == "update")


@dataclasses.dataclass
class Tally:
    kills: int = 0
    after_open: int = 0  # kills the hook saw to come after the temporary file was opened
    left_behind: int = 0  # kills after which that temporary file was still there
    written: int = 0  # ... with data in it: killed while writing or syncing
    finished: int = 0  # runs that ended before the kill came


def _kill_runs(campaign: Campaign, big: Big, root: Path, plans: list[tuple[int, str, float]],
               times: tuple[float, float], checked: set[bytes]) -> Tally:
    """Run and kill as ``plans`` say, one after the other in a site of their own, checking
    what each kill left; then a run to the end must leave no temporary file."""
    messages, args = _site(root, campaign, big)
    target, new = messages / campaign.name, campaign.new(big)
    temporary = re.compile(TEMPORARY.format(name=re.escape(campaign.name)))
    tally = Tally()
    for i, how, fraction in plans:
        old = campaign.prepare(messages, big, i)
        # (writing, fsync and rename take a few ms: a third of "write" kills aim there)
        delay = fraction ** 3 * 1.5 * times[1] if how == "write" else fraction * 1.25 * times[0]
        run = run_child(args, how, delay)
        what = f"run {i}: {how} after {delay * 1000:.1f} ms (code {run.code}): {run.stderr}"
        assert run.killed or (run.code == 0 and run.stderr == ""), what
        data = target.read_bytes() if target.exists() else None
        assert data in (old, new), what
        if data is not None and data not in checked:
            campaign.check(target)
            checked.add(data)
        assert (messages / "chrome.po").read_bytes() in (big.old_po, big.new_po), what
        for path in messages.iterdir():
            if path.name not in ("chrome.po", "chrome.mo"):
                assert temporary.fullmatch(path.name), f"{what}: stray {path.name}"
                assert new.startswith(path.read_bytes()), f"{what}: {path.name} is not a prefix"
        tally.kills += run.killed
        tally.finished += not run.killed
        tally.after_open += run.killed and run.opened is not None
        if run.opened is not None and Path(run.opened).exists():
            tally.left_behind += 1
            tally.written += Path(run.opened).stat().st_size > 0
    assert run.opened and Path(run.opened).exists()  # the last kill, at the hook, left one
    # The next run that writes the file removes what killed writers left (and ends well).
    campaign.prepare(messages, big, 1)
    done = subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == new
    assert sorted(p.name for p in messages.iterdir()) == sorted({"chrome.po", campaign.name})
    return tally


def _time_a_run(campaign: Campaign, big: Big, root: Path) -> tuple[float, float]:
    """A run to the end: when the hook comes and when the run ends, in seconds."""
    messages, args = _site(root, campaign, big)
    campaign.prepare(messages, big, 0)
    start = time.perf_counter()
    run = run_child(args, "never")
    total = time.perf_counter() - start
    assert run.code == 0 and run.stderr == "" and run.hook_at, run.stderr
    assert (messages / campaign.name).read_bytes() == campaign.new(big)
    campaign.check(messages / campaign.name)
    return run.hook_at, total


@pytest.mark.parametrize("campaign", CAMPAIGNS, ids=lambda c: c.command)
def test_sigkill_leaves_old_or_new_file(campaign: Campaign, big: Big, tmp_path: Path) -> None:
    roots = [tmp_path / f"slot{k}" for k in range(SLOTS)]
    plans, checked = _plans(campaign.command), {campaign.new(big)}
    with ThreadPoolExecutor(SLOTS) as pool:  # one site per core
        timed = list(pool.map(lambda root: _time_a_run(campaign, big, root), roots))
        hook, total = (sum(t) / SLOTS for t in zip(*timed, strict=True))
        tallies = list(pool.map(
            lambda k: _kill_runs(campaign, big, roots[k], plans[k::SLOTS],
                                 (total, total - hook), checked), range(SLOTS)))
    kills = sum(t.kills for t in tallies)
    after_open = sum(t.after_open for t in tallies)
    print(f"\n{campaign.command}: {len(plans)} runs, {kills} kills, {after_open} after the "
          f"temporary file was opened, {sum(t.left_behind for t in tallies)} left it behind "
          f"({sum(t.written for t in tallies)} with data), "
          f"{sum(t.finished for t in tallies)} runs ended first; "
          f"a run takes {total * 1000:.0f} ms, the hook comes at {hook * 1000:.0f} ms")
    assert kills >= 25  # update and compile: at least 50 in all
    assert 2 * after_open >= kills


def test_a_write_removes_only_stale_temporary_files(tmp_path: Path) -> None:
    """Stale: ``.<name>.XXXXXXXX.tmp`` older than the process and not locked by a writer."""
    long_ago = l10n.files._STARTED - 3600

    def make(name: str, mtime: float = long_ago) -> Path:
        path = tmp_path / name
        path.write_bytes(b"half a catalog")
        os.utime(path, (mtime, mtime))
        return path

    stale = [make(".chrome.po.abcd1234.tmp"), make(".chrome.po.x_9y8z7w.tmp")]
    live = make(".chrome.po.live0000.tmp")
    kept = [
        live,  # locked: a writer at work
        make(".chrome.po.fresh000.tmp", time.time() + 60),  # younger than this process
        make(".places.po.abcd1234.tmp"),  # another file's
        make(".chrome.po.tmp"), make(".chrome.po.abc.tmp"), make(".chrome.po.ABCD1234.tmp"),
        make("chrome.po.abcd1234.tmp"), make(".chrome.po.abcd1234.tmp.bak"),
    ]
    with live.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        write_atomic(tmp_path / "chrome.po", b"new")
    assert (tmp_path / "chrome.po").read_bytes() == b"new"
    assert [p.name for p in stale if p.exists()] == []
    assert [p.name for p in kept if not p.exists()] == []


# --------------------------------------------------------------------------- full disk, read-only

SAMPLE = "samples/000_3b28b45df5788720.txt"
COMMANDS = {
    "update": (["update", "-d", "locales", "-l", "de", "-D", "chrome"],
               "locales/de/LC_MESSAGES/chrome.po"),
    "compile": (["compile", "-d", "locales", "-l", "de", "-D", "chrome"],
                "locales/de/LC_MESSAGES/chrome.mo"),
    "extract": (["extract", SAMPLE, "-d", "locales", "-D", "chrome"], "locales/chrome.pot"),
    "init": (["init", "-d", "locales", "-l", "de", "-D", "chrome", "--force"],
             "locales/de/LC_MESSAGES/chrome.po"),
    "render": (["render", "-l", "de", "--catalogs", "locales", "--out", "build", SAMPLE],
               "build/de/000_3b28b45df5788720.html"),
}
NO_SPACE = "no space left on the device; the old file is unchanged; free some space and run again"
READ_ONLY = "the file system is read-only; the old file is unchanged; write to a writable directory"
FAULTS = [  # where the write fails, the error, what the user reads
    ("open", errno.EROFS, READ_ONLY),  # a read-only directory: no temporary file
    ("write", errno.ENOSPC, NO_SPACE),
    ("write", errno.EROFS, READ_ONLY),  # remounted read-only after an I/O error
    ("fsync", errno.ENOSPC, NO_SPACE),  # delayed allocation finds the disk full
    ("replace", errno.ENOSPC, NO_SPACE),  # no room for the directory entry
]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site to write over: the shipped catalogs (the template one entry ahead of the
    catalogs), a page, a compiled catalog and a rendered page."""
    shutil.copytree(LOCALES, tmp_path / "locales")
    (tmp_path / "samples").mkdir()
    shutil.copy(SEED, tmp_path / SAMPLE)
    with (tmp_path / "locales" / "chrome.pot").open("a", encoding="utf-8") as pot:
        pot.write('\nmsgctxt "footer"\nmsgid "Corrections"\nmsgstr ""\n')
    po = tmp_path / "locales" / "de" / "LC_MESSAGES" / "chrome.po"
    subprocess.run(["msgfmt", "-o", str(tmp_path / COMMANDS["compile"][1]), str(po)], check=True)
    (tmp_path / "build" / "de").mkdir(parents=True)
    (tmp_path / COMMANDS["render"][1]).write_bytes(b"<p>an old page</p>\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _inject(monkeypatch: pytest.MonkeyPatch, point: str, code: int) -> list[str]:
    """Make ``write_atomic`` fail with ``code`` at ``point``; the failures are recorded."""
    hits: list[str] = []

    def fail(*args: object, **kwargs: object) -> None:
        hits.append(point)
        raise OSError(code, os.strerror(code))

    if point == "open":
        monkeypatch.setattr(l10n.files, "_temporary_file", fail)
    elif point == "write":
        monkeypatch.setattr(l10n.files, "_HOOKS", [fail])
    else:
        monkeypatch.setattr(os, point, fail)
    return hits


# (render's progress line asks click for stderr the way click 8.5 deprecates; not this test's)
@pytest.mark.parametrize(("point", "code", "reason"), FAULTS,
                         ids=[f"{p}-{errno.errorcode[c]}" for p, c, _ in FAULTS])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_full_disk_or_read_only_leaves_the_old_file(
    command: str, point: str, code: int, reason: str, site: Path, runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args, target = COMMANDS[command]
    before = (site / target).read_bytes()
    with monkeypatch.context() as patch:
        hits = _inject(patch, point, code)
        result = runner.invoke(cli, args)
    assert hits, result.output  # (a first run's language-data cache may fail there too)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"l10n: {target}: {reason}"]
    assert "Traceback" not in result.output
    assert (site / target).read_bytes() == before
    name = Path(target).name
    assert [p.name for p in (site / target).parent.iterdir() if p.name.startswith(f".{name}")] \
        == []


MO_FAULTS = [  # a .mo newer than its .po that another writer left broken, what render says
    pytest.param(slice(0, 100), "cut short", id="cut-short"),
    pytest.param(slice(0, 400), "File is corrupt", id="corrupt"),
    pytest.param(slice(1, None), "Bad magic number", id="not-a-mo"),
]


@pytest.mark.parametrize(("part", "reason"), MO_FAULTS)
def test_render_reports_a_broken_mo(part: slice, reason: str, site: Path,
                                    runner: CliRunner) -> None:
    """GNU msgfmt writes its output in place: killed, it leaves half a .mo."""
    args, page = COMMANDS["render"]
    mo = site / COMMANDS["compile"][1]
    mo.write_bytes(mo.read_bytes()[part])
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"l10n: {COMMANDS['compile'][1]}: not a readable .mo file ({reason}); "
        "compile it again with l10n compile"]
    assert (site / page).read_bytes() == b"<p>an old page</p>\n"


# --------------------------------------------------------------------------- standard output

NO_ROOM = "l10n: <stdout>: cannot write: No space left on device; the output is incomplete"
OUTPUTS = [  # where stdout goes, the command, the exit code, the stderr lines
    pytest.param("/dev/full", ["stats", "-d", str(LOCALES)], 2, [NO_ROOM], id="full-stats"),
    pytest.param("/dev/full", ["stats", "-d", str(LOCALES), "--format", "json"], 2, [NO_ROOM],
                 id="full-stats-json"),
    pytest.param("/dev/full", ["inspect", "--format", "json", str(SEED)], 2, [NO_ROOM],
                 id="full-inspect-json"),
    pytest.param("/dev/full", ["check", "--format", "json", "--locale", "en", str(SEED)], 2,
                 [NO_ROOM], id="full-check-json"),
    pytest.param("/dev/full", ["check", "--locale", "en", str(SEED)], 2, [NO_ROOM],
                 id="full-check-text"),
    pytest.param("/dev/full", ["--version"], 2, [NO_ROOM], id="full-version"),
    pytest.param("closed pipe", ["inspect", "--format", "json", str(SEED)], 1, [],
                 id="pipe-inspect-json"),
    pytest.param("closed pipe", ["--version"], 1, [], id="pipe-version"),
]


@pytest.mark.parametrize(("sink", "args", "code", "lines"), OUTPUTS)
def test_output_that_cannot_be_written(sink: str, args: list[str], code: int, lines: list[str],
                                       tmp_path: Path) -> None:
    assert Path("/dev/full").exists()
    command = [sys.executable, "-m", "l10n", *args]
    if sink == "/dev/full":
        with open(sink, "wb") as full:
            done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True,
                                  cwd=tmp_path)
        returncode, stderr = done.returncode, done.stderr
    else:  # the reader is gone before the first byte is written
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, cwd=tmp_path)
        assert child.stdout is not None
        child.stdout.close()
        stderr = child.communicate(timeout=60)[1]
        returncode = child.returncode
    assert (returncode, stderr.splitlines()) == (code, lines)


def test_output_errors_other_than_stdout_are_not_swallowed() -> None:
    """Only a stream that cannot take the output is reported so; a bug stays a traceback."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, l10n.cli\n"
         "l10n.cli.cli = lambda **k: (_ for _ in ()).throw(OSError(5, 'Input/output error'))\n"
         "l10n.cli.main()"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "Input/output error" in done.stderr
