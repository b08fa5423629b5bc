"""``l10n check`` at crawl scale: WARC input, a process pool and a Dask cluster give the same
findings in the same order as one process (and the work really ran elsewhere), memory does
not grow with the crawl, and a terminal gets a progress line."""

from __future__ import annotations

import gzip
import io
import json
import os
import pty
import select
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from l10n.check.run import CheckOptions, check_paths, iter_targets

from .conftest import ROOT, SAMPLES, SEED

RUSSIAN = "Заголовок открываемого материала"
LOCALES = ROOT / "locales"


def _page(lang: str, nav: list[str], body: str) -> str:
    items = "\n".join(f'<li><a href="/{i}">{label}</a></li>' for i, label in enumerate(nav))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
            f"<title>{nav[0]}</title></head>\n<body>\n<nav><ul>\n{items}\n</ul></nav>\n"
            f"<article>\n<p>{body}</p>\n</article>\n</body>\n</html>\n")


GERMAN = ("Die Bundesregierung hat am Dienstag einen Gesetzentwurf beschlossen, der die "
          "Förderung des Ausbaus von Ganztagsschulen in den kommenden Jahren deutlich erhöht.")
FRENCH = ("Le gouvernement a présenté mardi un projet de loi qui prévoit d'augmenter "
          "nettement le financement des écoles dans les prochaines années.")


def _site(root: Path, pages: int) -> Path:
    """A crawl of ``pages`` pages in German and French, every fifth with a leak."""
    for index in range(pages):
        lang, body = ("de", GERMAN) if index % 2 else ("fr", FRENCH)
        nav = ["Startseite", "Politik", "Wirtschaft"] if lang == "de" else \
            ["Accueil", "Politique", "Économie"]
        if index % 5 == 0:
            nav.append(RUSSIAN if index % 10 == 0 else "Subscribe to our newsletter")
        path = root / lang / f"{index // 100:03d}" / f"page-{index:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(lang, nav, f"{body} ({index})"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _site(tmp_path_factory.mktemp("site"), 480)


def _key(report: object) -> list[tuple[object, ...]]:
    return [(f.path, f.line, f.column, f.attribute, f.kind, f.severity, f.text)
            for f in report.findings]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def single(site: Path) -> object:
    return check_paths([str(site)], CheckOptions(jobs=1))


def test_single_process_run_finds_every_injected_leak(site: Path, single: object) -> None:
    assert single.files == 480  # type: ignore[attr-defined]
    assert single.workers == {os.getpid()}  # type: ignore[attr-defined]
    found = {(Path(f.path).name, f.text) for f in single.findings}  # type: ignore[attr-defined]
    expected = {(f"page-{i:05d}.html", RUSSIAN if i % 10 == 0 else "Subscribe to our newsletter")
                for i in range(0, 480, 5)}
    assert found == expected


def test_process_pool_gives_the_same_findings_in_order_from_other_processes(
        site: Path, single: object) -> None:
    pooled = check_paths([str(site)], CheckOptions(jobs=2))
    assert _key(pooled) == _key(single)
    assert pooled.files == 480
    assert os.getpid() not in pooled.workers
    assert len(pooled.workers) == 2


def test_pool_tasks_keep_a_directory_together_and_cut_the_tail_fine() -> None:
    """Small directories merge up to 32 files, a large one is cut at 128, and the last
    ``jobs`` tasks come in pieces of 8; every target once, in order."""
    from l10n.check.run import Target, _batches

    sizes = {"a": 40, "b": 10, "c": 10, "d": 300, "e": 20}
    targets = [Target(f"site/{folder}/{i}.html") for folder, n in sizes.items() for i in range(n)]
    tasks = list(_batches(iter(targets), 2))
    assert [len(task) for task in tasks] == [40, 128, 128] + [8] * 10 + [4]
    assert {t.label.split("/")[1] for t in tasks[1]} == {"b", "c", "d"}
    assert [t for task in tasks for t in task] == targets
    assert [len(task) for task in _batches(iter(targets[:5]), 2)] == [5]


def test_dask_cluster_gives_the_same_findings_from_its_workers(site: Path,
                                                              single: object) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as cluster, \
            Client(cluster) as client:
        worker_pids = set(client.run(os.getpid).values())
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        report = check_paths([str(site)], CheckOptions(dask_scheduler=cluster.scheduler_address))
    assert _key(report) == _key(single)
    assert report.files == 480
    assert os.getpid() not in report.workers
    assert report.workers <= worker_pids and report.workers


