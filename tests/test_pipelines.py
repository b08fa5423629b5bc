"""The pipelines teams run: the pre-commit hooks (run by pre-commit itself) and the GitHub
Action's shell step (run as Actions runs it)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SEED

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

    try-repo would commit uncommitted changes itself, but only those to tracked files (its
    shadow commit takes ``git add -u`` and what is staged): a new hook or module would be
    missing. `pre-commit run` needs a commit anyway. The snapshot and the home live in
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
LEAK = '<a href="/account">Подписаться</a>'
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
    assert ("pages/index.html:5:81: error wrong-script: Cyrillic text, but en is written in "
            "Latin: 'Подписаться'\n") in done.stdout


def readme_recipes() -> list[str]:
    """The fenced code blocks of the README's "In pipelines" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## In pipelines\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```\w*\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)


def readme_recipe(first_line: str) -> str:
    return next(block for block in readme_recipes() if block.startswith(first_line))


def test_pre_commit_hooks_fail_then_pass(hooks_repo: tuple[Path, Path], project: Path) -> None:
    """The README's .pre-commit-config.yaml (this snapshot as its repository), run by
    ``pre-commit run``: each hook fails naming its files, and passes once they are fixed."""
    snapshot, home = hooks_repo
    config = yaml.safe_load(readme_recipe("# .pre-commit-config.yaml"))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == [
        "l10n-check", "l10n-extract-check", "l10n-update-check"]
    config["repos"][0].update(repo=str(snapshot), rev=git("rev-parse", "HEAD", cwd=snapshot))
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    commit_all(project, "pre-commit")
    failed = pre_commit("run", "--all-files", cwd=project, home=home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    for hook in ("l10n-check", "l10n-extract-check", "l10n-update-check"):
        assert f"Failed\n- hook id: {hook}\n- exit code: 1\n" in failed.stdout
    assert ("pages/index.html:5:81: error wrong-script: Cyrillic text, but en is written in "
            "Latin: 'Подписаться'\n") in failed.stdout
    assert "locales/chrome.pot: 3 entries, out of date\n" in failed.stdout
    assert "locales/de/LC_MESSAGES/chrome.po: would change (1 kept, 1 added)\n" in failed.stdout
    fix(project)
    passed = pre_commit("run", "--all-files", cwd=project, home=home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed\n") == 3
    assert "Failed" not in passed.stdout


# --------------------------------------------------------------------------- GitHub Action

ACTION = ROOT / "action.yml"
SCRIPT = ROOT / "scripts" / "action-check.sh"


def expression(name: str) -> str:
    return "${{ " + name + " }}"


def test_action_inputs_are_declared_used_and_passed_as_variables() -> None:
    text = ACTION.read_text(encoding="utf-8")
    action = yaml.safe_load(text)
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert set(re.findall(r"\binputs\.([\w-]+)", text)) == set(action["inputs"])
    for step in steps:
        for name, value in step.get("env", {}).items():
            if name.startswith("INPUT_"):  # INPUT_FAIL_ON carries inputs.fail-on
                assert value == expression("inputs." + name[6:].lower().replace("_", "-"))
    script = SCRIPT.read_text(encoding="utf-8")
    passed = {name for step in steps for name in step.get("env", {})}
    assert set(re.findall(r"\b(INPUT_[A-Z_]+)", script)) == {
        name for name in passed if name.startswith("INPUT_")}
    # Expressions are pasted into a script before it runs: keep them out of `run`.
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == [f'"$GITHUB_ACTION_PATH/scripts/action-check.sh" {command}'
                    for command in ("install", "check", "finish")]
    ids = {step["id"] for step in steps if "id" in step}
    written = set(re.findall(r"^\s+output ([\w-]+) ", script, re.MULTILINE))
    used = set(re.findall(r"\bsteps\.([\w-]+)\.outputs\.([\w-]+)", text))
    assert {step for step, _ in used} <= ids and {name for _, name in used} <= written
    assert {o["value"] for o in action["outputs"].values()} == {
        expression(f"steps.check.outputs.{name}") for name in ("exit-code", "report", "sarif-file")}
    upload = next(step for step in steps if "uses" in step)
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == expression("steps.check.outputs.sarif-file")


def test_action_script_passes_shellcheck() -> None:
    done = subprocess.run(["shellcheck", str(SCRIPT), str(ROOT / "scripts" / "system-deps")],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def actions_env(workspace: Path, **inputs: str) -> dict[str, str]:
    """The variables Actions gives a composite action's step (the inputs as action.yml maps
    them), with GITHUB_OUTPUT an empty file."""
    (workspace / "github_output").write_text("", encoding="utf-8")
    return environment(
        GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(workspace),
        GITHUB_OUTPUT=str(workspace / "github_output"), GITHUB_ACTION_PATH=str(ROOT),
        RUNNER_TEMP=str(workspace / "runner_temp"),
        **{"INPUT_" + name.upper().replace("-", "_"): value
           for name, value in inputs.items()})


def step_outputs(workspace: Path) -> dict[str, str]:
    lines = (workspace / "github_output").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


@pytest.fixture(scope="module")
def action_l10n(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The install step as Actions runs it: l10n from this tree into a virtual environment
    (dependencies from the package index); its output names the program.

    RUNNER_TEMP is kept in .venv/action-test while pyproject.toml is unchanged, so a second
    run finds the dependencies installed (pip reinstalls l10n itself from the tree anyway).
    """
    cache = ROOT / ".venv" / "action-test"
    if not cache.parent.is_dir():
        cache = tmp_path_factory.mktemp("action-test")
    stamp = cache / "pyproject.sha256"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text() != digest:
        shutil.rmtree(cache, ignore_errors=True)
        (cache / "runner_temp").mkdir(parents=True)
        stamp.write_text(digest)
    done = subprocess.run([str(SCRIPT), "install"], cwd=cache, capture_output=True,
                          text=True, env=actions_env(cache))
    assert (done.returncode, done.stdout) == (0, ""), done.stderr  # stderr: pip's warnings
    program = cache / "runner_temp" / "l10n-action-venv" / "bin" / "l10n"
    assert step_outputs(cache) == {"l10n": str(program)}
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True)
    assert version.stdout == "l10n, version 0.1.0\n"
    return str(program)


SEED_ANNOTATION = ("::error file=seed.txt,line=42,col=1,title=wrong-script::Cyrillic text, but "
                   "en is written in Latin: 'Заголовок открываемого материала'\n")
WARN_ANNOTATION = ("::warning file=warn.html,line=1,col=40,title=wrong-language::text reads as "
                   "English (en) (97%25), not German (de): 'Subscribe'\n")


def workspace_with_pages(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "clean.txt").write_text(
        "Ministers agree on new fishing quotas\n\nThe committee said on Tuesday that the new "
        "rules would apply to every member state from next year.\n", encoding="utf-8")
    (tmp_path / "warn.html").write_text(
        '<html lang="de"><body><nav><a href="/">Subscribe</a></nav></body></html>',
        encoding="utf-8")
    (tmp_path / "runner_temp").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("inputs", "exit_code", "stdout", "commands"),
    [
        ({"paths": "seed.txt", "locale": "en"}, "1", SEED_ANNOTATION,
         "+ l10n check --format github --fail-on error --locale en -- seed.txt\n"),
        ({"paths": "clean.txt", "locale": "en"}, "0", "",
         "+ l10n check --format github --fail-on error --locale en -- clean.txt\n"),
        ({"paths": "warn.html"}, "0", WARN_ANNOTATION,
         "+ l10n check --format github --fail-on error -- warn.html\n"),
        ({"paths": "warn.html", "fail-on": "warning"}, "1", WARN_ANNOTATION,
         "+ l10n check --format github --fail-on warning -- warn.html\n"),
        ({"paths": " clean.txt\n  seed.txt\n", "locale": "en", "format": "text"}, "1",
         "seed.txt:42:1: error wrong-script: Cyrillic text, but en is written in Latin: "
         "'Заголовок открываемого материала'\n1 error, 0 warnings in 2 files\n",
         "+ l10n check --format text --fail-on error --locale en -- clean.txt seed.txt\n"),
        ({"paths": "*.txt"}, "2", "",  # never glob-expanded: l10n is told of no such file
         "+ l10n check --format github --fail-on error -- \\*.txt\n"
         "l10n: *.txt: no such file or directory; check the path\n"),
        ({"paths": "seed.txt", "catalogs": "no where"}, "2", "",
         "+ l10n check --format github --fail-on error --catalogs no\\ where -- seed.txt\n"
         "l10n: no where: catalog directory not found; give the directory that holds "
         "<lang>/LC_MESSAGES/*.po\n"),
    ],
    ids=["leak", "clean", "warning", "fail-on-warning", "paths-on-lines", "no-glob",
         "catalogs"],
)
def test_action_check_step(action_l10n: str, tmp_path: Path, inputs: dict[str, str],
                           exit_code: str, stdout: str, commands: str) -> None:
    workspace = workspace_with_pages(tmp_path)
    done = subprocess.run([str(SCRIPT), "check"], cwd=workspace, capture_output=True,
                          text=True, env={**actions_env(workspace, **inputs), "L10N": action_l10n})
    assert (done.returncode, done.stdout, done.stderr) == (0, stdout, commands)
    assert step_outputs(workspace) == {"exit-code": exit_code, "report": "", "sarif-file": ""}


def test_action_writes_reports_and_sarif_for_upload(action_l10n: str, tmp_path: Path) -> None:
    workspace = workspace_with_pages(tmp_path)
    env = {**actions_env(workspace, paths="seed.txt clean.txt", locale="en", format="junit",
                         output="l10n-junit.xml", **{"sarif-upload": "true"}),
           "L10N": action_l10n}
    done = subprocess.run([str(SCRIPT), "check"], cwd=workspace, capture_output=True,
                          text=True, env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", (
        "+ l10n check --format junit --fail-on error --locale en -- seed.txt clean.txt\n"
        "  (report in l10n-junit.xml)\n"
        "+ l10n check --format sarif --fail-on error --locale en -- seed.txt clean.txt\n"
        "  (report in l10n.sarif)\n"))
    assert step_outputs(workspace) == {"exit-code": "1", "report": "l10n-junit.xml",
                                       "sarif-file": "l10n.sarif"}
    junit = ET.parse(workspace / "l10n-junit.xml").getroot()
    assert [(s.get("name"), s.get("failures")) for s in junit] == [("seed.txt", "1")]
    sarif = json.loads((workspace / "l10n.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["wrong-script"]
    # SARIF as the format too: one run, its report is the file uploaded.
    env = {**actions_env(workspace, paths="seed.txt", locale="en", format="sarif",
                         **{"sarif-upload": "true", "sarif-file": "scan.sarif"}),
           "L10N": action_l10n}
    done = subprocess.run([str(SCRIPT), "check"], cwd=workspace, capture_output=True,
                          text=True, env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", (
        "+ l10n check --format sarif --fail-on error --locale en -- seed.txt\n"
        "  (report in scan.sarif)\n"))
    assert step_outputs(workspace) == {"exit-code": "1", "report": "scan.sarif",
                                       "sarif-file": "scan.sarif"}
    assert json.loads((workspace / "scan.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"sarif-upload": "yes"}, "sarif-upload is 'yes'; give true or false"),
        ({"paths": " \n "}, "paths is empty; give the pages, catalogs or directories to check"),
        ({"sarif-upload": "true", "output": "l10n.sarif", "format": "junit"},
         "output and sarif-file are both l10n.sarif; give the junit report another name"),
    ],
    ids=["sarif-upload", "paths", "same-file"],
)
def test_action_check_step_refuses_bad_inputs(tmp_path: Path, inputs: dict[str, str],
                                              message: str) -> None:
    workspace = workspace_with_pages(tmp_path)
    done = subprocess.run([str(SCRIPT), "check"], cwd=workspace, capture_output=True,
                          text=True, env=actions_env(workspace, **inputs))
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", f"::error title=l10n action::{message}\n")
    assert step_outputs(workspace) == {}


@pytest.mark.parametrize(
    ("exit_code", "returncode", "stderr"),
    [("0", 0, ""),
     ("1", 1, "::error title=l10n check::findings at or above --fail-on (see above)\n"),
     ("2", 2, "::error title=l10n check::bad input or unreadable files (see above)\n"),
     ("", 2, "::error title=l10n check::the check did not run (exit code '')\n")],
    ids=["clean", "findings", "bad-input", "no-check"],
)
def test_action_finish_step(tmp_path: Path, exit_code: str, returncode: int,
                            stderr: str) -> None:
    done = subprocess.run([str(SCRIPT), "finish"], cwd=tmp_path, capture_output=True,
                          text=True, env={**actions_env(tmp_path), "EXIT_CODE": exit_code})
    assert (done.returncode, done.stdout, done.stderr) == (returncode, "", stderr)


# --------------------------------------------------------------------------- README recipes


def check_commands(block: str) -> list[tuple[list[str], str]]:
    """Each ``l10n check …`` in a recipe: its arguments and the file it writes."""
    found = []
    for match in re.finditer(r"l10n check ([^>\n']*)> (\S+)", block):
        found.append((shlex.split(match.group(1)), match.group(2)))
    return found


@pytest.mark.parametrize(
    ("first_line", "reports"),
    [("l10n:\n  stage: test", ["l10n-junit.xml", "gl-code-quality.json"]),
     ("stage('l10n')", ["l10n-junit.xml"]),
     ("- script: |", ["l10n-junit.xml"])],
    ids=["gitlab", "jenkins", "azure"],
)
def test_readme_ci_recipes(first_line: str, reports: list[str]) -> None:
    """The CI recipes call l10n check with options it has and publish the files it writes."""
    from l10n.cli import cli

    block = readme_recipe(first_line)
    commands = check_commands(block)
    assert [written for _, written in commands] == reports
    for args, _ in commands:
        cli.commands["check"].make_context("check", list(args))  # raises on a bad option
    if first_line.startswith("l10n:"):
        job = yaml.safe_load(block)["l10n"]
        assert job["artifacts"]["reports"] == {"junit": reports[0], "codequality": reports[1]}
        assert [args[args.index("--format") + 1] for args, _ in commands] == ["junit", "gitlab"]
    elif first_line.startswith("stage"):
        assert f"junit '{reports[0]}'" in block
    else:
        steps = yaml.safe_load(block)
        assert steps[1]["task"] == "PublishTestResults@2"
        assert steps[1]["inputs"]["testResultsFiles"] == reports[0]


def test_readme_github_workflow_uses_the_actions_inputs() -> None:
    workflow = yaml.safe_load(readme_recipe("name: l10n\n"))
    steps = workflow["jobs"]["l10n"]["steps"]
    ours = next(step for step in steps if step.get("uses", "").endswith("/l10n@v0.1.0"))
    inputs = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["inputs"]
    assert set(ours["with"]) <= set(inputs)
    assert workflow["permissions"]["security-events"] == "write"  # what the upload needs
