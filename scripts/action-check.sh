#!/usr/bin/env bash
# The shell steps of the GitHub Action (action.yml), one subcommand each, so they can be run
# and tested outside GitHub with the variables Actions sets:
#   install  put l10n from GITHUB_ACTION_PATH into a virtual environment under RUNNER_TEMP
#            (INPUT_PYTHON: the interpreter, 3.11 or later); output `l10n`: the program;
#   check    run `$L10N check` with the inputs (INPUT_PATHS, INPUT_FORMAT, INPUT_CATALOGS,
#            INPUT_LOCALE, INPUT_FAIL_ON, INPUT_OUTPUT, INPUT_SARIF_UPLOAD, INPUT_SARIF_FILE);
#            outputs `exit-code`, `report` and `sarif-file`. It exits 0 whatever l10n found,
#            so the SARIF upload that follows still runs; only bad inputs stop it (exit 2);
#   finish   exit with the check's code (EXIT_CODE), saying why when it is not 0.
# Outputs are appended to GITHUB_OUTPUT as name=value lines.
set -euo pipefail

output() {
    printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

show() {  # the command about to run, as a shell would read it
    local quoted
    printf -v quoted ' %q' "$@"
    echo "+${quoted}" >&2
}

fail() {
    echo "::error title=l10n action::$1" >&2
    exit 2
}

install() {
    local python="${INPUT_PYTHON:-python3}"
    local venv="${RUNNER_TEMP:?RUNNER_TEMP is not set}/l10n-action-venv"
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || fail "l10n needs Python 3.11 or later; $python is older (use actions/setup-python first)"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
    output l10n "$venv/bin/l10n"
}

check() {
    local format="${INPUT_FORMAT:-github}" fail_on="${INPUT_FAIL_ON:-error}"
    local report="${INPUT_OUTPUT:-}" upload="${INPUT_SARIF_UPLOAD:-false}"
    local sarif="${INPUT_SARIF_FILE:-l10n.sarif}"
    case "$upload" in
        true | false) ;;
        *) fail "sarif-upload is '$upload'; give true or false" ;;
    esac
    # Paths are separated by whitespace (spaces or lines), never glob-expanded.
    local -a paths options
    set -f
    # shellcheck disable=SC2206
    paths=(${INPUT_PATHS:-.})
    set +f
    [ ${#paths[@]} -gt 0 ] || fail "paths is empty; give the pages, catalogs or directories to check"
    options=(--fail-on "$fail_on")
    [ -z "${INPUT_CATALOGS:-}" ] || options+=(--catalogs "$INPUT_CATALOGS")
    [ -z "${INPUT_LOCALE:-}" ] || options+=(--locale "$INPUT_LOCALE")
    if [ "$upload" = true ] && [ "$format" = sarif ] && [ -z "$report" ]; then
        report=$sarif
    elif [ "$upload" = true ] && [ "$format" != sarif ] && [ "$report" = "$sarif" ]; then
        fail "output and sarif-file are both $sarif; give the $format report another name"
    fi
    local l10n="${L10N:-l10n}" code=0
    show l10n check --format "$format" "${options[@]}" -- "${paths[@]}"
    if [ -n "$report" ]; then
        echo "  (report in $report)" >&2
        "$l10n" check --format "$format" "${options[@]}" -- "${paths[@]}" >"$report" || code=$?
    else
        "$l10n" check --format "$format" "${options[@]}" -- "${paths[@]}" || code=$?
    fi
    if [ "$upload" = true ] && [ "$report" != "$sarif" ]; then  # else the run above wrote it
        # A second run writes the SARIF file: the same findings, since a check is pure.
        show l10n check --format sarif "${options[@]}" -- "${paths[@]}"
        echo "  (report in $sarif)" >&2
        local again=0
        "$l10n" check --format sarif "${options[@]}" -- "${paths[@]}" >"$sarif" || again=$?
        [ "$again" -le "$code" ] || code=$again
    fi
    output exit-code "$code"
    output report "$report"
    [ "$upload" = true ] || sarif=""
    output sarif-file "$sarif"
}

finish() {
    case "${EXIT_CODE:-}" in
        0) ;;
        1) echo "::error title=l10n check::findings at or above --fail-on (see above)" >&2 ;;
        2) echo "::error title=l10n check::bad input or unreadable files (see above)" >&2 ;;
        *) echo "::error title=l10n check::the check did not run (exit code '${EXIT_CODE:-}')" >&2
           exit 2 ;;
    esac
    exit "$EXIT_CODE"
}

case "${1:-}" in
    install | check | finish) "$1" ;;
    *) echo "usage: $0 install|check|finish" >&2; exit 2 ;;
esac