def test_dask_command_line_output_equals_the_single_process_output(site: Path) -> None:
    from distributed import LocalCluster

    alone = subprocess.run([sys.executable, "-m", "l10n", "check", "--jobs", "1", str(site)],
                           capture_output=True, text=True)
    assert alone.returncode == 1, alone.stderr
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as cluster:
        done = subprocess.run([sys.executable, "-m", "l10n", "check", "--dask-scheduler",
                               cluster.scheduler_address, str(site)],
                              capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert done.stdout == alone.stdout
    assert done.stdout.endswith("\n96 errors, 0 warnings in 480 files\n")


def test_unreachable_dask_scheduler_is_a_one_line_error() -> None:
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--dask-scheduler",
                           "tcp://127.0.0.1:9", str(SEED)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("l10n: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(done.stderr.splitlines()) == 1


# -- WARC ---------------------------------------------------------------------------------

def _warc(path: Path, records: list[tuple[str, str, bytes, dict[str, str]]], *,
          gzipped: bool) -> Path:
    """A WARC with a request and a response per (url, content type, body, extra headers)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for url, kind, body, extra in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request",
                                                          http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind), *extra.items()],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file
    return path


def _warc_records() -> list[tuple[str, str, bytes, dict[str, str]]]:
    german = _page("de", ["Startseite", "Politik", "Subscribe to our newsletter"], GERMAN)
    french = _page("fr", ["Accueil", "Politique", RUSSIAN], FRENCH)
    clean = _page("fr", ["Accueil", "Politique", "Économie"], FRENCH)
    return [
        ("https://example.org/de/a.html", "text/html; charset=utf-8", german.encode(), {}),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64), {}),
        ("https://example.org/fr/b", "text/html", gzip.compress(french.encode()),
         {"Content-Encoding": "gzip"}),
        ("https://example.org/fr/c", "application/xhtml+xml", clean.encode(), {}),
        ("https://example.org/app.js", "application/javascript", b"var x = 'Subscribe';", {}),
    ]


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_records_are_checked_as_pages_named_by_url(tmp_path: Path, gzipped: bool) -> None:
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    _warc(tmp_path / name, _warc_records(), gzipped=gzipped)
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--format", "json", name],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    found = [(f["path"], f["text"], f["locale"]) for f in report["findings"]]
    assert found == [
        ("https://example.org/de/a.html", "Subscribe to our newsletter", "de"),
        ("https://example.org/fr/b", RUSSIAN, "fr"),
    ]
    assert report["summary"]["files"] == 3  # the three HTML responses; not PNG, JS, requests
    line = _page("de", ["Startseite", "Politik", "Subscribe to our newsletter"],
                 GERMAN).splitlines().index('<li><a href="/2">Subscribe to our newsletter</a></li>')
    assert report["findings"][0]["line"] == line + 1


def test_warc_inside_a_directory_is_read_and_a_broken_one_is_an_error(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    _warc(crawl / "part-1.warc.gz", _warc_records(), gzipped=True)
    labels = [t.label for t in iter_targets([str(crawl)], ("*.html",), ())]
    assert labels == ["https://example.org/de/a.html", "https://example.org/fr/b",
                      "https://example.org/fr/c"]
    whole = (crawl / "part-1.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) // 2])
    cut = subprocess.run([sys.executable, "-m", "l10n", "check", "cut.warc.gz"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert cut.returncode == 2
    assert cut.stderr == ("l10n: cut.warc.gz: the gzip data is truncated or damaged; "
                          "re-fetch or re-write the WARC file\n")
    (tmp_path / "bad.warc.gz").write_bytes(b"not a warc at all\n" * 10)
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "bad.warc.gz"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("l10n: bad.warc.gz: not a WARC file: no WARC/1.x record at byte 0; "
                           "give a WARC (.warc or .warc.gz) file\n")
    assert len(done.stderr.splitlines()) == 1


# -- memory and progress -------------------------------------------------------------------

def _peak(paths: list[str]) -> tuple[int, int]:
    tracemalloc.start()
    try:
        report = check_paths(paths, CheckOptions(jobs=1), sink=lambda finding: None)
        return tracemalloc.get_traced_memory()[1], report.files
    finally:
        tracemalloc.stop()


def test_streamed_check_memory_does_not_grow_with_the_crawl(tmp_path: Path) -> None:
    """Four times the pages (the same chrome, new article sentences) stay within a small
    margin of the peak: targets are read lazily and streamed findings are not kept."""
    small = _site(tmp_path / "small", 100)
    large = _site(tmp_path / "large", 400)
    check_paths([str(small)], CheckOptions(jobs=1))  # warm the process-wide model caches
    small_peak, small_files = _peak([str(small)])
    large_peak, large_files = _peak([str(large)])
    assert (small_files, large_files) == (100, 400)
    assert large_peak < small_peak + 1_000_000, (small_peak, large_peak)


def test_progress_line_with_rate_and_eta_on_a_terminal(site: Path) -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "l10n", "check", "--jobs", "1", str(site)],
                              stdout=subprocess.PIPE, stderr=follower, text=True)
        os.close(follower)
        follower = -1
        chunks = []
        while select.select([leader], [], [], 0.5)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    shown = b"".join(chunks).decode()
    assert done.returncode == 1
    assert "checking 480/480 (100%), " in shown
    assert " pages/s, ETA 0m00s" in shown
    assert "checking" not in done.stdout  # findings stay clean on stdout


def test_no_progress_line_when_stderr_is_not_a_terminal(site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--jobs", "1", str(SAMPLES)],
                          capture_output=True, text=True)
    assert "pages/s" not in done.stderr


@pytest.mark.parametrize("where", ["content", "headers"])
def test_truncated_uncompressed_warc_names_the_record(tmp_path: Path, where: str) -> None:
    whole = _warc(tmp_path / "full.warc", _warc_records(), gzipped=False).read_bytes()
    start = whole.rindex(b"WARC/1.")
    header_end = whole.index(b"\r\n\r\n", start) + 4
    length = int(whole[start:header_end].split(b"Content-Length: ")[1].split(b"\r\n")[0])
    cut = whole[:-10] if where == "content" else whole[:header_end - 30]
    (tmp_path / "cut.warc").write_bytes(cut)
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "cut.warc"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    problem = (f"truncated: Content-Length {length}, {length - 6} bytes present"
               if where == "content" else "truncated (in its headers)")
    assert done.stderr == (f"l10n: cut.warc: the record at byte {start} is {problem}; "
                           "re-fetch or re-write the WARC file\n")
