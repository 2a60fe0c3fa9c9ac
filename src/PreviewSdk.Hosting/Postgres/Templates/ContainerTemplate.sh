#!/bin/sh
# PreviewSdk's part of a PostgreSQL container's seeded-data template (docs/architecture.md, "Seeded data from
# templates"), copied into the template image as /previewsdk/template.sh. Both modes run PostgreSQL in single-user
# mode (no network, no password) as the postgres account, on the data folder $PGDATA of the image's writable layer:
#   template.sh load            once, while the template is built: each /previewsdk/rows/<n>/load.sql into the
#                               database named by /previewsdk/rows/<n>/database (the rows the first environment
#                               seeded, replacing whatever its services wrote after), then the rows go
#   template.sh clone CMD...    every clone's entry point: gives $POSTGRES_USER this environment's $POSTGRES_PASSWORD,
#                               then runs the image's own entry point and command, CMD...
# It needs only what the official postgres images and build/images.sh's have: sh, and gosu, su-exec or setpriv.
set -eu

mode=${1:-}
[ $# -gt 0 ] && shift

server=$(command -v postgres 2>/dev/null || true)
if [ -z "$server" ]; then
    server=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/postgres
fi

as_postgres() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
    elif command -v gosu >/dev/null 2>&1; then
        gosu postgres "$@"
    elif command -v su-exec >/dev/null 2>&1; then
        su-exec postgres "$@"
    else
        setpriv --reuid=postgres --regid=postgres --init-groups "$@"
    fi
}

# Statements on standard input, one per line, into database $1. Single-user mode goes on after a failed statement
# and still exits 0, so its output is what tells. A failed statement is not echoed (log_min_error_statement=panic):
# the clone's statement holds the environment's password, and this output goes to the container's log.
single_user() {
    output=$(as_postgres "$server" --single -D "$PGDATA" -c listen_addresses= -c fsync=off \
        -c log_min_error_statement=panic "$1" 2>&1) || {
        printf '%s\n' "$output" >&2
        exit 1
    }
    case $output in
        *ERROR:* | *FATAL:* | *PANIC:*)
            printf '%s\n' "$output" >&2
            exit 1
            ;;
    esac
}

case $mode in
    load)
        for rows in /previewsdk/rows/*/; do
            single_user "$(cat "${rows}database")" <"${rows}load.sql"
        done
        rm -rf /previewsdk/rows
        ;;
    clone)
        user=${POSTGRES_USER:-postgres}
        password=$(printf '%s' "${POSTGRES_PASSWORD:-}" | sed "s/'/''/g")
        quoted_user=$(printf '%s' "$user" | sed 's/"/""/g')
        printf 'ALTER ROLE "%s" PASSWORD '"'"'%s'"'"';\n' "$quoted_user" "$password" | single_user postgres
        exec "$@"
        ;;
    *)
        echo "usage: template.sh load | clone ENTRYPOINT [CMD...]" >&2
        exit 2
        ;;
esac
