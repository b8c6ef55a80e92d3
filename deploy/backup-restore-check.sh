#!/usr/bin/env bash
# Dump the Public Office database, restore the dump into a scratch database,
# and compare the row count of every table; then drop the scratch database.
#
#   DATABASE_URL=postgres://user:pass@host:5432/publicoffice \
#     deploy/backup-restore-check.sh [DUMP_FILE]
#
# DUMP_FILE defaults to ./publicoffice-YYYYmmdd-HHMMSS.dump and is kept: it is
# the backup (pg_dump's custom format, restore it with pg_restore). The counts
# of the source are taken in the same snapshot as the dump, so the check holds
# on a live database. The role needs CREATEDB (it creates and drops
# <database>_restore_check_<pid>). Exit status: 0 when every table matches,
# 1 when a count differs or a step fails, 2 when DATABASE_URL is unusable.
# See docs/deploy.md, "Backups".
set -euo pipefail

url="${DATABASE_URL:-}"
case "$url" in
  postgres://* | postgresql://*) ;;
  pgsql://*) url="postgresql://${url#pgsql://}" ;;
  *)
    echo "backup-restore-check.sh: DATABASE_URL must be a PostgreSQL address" \
      "(postgres://user:password@host:5432/name); this check works with PostgreSQL only." \
      "For SQLite, copy the file with: sqlite3 FILE '.backup COPY'" >&2
    exit 2
    ;;
esac

base="${url%%\?*}"                      # the address without ?sslmode=... and such
query="${url#"$base"}"
authority_and_path="${base#*://}"
source_db="${authority_and_path#*/}"
if [ -z "$source_db" ] || [ "$source_db" = "$authority_and_path" ]; then
  echo "backup-restore-check.sh: DATABASE_URL names no database." >&2
  exit 2
fi
scratch_db="$(printf '%s' "${source_db}_restore_check_$$" | cut -c1-63)"
scratch_url="${base%/*}/${scratch_db}${query}"
dump="${1:-./publicoffice-$(date +%Y%m%d-%H%M%S).dump}"

# One exact count per ordinary table, "schema.table<TAB>count", sorted.
count_sql="SELECT format('%s.%s', schemaname, tablename) || E'\\t' ||
  (xpath('/row/c/text()', query_to_xml(
     format('SELECT count(*) AS c FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text
  FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
  ORDER BY 1;"

psql_q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  psql_q -d "$url" -c "DROP DATABASE IF EXISTS \"${scratch_db}\"" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# A session that holds a snapshot: pg_dump and the source counts both read it.
coproc SNAP { psql_q -d "$url"; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
read -r snapshot <&"${SNAP[0]}"
pg_dump --format=custom --snapshot="$snapshot" --file="$dump" --dbname="$url"
printf '%s\nSELECT %s;\n' "$count_sql" "'-- end --'" >&"${SNAP[1]}"
source_counts=""
while read -r line <&"${SNAP[0]}"; do
  [ "$line" = "-- end --" ] && break
  source_counts+="$line"$'\n'
done
echo "COMMIT;" >&"${SNAP[1]}"
exec {SNAP[1]}>&-
wait "$SNAP_PID" || true

psql_q -d "$url" -c "CREATE DATABASE \"${scratch_db}\" TEMPLATE template0" >/dev/null
pg_restore --no-owner --no-acl --no-comments --exit-on-error --single-transaction \
  --dbname="$scratch_url" "$dump"
restored_counts="$(psql_q -d "$scratch_url" -c "$count_sql" | sed '/^$/d')"
source_counts="$(printf '%s' "$source_counts" | sed '/^$/d')"

tables="$(printf '%s\n' "$source_counts" | grep -c . || true)"
if [ "$source_counts" != "$restored_counts" ]; then
  echo "Restore check FAILED: row counts differ (source < >, restored):" >&2
  diff <(printf '%s\n' "$source_counts") <(printf '%s\n' "$restored_counts") >&2 || true
  exit 1
fi
rows="$(printf '%s\n' "$source_counts" | awk -F'\t' '{ s += $2 } END { print s + 0 }')"
echo "Restore check passed: ${tables} tables, ${rows} rows, the same in ${dump} restored."
