#!/usr/bin/env bash
# Makes sure a local PostgreSQL with pgvector runs and that the application role exists.
# Idempotent: a second run only checks. Needs root on Debian 12 (or 13) when something is missing.
# Prints nothing on stdout but the shell assignments of the connection settings, so callers can eval it.
set -euo pipefail
# Everything any tool prints goes to stderr (pg_ctlcluster, for one, prints "Removed stale pid file." on
# stdout after an unclean shutdown, which broke the caller's eval); only the settings at the end go to fd 3.
exec 3>&1 1>&2 # (the server started below must not inherit fd 3, or the caller's $(...) never ends)
log() { echo "[provision-postgres] $*" >&2; }

PGVERSION_WANTED=${FACECARD_PG_VERSION:-15}
DB_USER=${FACECARD_DB_USER:-facecard}
STATE_DIR=${FACECARD_STATE_DIR:-/var/lib/facecard}
PASSWORD_FILE="$STATE_DIR/db-password"

as_postgres() { runuser -u postgres -- "$@"; }
apt_ready=""
apt_install() {
  if [ -z "$apt_ready" ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_ready=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 3>&-
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "PostgreSQL is missing: installing it"
  apt_install postgresql
fi
PGV=$(pg_lsclusters -h | awk 'NR==1{print $1}')
PGV=${PGV:-$PGVERSION_WANTED}
if [ -z "$(pg_lsclusters -h)" ]; then
  log "no cluster: creating $PGV/main"; pg_createcluster "$PGV" main 3>&-
fi
if ! pg_lsclusters -h | awk '$2=="main"{print $4}' | grep -q online; then
  log "starting cluster $PGV/main"; pg_ctlcluster "$PGV" main start 3>&-
fi
PGPORT=$(pg_lsclusters -h | awk '$2=="main"{print $3}')

if [ ! -f "/usr/share/postgresql/$PGV/extension/vector.control" ]; then
  log "pgvector is missing: trying the binary package first"
  if ! apt_install "postgresql-$PGV-pgvector" 2>/dev/null; then
    log "no binary package: building pgvector from Debian's source package"
    apt_install "postgresql-server-dev-$PGV" build-essential
    # A separate source list and lists folder keep the system's own apt state untouched.
    MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    W=$(mktemp -d); mkdir -p "$W/lists/partial"; echo "deb-src $MIRROR trixie main" > "$W/src.list"
    O=(-o "Dir::Etc::SourceList=$W/src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$W/lists")
    apt-get "${O[@]}" update -qq >&2
    (cd "$W" && apt-get "${O[@]}" source --download-only pgvector >&2)
    tar xf "$W"/pgvector_*.orig.tar.gz -C "$W"
    SRC=$(find "$W" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
    make -s -C "$SRC" PG_CONFIG="/usr/lib/postgresql/$PGV/bin/pg_config" >&2
    make -s -C "$SRC" PG_CONFIG="/usr/lib/postgresql/$PGV/bin/pg_config" install >&2
    rm -rf "$W"
  fi
  # Installing the server headers can upgrade the server package under a running cluster:
  # restart so the running binaries match the libraries on disk.
  log "restarting cluster $PGV/main"; pg_ctlcluster "$PGV" main restart 3>&-
fi

# Memory: with Debian's shared_buffers of 128 MB a large tenant's HNSW index (about 2.6 GB per
# million templates) lives in the OS cache and every graph hop is a buffer miss. Raised once to a
# quarter of RAM (at most 8 GB) when it is still exactly that default, so an operator's own value
# stays; a restart applies it.
SB_MB=$(as_postgres psql -p "$PGPORT" -qAtc "SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")
if [ "$SB_MB" = "128" ]; then
  RAM_MB=$(awk '/^MemTotal:/{print int($2 / 1024)}' /proc/meminfo)
  WANT=$(( RAM_MB / 4 > 8192 ? 8192 : RAM_MB / 4 ))
  if [ "$WANT" -gt 128 ]; then
    log "shared_buffers 128MB -> ${WANT}MB, effective_cache_size $(( RAM_MB * 3 / 4 ))MB: restarting $PGV/main"
    as_postgres psql -p "$PGPORT" -qAt -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET shared_buffers = '${WANT}MB'" \
      -c "ALTER SYSTEM SET effective_cache_size = '$(( RAM_MB * 3 / 4 ))MB'" >&2
    pg_ctlcluster "$PGV" main restart 3>&-
  fi
fi

# Planner: the default random_page_cost of 4 prices a disk seek. With the data in shared_buffers
# it made PostgreSQL scan the whole of a small table with heavy churn (bonus_hold: holds come and go
# with every checkout) instead of using its primary key: about 60 heap pages per checkout instead
# of 4. Lowered once to 1.1 (the usual value for SSD or memory) while still the default; a reload applies it.
RPC=$(as_postgres psql -p "$PGPORT" -qAtc "SELECT setting FROM pg_settings WHERE name = 'random_page_cost'")
if [ "$RPC" = "4" ]; then
  log "random_page_cost 4 -> 1.1"
  as_postgres psql -p "$PGPORT" -qAt -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET random_page_cost = 1.1" -c "SELECT pg_reload_conf()" >&2
fi

mkdir -p "$STATE_DIR"; chmod 700 "$STATE_DIR"
if [ ! -s "$PASSWORD_FILE" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE"; chmod 600 "$PASSWORD_FILE"
fi
DB_PASSWORD=$(cat "$PASSWORD_FILE")
# The application role is deliberately not a superuser: row-level security does not bind superusers.
as_postgres psql -p "$PGPORT" -qAt -v ON_ERROR_STOP=1 -v u="$DB_USER" -v p="$DB_PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS', :'u')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L CREATEDB', :'u', :'p') \gexec
SQL

# Each database named on the command line is created (owned by the role) with the vector extension.
for db in "$@"; do
  as_postgres psql -p "$PGPORT" -qAt -v ON_ERROR_STOP=1 -v d="$db" -v u="$DB_USER" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
  as_postgres psql -p "$PGPORT" -d "$db" -qAt -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS vector" >&2
done

printf '%s\n' "FACECARD_DB_HOST=127.0.0.1" "FACECARD_DB_PORT=$PGPORT" "FACECARD_DB_USER=$DB_USER" \
  "FACECARD_DB_PASSWORD=$DB_PASSWORD" >&3
