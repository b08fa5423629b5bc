"""The pipelines teams run: the pre-commit hooks (run by pre-commit itself) and the GitHub
Action's shell step (run as Actions runs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

L10N = [sys.executable, "-m", "l10n"]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
# A fixed identity and date: the snapshot of this repository gets the same commit id while
# its files are unchanged, so pre-commit's store (keyed by repository and commit) is reused.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "l10n tests", "GIT_AUTHOR_EMAIL": "tests@l10n.invalid",
    "GIT_COMMITTER_NAME": "l10n tests", "GIT_COMMITTER_EMAIL": "tests@l10n.invalid",
    "GIT_AUTHOR_DATE": "2010-05-18T15:30:00+04:00",
    "GIT_COMMITTER_DATE": "2010-05-18T15:30:00+04:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def environment(**extra: str) -> dict[str, str]:
    """This process's environment without git's or pre-commit's settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "SKIP", "GITHUB_", "INPUT_"))}
    return {**env, **GIT_ENV, **extra}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=environment(), capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "--no-gpg-sign", "--allow-empty", "-m", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo)


# --------------------------------------------------------------------------- pre-commit


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """This working tree as pre-commit would fetch it, committed (tracked and new files,
    uncommitted changes included), and a pre-commit home for it.

    try-repo would commit uncommitted changes itself, but it leaves out new files, and a
    worktree's clone need not start at its branch. The snapshot and the home live in
    .venv/pre-commit-test when there is a .venv, so the hooks' environment, which pre-commit
    builds with pip from the package index, is built once per version of this tree.
    """
    cache = ROOT / ".venv" / "pre-commit-test"
    if not cache.parent.is_dir():
        cache = tmp_path_factory.mktemp("pre-commit-test")
    snapshot, home = cache / "l10n", cache / "home"
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in sorted(set(listed.split("\0")) - {""}):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the tree is not there
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", "-b", "main", cwd=snapshot)
    rev = commit_all(snapshot, "snapshot")
    stamp = home / "l10n-snapshot"
    if not stamp.is_file() or stamp.read_text() != rev:  # another tree: rebuild from clean
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        stamp.write_text(rev)
    yield snapshot, home


PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The Harbour Gazette</title></head>
<body>
<nav>{nav}</nav>
<article><h1>Ministers agree on new fishing quotas</h1>
<p>The committee said on Tuesday that the new rules would apply to every member state from
next year.</p></article>
{footer}
</body></html>
"""
HOME = '<a href="/">Home</a>'
SUBSCRIBE = '<a href="/subscribe">Subscribe</a>'
LEAK = '<a href="/ru">Подписаться</a>'
FOOTER = '<footer><a href="/privacy">Privacy policy</a></footer>'


def write_page(project: Path, nav: str, footer: str = "") -> None:
    (project / "pages" / "index.html").write_text(PAGE.format(nav=nav, footer=footer),
                                                  encoding="utf-8")


def l10n(*args: str, cwd: Path) -> None:
    subprocess.run([*L10N, *args], cwd=cwd, env=environment(), capture_output=True, check=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site's repository in the state the hooks exist to catch: a page with a Russian link
    on an English page, its template extracted before the page got its footer (out of date)
    and a German catalog last updated before "Subscribe" (out of date too)."""
    (tmp_path / "pages").mkdir()
    write_page(tmp_path, HOME)
    l10n("extract", "pages", "-d", "locales", cwd=tmp_path)
    l10n("init", "-l", "de", "-d", "locales", cwd=tmp_path)
    write_page(tmp_path, f"{HOME} {SUBSCRIBE}")
    l10n("extract", "pages", "-d", "locales", cwd=tmp_path)
    write_page(tmp_path, f"{HOME} {SUBSCRIBE} {LEAK}", FOOTER)
    git("init", "-q", "-b", "main", cwd=tmp_path)
    commit_all(tmp_path, "the site")
    return tmp_path


def fix(project: Path) -> None:
    """What the hooks' messages ask for: drop the leak, extract, update, commit."""
    write_page(project, f"{HOME} {SUBSCRIBE}", FOOTER)
    l10n("extract", "pages", "-d", "locales", cwd=project)
    l10n("update", "-d", "locales", cwd=project)
    commit_all(project, "fixed")


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PRE_COMMIT, *args, "--color", "never"], cwd=cwd, text=True,
                          env=environment(PRE_COMMIT_HOME=str(home)), capture_output=True)


def test_pre_commit_manifest_is_valid() -> None:
    done = subprocess.run([*PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml"],
                          cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h.get("pass_filenames", True))
            for h in hooks] == [
        ("l10n-check", "l10n check", "python", True),
        ("l10n-extract-check", "l10n extract --check", "python", False),
        ("l10n-update-check", "l10n update --check", "python", False),
    ]


def test_pre_commit_try_repo_runs_the_check_hook(hooks_repo: tuple[Path, Path],
                                                  project: Path) -> None:
    """``pre-commit try-repo``, the way to try hooks: it builds the hook's environment in a
    store of its own (PRE_COMMIT_HOME is not used), so this runs it once."""
    snapshot, home = hooks_repo
    done = pre_commit("try-repo", str(snapshot), "l10n-check", "--all-files", cwd=project,
                      home=home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "l10n check (leaked strings in pages and catalogs)" in done.stdout
    assert "Failed\n- hook id: l10n-check\n- exit code: 1\n" in done.stdout
    assert ("pages/index.html:5:76: error wrong-script: Cyrillic text, but en is written in "
            "Latin: 'Подписаться'\n") in done.stdout


def test_pre_commit_hooks_fail_then_pass(hooks_repo: tuple[Path, Path], project: Path) -> None:
    """The three hooks from a project's .pre-commit-config.yaml (the README's), run by
    ``pre-commit run``: each fails naming its files, and passes once they are fixed."""
    snapshot, home = hooks_repo
    config = {"repos": [{
        "repo": str(snapshot),
        "rev": git("rev-parse", "HEAD", cwd=snapshot),
        "hooks": [{"id": "l10n-check"},
                  {"id": "l10n-extract-check", "args": ["pages/", "-d", "locales"]},
                  {"id": "l10n-update-check", "args": ["-d", "locales"]}],
    }]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    commit_all(project, "pre-commit")
    failed = pre_commit("run", "--all-files", cwd=project, home=home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    for hook in ("l10n-check", "l10n-extract-check", "l10n-update-check"):
        assert f"Failed\n- hook id: {hook}\n- exit code: 1\n" in failed.stdout
    assert ("pages/index.html:5:76: error wrong-script: Cyrillic text, but en is written in "
            "Latin: 'Подписаться'\n") in failed.stdout
    assert "locales/chrome.pot: 3 entries, out of date\n" in failed.stdout
    assert "locales/de/LC_MESSAGES/chrome.po: would change (1 kept, 1 added)\n" in failed.stdout
    fix(project)
    passed = pre_commit("run", "--all-files", cwd=project, home=home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed\n") == 3
    assert "Failed" not in passed.stdout
