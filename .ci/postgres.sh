# shellcheck shell=bash
# A throwaway PostgreSQL for the storage tests. Source it, don't run it:
#
#     source .ci/postgres.sh        # .ci/run does this; developers too, then: dotnet test tests/FootDrop.Bot.Tests
#
# It installs Debian's postgresql package if no server binaries are found, initialises a cluster in a temporary
# folder, starts it on 127.0.0.1 at a free port (as the postgres user when run as root: the server refuses root),
# creates a database and exports its Npgsql connection string as FOOTDROP_TEST_POSTGRES.
# The server stops when the shell that sourced this exits (or at once with: footdrop_postgres_stop).
# If anything fails it says so and leaves FOOTDROP_TEST_POSTGRES unset: outside CI the PostgreSQL tests then skip,
# under CI=true they fail, naming the variable.

footdrop_postgres_stop() {
    local dir="${FOOTDROP_POSTGRES_DIR:-}"
    [ -n "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        footdrop_postgres_as_owner "$FOOTDROP_POSTGRES_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    unset FOOTDROP_POSTGRES_DIR FOOTDROP_TEST_POSTGRES
}

footdrop_postgres_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$FOOTDROP_POSTGRES_USER" -- "$@"
    else
        "$@"
    fi
}

footdrop_postgres_find_bin() {
    local candidate
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then
            echo "$candidate"
            return 0
        fi
    done
    candidate="$(command -v initdb 2>/dev/null || true)"
    if [ -n "$candidate" ]; then
        candidate="$(dirname "$(readlink -f "$candidate")")"
        if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then
            echo "$candidate"
            return 0
        fi
    fi
    return 1
}

footdrop_postgres_install() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "postgres.sh: PostgreSQL is not installed; install Debian's 'postgresql' package (needs root)." >&2
        return 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    # The package would create and start a cluster of its own; this script makes its own instead.
    mkdir -p /etc/postgresql-common
    if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

footdrop_postgres_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

footdrop_postgres_start() {
    # Options set here stay here: a developer's interactive shell keeps its own.
    local -
    set +e +u

    if [ -n "${FOOTDROP_POSTGRES_DIR:-}" ] && [ -n "${FOOTDROP_TEST_POSTGRES:-}" ]; then
        echo "postgres.sh: already running; FOOTDROP_TEST_POSTGRES is set" >&2
        return 0
    fi

    FOOTDROP_POSTGRES_BIN="$(footdrop_postgres_find_bin)" || {
        footdrop_postgres_install || return 1
        FOOTDROP_POSTGRES_BIN="$(footdrop_postgres_find_bin)" || {
            echo "postgres.sh: no PostgreSQL server binaries found after installing" >&2
            return 1
        }
    }

    FOOTDROP_POSTGRES_USER="$(id -un)"
    if [ "$(id -u)" -eq 0 ]; then
        FOOTDROP_POSTGRES_USER=postgres
        if ! id -u postgres >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
        fi
    fi

    local dir password port attempt
    dir="$(mktemp -d "${TMPDIR:-/tmp}/footdrop-postgres.XXXXXX")" || return 1
    FOOTDROP_POSTGRES_DIR="$dir"
    chmod 700 "$dir"
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" >"$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R "$FOOTDROP_POSTGRES_USER:" "$dir"
    fi

    if ! footdrop_postgres_as_owner "$FOOTDROP_POSTGRES_BIN/initdb" -D "$dir/data" -U footdrop --pwfile="$dir/password" \
        --auth-host=scram-sha-256 --auth-local=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
        echo "postgres.sh: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        footdrop_postgres_stop
        return 1
    fi
    rm -f "$dir/password"

    # A free port can be taken between choosing and binding it; a few tries cover that.
    for attempt in 1 2 3 4 5; do
        port="$(footdrop_postgres_free_port)" || return 1
        if footdrop_postgres_as_owner "$FOOTDROP_POSTGRES_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
            break
        fi
        port=""
    done
    if [ -z "$port" ]; then
        echo "postgres.sh: the server did not start:" >&2
        tail -n 20 "$dir/server.log" >&2
        footdrop_postgres_stop
        return 1
    fi

    if ! footdrop_postgres_as_owner env PGPASSWORD="$password" \
        "$FOOTDROP_POSTGRES_BIN/createdb" -h 127.0.0.1 -p "$port" -U footdrop footdrop_test; then
        echo "postgres.sh: could not create the test database" >&2
        footdrop_postgres_stop
        return 1
    fi

    FOOTDROP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=footdrop_test;Username=footdrop;Password=$password"
    export FOOTDROP_TEST_POSTGRES FOOTDROP_POSTGRES_DIR FOOTDROP_POSTGRES_BIN FOOTDROP_POSTGRES_USER

    # Stop with the shell that sourced this, even if another script replaces the EXIT trap or the shell is killed.
    local previous_trap
    previous_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
    # shellcheck disable=SC2064
    trap "footdrop_postgres_stop; ${previous_trap}" EXIT
    (
        parent=$$
        while kill -0 "$parent" 2>/dev/null && [ -d "$dir/data" ]; do
            sleep 5
        done
        footdrop_postgres_stop
    ) >/dev/null 2>&1 </dev/null &
    disown $! 2>/dev/null || true

    echo "postgres.sh: PostgreSQL $("$FOOTDROP_POSTGRES_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database footdrop_test; FOOTDROP_TEST_POSTGRES is exported" >&2
    return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    echo "postgres.sh: source this script so the connection string reaches your shell: source .ci/postgres.sh" >&2
    exit 2
fi

footdrop_postgres_start || echo "postgres.sh: PostgreSQL is not available; FOOTDROP_TEST_POSTGRES is unset (PostgreSQL tests skip locally and fail under CI=true)" >&2
true
