#!/bin/sh
# Entry point of the PostgreSQL image that build/images.sh builds from Debian's packages. It honours the variables
# of the official postgres image that Aspire's PostgreSQL resource (and most compose files) set, so one preview.yaml
# runs either image:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (postgres),
#   POSTGRES_DB (POSTGRES_USER), POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (scram-sha-256), PGDATA,
#   and the *.sql and *.sh files of /docker-entrypoint-initdb.d on the first start.
# Arguments: `postgres [options]` or options alone run the server (as the postgres account); anything else is run.
set -eu

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PATH="$bin:$PATH"
PGDATA=${PGDATA:-/var/lib/postgresql/data}
export PGDATA

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

if [ "${1:-postgres}" != postgres ] && [ "${1#-}" = "${1:-}" ]; then
    exec "$@"
fi
[ "${1:-}" = postgres ] && shift

mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    user=${POSTGRES_USER:-postgres}
    method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$method" != trust ]; then
        echo "error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)" >&2
        exit 1
    fi
    password_file=$(mktemp)
    printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$password_file"
    chown postgres "$password_file"
    # Word splitting of POSTGRES_INITDB_ARGS is wanted, as in the official image.
    # shellcheck disable=SC2086
    as_postgres initdb -D "$PGDATA" -U "$user" --pwfile="$password_file" ${POSTGRES_INITDB_ARGS:-} >/dev/null
    rm -f "$password_file"
    printf 'host all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"

    database=${POSTGRES_DB:-$user}
    scripts=$(ls /docker-entrypoint-initdb.d/ 2>/dev/null || true)
    if [ "$database" != postgres ] || [ -n "$scripts" ]; then
        # A server on the unix socket only, for the first database and the init scripts.
        as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
        export PGUSER="$user" PGPASSWORD="${POSTGRES_PASSWORD:-}" PGHOST=/run/postgresql
        if [ "$database" != postgres ]; then
            psql -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE \"$database\"" 
        fi
        for script in /docker-entrypoint-initdb.d/*; do
            case $script in
                *.sql) psql -v ON_ERROR_STOP=1 -q -d "$database" -f "$script" ;;
                *.sh) . "$script" ;;
            esac
        done
        as_postgres pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
        unset PGUSER PGPASSWORD PGHOST
    fi
fi

exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" -c listen_addresses='*' "$@"
