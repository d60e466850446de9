#!/usr/bin/env bash
# Sleek Workflows — the one test command: ./test.sh [extra `dotnet test` args]
#
#   ./test.sh                              # everything
#   ./test.sh --filter "FullyQualifiedName~Bookmark"
#
# What it does, on a fresh Debian 12 machine as root (or on a developer machine):
#   1. installs what is missing: PostgreSQL 15 server binaries (apt package postgresql-15);
#      Chromium too for the browser tests of the designer (see SLEEK_INSTALL_CHROMIUM below).
#   2. PostgreSQL for the tests:
#        - SLEEK_TEST_POSTGRES set (Npgsql connection string to a server where the tests may
#          CREATE/DROP DATABASE): used as is;
#        - otherwise a throwaway PostgreSQL 15 is started from /usr/lib/postgresql/15/bin in a
#          temp dir on a free 127.0.0.1 port, exported as SLEEK_TEST_POSTGRES, and stopped and
#          removed on exit (pass or fail, or Ctrl-C).
#   3. `dotnet tool restore`, `npm ci` in tests/S3Server (s3rver, an S3-protocol server the file store tests start), then `dotnet test Sleek.Workflows.sln -c Release` with a TRX logger
#      and the console logger, writing to ./TestResults (wiped first); then, without extra arguments,
#      the designer's vitest unit tests (npm in src/Designer) with a JUnit file there too.
#   4. prints one closing line `Tests: N passed, M failed, K skipped` summed over all TRX files,
#      and exits with dotnet test's exit code (non-zero as well when no test ran at all).
#
# Environment knobs:
#   SLEEK_TEST_POSTGRES=...      use this server instead of starting one
#   SLEEK_INSTALL_CHROMIUM=1     apt-get install chromium when /usr/bin/chromium is missing
#                                (unset: only once a tests/ project references Microsoft.Playwright;
#                                =0: never)
#   SLEEK_TEST_ONLY_DB=1         only start the throwaway PostgreSQL, check it with psql
#                                (`select version()`), print the connection string and exit
#                                through the cleanup trap (a self-check of this script)
#   SLEEK_PG_BIN=/path           PostgreSQL bin dir (default /usr/lib/postgresql/15/bin)
#   SLEEK_PG_USER=name           system user that runs the throwaway server when we are root
#                                (default sleektest; created when missing)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO_ROOT="$(pwd -P)"

PG_BIN="${SLEEK_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER="${SLEEK_PG_USER:-sleektest}"
# One folder per run, so two runs at once (two terminals, parallel agents) never count each other's results.
RESULTS_DIR="$REPO_ROOT/TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
SOLUTION="Sleek.Workflows.sln"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------------------------
# 1. Prerequisites
# ---------------------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
    # apt_install <package>...
    is_root || die "missing packages ($*); run as root or install them: sudo apt-get install -y $*"
    command -v apt-get >/dev/null 2>&1 || die "missing packages ($*) and no apt-get on this machine"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        apt-get update -qq
        APT_UPDATED=1
    fi
    log "apt-get install -y $*"
    apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is not installed ('dotnet' not on PATH). Install the .NET 10 SDK: https://dot.net"

if [ -z "${SLEEK_TEST_POSTGRES:-}" ] && [ ! -x "$PG_BIN/initdb" ]; then
    # Debian also creates and (where it can) starts a 'main' cluster on 5432; we don't use it,
    # and it does no harm if it runs: our server takes another port.
    apt_install postgresql-15
    [ -x "$PG_BIN/initdb" ] || die "postgresql-15 installed but $PG_BIN/initdb is still missing"
fi

# Chromium for the designer's browser tests (Playwright drives Debian's /usr/bin/chromium):
# SLEEK_INSTALL_CHROMIUM=1 installs it, =0 never; unset: installed once a test project under
# tests/ references Microsoft.Playwright, so CI on a fresh machine gets it without a change here.
want_chromium="${SLEEK_INSTALL_CHROMIUM:-auto}"
if [ "$want_chromium" = "auto" ]; then
    want_chromium=0
    if [ -d tests ] && grep -rqs --include='*.csproj' 'Microsoft.Playwright' tests; then
        want_chromium=1
    fi
fi
if [ "$want_chromium" = "1" ] && [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
fi

# Node.js and npm build the designer (src/Host/Host.csproj runs `npm ci` and `npm run build`) and run its
# vitest unit tests. Vite 8 needs Node.js 20.19 or later.
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    apt_install nodejs npm
fi

# ---------------------------------------------------------------------------------------------
# 2. PostgreSQL
# ---------------------------------------------------------------------------------------------
PG_DIR=""
PG_STARTED=0

stop_pg_dir() {
    # stop_pg_dir DIR: stops the server whose data dir is DIR/data (if running) and removes DIR.
    local dir="$1" pid
    if [ -f "$dir/data/postmaster.pid" ]; then
        PG_DIR="$dir" as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
        # Belt and braces: if pg_ctl could not stop it, kill the postmaster by its pid.
        if [ -f "$dir/data/postmaster.pid" ]; then
            pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
            if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
                sleep 1
            fi
        fi
    fi
    rm -rf -- "$dir" || true
}

stop_postgres() {
    # Stops the throwaway server (if we started one) and removes its temp dir; idempotent.
    if [ -n "$PG_DIR" ]; then
        [ "$PG_STARTED" -eq 1 ] && log "stopping throwaway PostgreSQL"
        stop_pg_dir "$PG_DIR"
        PG_DIR=""
        PG_STARTED=0
    fi
}

remove_stale_servers() {
    # A run that was killed with SIGKILL could not clean up: stop and remove the servers of runs
    # whose test.sh process is gone (each temp dir records its owner's pid in owner.pid).
    local dir owner
    for dir in /tmp/sleek-pg.*; do
        [ -f "$dir/owner.pid" ] || continue
        owner="$(cat "$dir/owner.pid" 2>/dev/null || true)"
        if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then
            continue # still in use by a running test.sh
        fi
        log "removing a stale throwaway PostgreSQL left by an interrupted run: $dir"
        stop_pg_dir "$dir"
    done
}

cleanup() {
    local rc=$?
    set +e
    stop_postgres
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

as_pg_user() {
    # Runs a PostgreSQL server program as the unprivileged user (initdb/postgres refuse root),
    # from inside the temp dir so the user can always read its cwd.
    if is_root; then
        (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

port_in_use() {
    # true when something listens on 127.0.0.1:$1 (or on all addresses)
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    return 1
}

free_port() {
    local p
    if command -v python3 >/dev/null 2>&1 &&
        p="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)" && [ -n "$p" ] && ! port_in_use "$p"; then
        echo "$p"
        return 0
    fi
    for p in $(seq 54330 54999); do
        if ! port_in_use "$p"; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

start_throwaway_postgres() {
    for tool in initdb pg_ctl pg_isready; do
        [ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool not found (set SLEEK_PG_BIN or install postgresql-15)"
    done

    remove_stale_servers

    if is_root; then
        if ! id -u "$PG_USER" >/dev/null 2>&1; then
            log "creating system user $PG_USER (PostgreSQL refuses to run as root)"
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER"
        fi
        # Under /tmp (not $TMPDIR, which may sit in root's private home) so $PG_USER can reach it.
        PG_DIR="$(mktemp -d /tmp/sleek-pg.XXXXXX)"
        chown "$PG_USER" "$PG_DIR"
    else
        PG_DIR="$(mktemp -d /tmp/sleek-pg.XXXXXX)"
    fi
    chmod 700 "$PG_DIR"
    echo "$$" >"$PG_DIR/owner.pid"

    log "initdb in $PG_DIR/data"
    # C.UTF-8: byte-order collation (deterministic) with Unicode-aware upper/lower.
    if ! as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1; then
        log "initdb with locale C.UTF-8 failed, retrying with locale C"
        rm -rf -- "$PG_DIR/data"
        if ! as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
            --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1; then
            cat "$PG_DIR/initdb.log" >&2
            die "initdb failed"
        fi
    fi

    local attempt port
    for attempt in 1 2 3; do
        port="$(free_port)" || die "no free TCP port found for PostgreSQL"
        log "starting throwaway PostgreSQL 15 on 127.0.0.1:$port"
        if as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w -t 60 \
            -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
            PG_STARTED=1
            break
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt); pg.log tail:"
        tail -n 30 "$PG_DIR/pg.log" >&2 2>/dev/null || true
        # it may be half up: make sure nothing is left before retrying
        as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m immediate >/dev/null 2>&1 || true
    done
    [ "$PG_STARTED" -eq 1 ] || die "could not start PostgreSQL (log above)"

    local i
    for i in $(seq 1 60); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
            break
        fi
        if [ "$i" -eq 60 ]; then
            tail -n 50 "$PG_DIR/pg.log" >&2 2>/dev/null || true
            die "PostgreSQL on port $port is not ready after 30 s"
        fi
        sleep 0.5
    done

    SLEEK_TEST_PG_PORT="$port"
    export SLEEK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
    log "PostgreSQL ready: $SLEEK_TEST_POSTGRES"
}

if [ -n "${SLEEK_TEST_POSTGRES:-}" ]; then
    log "using the PostgreSQL given in SLEEK_TEST_POSTGRES"
    [ "${SLEEK_TEST_ONLY_DB:-0}" = "1" ] && die "SLEEK_TEST_ONLY_DB=1 checks the throwaway server: unset SLEEK_TEST_POSTGRES"
else
    start_throwaway_postgres
fi

if [ "${SLEEK_TEST_ONLY_DB:-0}" = "1" ]; then
    # Self-check of the PostgreSQL lifecycle: connect once, then leave through the EXIT trap.
    PSQL="$PG_BIN/psql"
    [ -x "$PSQL" ] || PSQL="$(command -v psql)"
    "$PSQL" -X -h 127.0.0.1 -p "$SLEEK_TEST_PG_PORT" -U postgres -d postgres -tAc 'select version()'
    "$PSQL" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SLEEK_TEST_PG_PORT" -U postgres -d postgres -tA \
        -c 'create database sleek_selfcheck' -c 'drop database sleek_selfcheck' \
        -c 'show max_connections' -c 'show fsync' -c 'show server_encoding' -c 'show lc_ctype'
    log "SLEEK_TEST_ONLY_DB=1: database check done, data dir $PG_DIR will be removed"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# 3. Tests
# ---------------------------------------------------------------------------------------------
if [ -f .config/dotnet-tools.json ] || [ -f dotnet-tools.json ]; then
    log "dotnet tool restore"
    dotnet tool restore
fi

# The S3-protocol server the S3 file store's tests start (npm s3rver, tests/S3Server).
if [ -f tests/S3Server/package.json ] && [ ! -x tests/S3Server/node_modules/.bin/s3rver ]; then
    log "npm ci (tests/S3Server: s3rver for the S3 file store tests)"
    (cd tests/S3Server && npm ci --no-audit --no-fund </dev/null)
fi

rm -rf -- "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "dotnet test $SOLUTION -c Release $*"
# `--logger trx` without LogFileName on purpose: with a fixed LogFileName (results.trx) every test
# project of the solution overwrites the same file ("WARNING: Overwriting results file") and the
# counts of all but the last project are lost; the default names are unique per project.
test_rc=0
dotnet test "$SOLUTION" -c Release \
    --logger trx \
    --logger "console;verbosity=normal" \
    --results-directory "$RESULTS_DIR" \
    "$@" </dev/null || test_rc=$?

# The designer's unit tests (vitest), unless a filter picks .NET tests only: the build above ran `npm ci`.
# Their JUnit file is counted in the summary with the TRX files.
if [ "$#" -eq 0 ] && [ -d src/Designer ]; then
    log "npm test (src/Designer, vitest)"
    if [ ! -d src/Designer/node_modules ]; then
        (cd src/Designer && npm ci --no-audit --no-fund) || test_rc=1
    fi
    (cd src/Designer && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$RESULTS_DIR/designer-vitest.junit.xml" </dev/null) || test_rc=1
fi

# Stop the database now, so that the summary below is the last thing printed.
stop_postgres

# ---------------------------------------------------------------------------------------------
# 4. Summary over all TRX files
# ---------------------------------------------------------------------------------------------
# Prints "passed failed skipped total trxcount". Skipped = tests that did not execute (xunit Skip,
# NotExecuted); failed also counts Error, Timeout and Aborted outcomes.
summarize_trx() {
    python3 - "$RESULTS_DIR" <<'PY'
import os, sys
import xml.etree.ElementTree as ET

root_dir = sys.argv[1]
passed = failed = skipped = total = files = 0
for dirpath, _, names in os.walk(root_dir):
    for name in sorted(names):
        if not name.endswith(".trx"):
            continue
        path = os.path.join(dirpath, name)
        try:
            tree = ET.parse(path)
        except ET.ParseError as e:
            print(f"[test.sh] cannot parse {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        files += 1
        counters = None
        for el in tree.iter():
            if el.tag.rsplit("}", 1)[-1] == "Counters":
                counters = el
                break
        if counters is None:
            continue
        def c(attr):
            try:
                return int(counters.get(attr, "0"))
            except ValueError:
                return 0
        t = c("total")
        p = c("passed")
        f = c("failed") + c("error") + c("timeout") + c("aborted")
        total += t
        passed += p
        failed += f
        skipped += max(t - p - f, 0)
# JUnit files (the designer's vitest run): <testsuites tests= failures= errors= skipped=>.
for dirpath, _, names in os.walk(root_dir):
    for name in sorted(names):
        if not name.endswith(".junit.xml"):
            continue
        try:
            suites = ET.parse(os.path.join(dirpath, name)).getroot()
        except ET.ParseError as e:
            print(f"[test.sh] cannot parse {name}: {e}", file=sys.stderr)
            failed += 1
            continue
        files += 1
        t = int(suites.get("tests", "0"))
        f = int(suites.get("failures", "0")) + int(suites.get("errors", "0"))
        k = sum(int(suite.get("skipped", "0")) for suite in suites.iter("testsuite"))
        total += t
        failed += f
        skipped += k
        passed += max(t - f - k, 0)
print(passed, failed, skipped, total, files)
PY
}

summarize_trx_awk() {
    # Fallback without python3: sum the attributes of each <Counters .../> element.
    local f
    find "$RESULTS_DIR" -name '*.trx' -print0 | while IFS= read -r -d '' f; do
        tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1
    done | awk '
        function attr(s, name,   m) {
            if (match(s, " " name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
            return 0
        }
        { n++; t = attr($0, "total"); p = attr($0, "passed");
          f = attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted");
          T += t; P += p; F += f; s = t - p - f; if (s > 0) S += s }
        END { print P + 0, F + 0, S + 0, T + 0, n + 0 }'
}

summary=""
if command -v python3 >/dev/null 2>&1; then
    summary="$(summarize_trx)" || summary=""
fi
if [ -z "$summary" ]; then
    summary="$(summarize_trx_awk)" || summary=""
fi
n_passed=0 n_failed=0 n_skipped=0 n_total=0 n_files=0
read -r n_passed n_failed n_skipped n_total n_files <<<"${summary:-0 0 0 0 0}" || true

echo
final_rc="$test_rc"
if [ "$n_files" -eq 0 ]; then
    log "no TRX results were written to $RESULTS_DIR: no test project ran (build failure, or no test project in $SOLUTION)"
    [ "$final_rc" -ne 0 ] || final_rc=1
elif [ "$((n_passed + n_failed))" -eq 0 ]; then
    log "no test was executed ($n_total found, $n_skipped skipped): check the filter and the test projects"
    [ "$final_rc" -ne 0 ] || final_rc=1
fi
if [ "$n_failed" -gt 0 ] && [ "$final_rc" -eq 0 ]; then
    final_rc=1
fi
if [ "$test_rc" -ne 0 ] && [ "$n_failed" -eq 0 ]; then
    log "dotnet test exited with $test_rc (build error or test host crash?): see its output above"
fi

echo "Tests: $n_passed passed, $n_failed failed, $n_skipped skipped"
exit "$final_rc"
