#!/usr/bin/env bash
# Backs up what Passerelle cannot do without, into a new directory under DESTINATION:
#   database.sql.gz  the whole database, one consistent snapshot (mariadb-dump --single-transaction)
#   keys.env         the keys that open and find the phone numbers in it (current and retired): without them every
#                    stored number is unreadable; with them and the dump, anyone reads every number, so store this
#                    file apart from the rest (a password manager, an offline medium)
#   spool-N.tar.gz   each instance's fallback spool (callback requests not yet recorded), for the directories given
#   MANIFEST         when, from where, the last migration applied, and the rows of each table
#
# Usage: deploy/backup.sh DESTINATION [ENV_FILE [SPOOL_DIR...]]
#   ENV_FILE   the instances' environment file (default /etc/passerelle/passerelle.env): its database address and
#              account, and its keys
#   SPOOL_DIR  fallback spools to include (default /var/lib/passerelle/data/telephony-spool when it exists)
#   MARIADB_BIN a directory holding mariadb and mariadb-dump, when they are not on the PATH
# deploy/restore.sh puts a backup back; deploy/README.md, "Back up and restore", says when and how.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 DESTINATION [ENV_FILE [SPOOL_DIR...]]" >&2
  exit 2
fi
destination="$1"
env_file="${2:-/etc/passerelle/passerelle.env}"
shift $(($# < 2 ? $# : 2))
spools=("$@")
if [ ${#spools[@]} -eq 0 ] && [ -d /var/lib/passerelle/data/telephony-spool ]; then
  spools=(/var/lib/passerelle/data/telephony-spool)
fi
bin="${MARIADB_BIN:+$MARIADB_BIN/}"

# the environment file as systemd reads it: KEY=VALUE lines, the value as it stands
setting() {
  local line value
  line="$(grep -E "^$1=" "$env_file" | tail -n 1 || true)"
  value="${line#*=}"
  value="${value#\"}"
  printf '%s' "${value%\"}"
}

url="$(setting SPRING_DATASOURCE_URL)"
if [[ ! "$url" =~ ^jdbc:mariadb://([^:/]+)(:([0-9]+))?/([A-Za-z0-9_]+) ]]; then
  echo "backup: SPRING_DATASOURCE_URL in $env_file is not jdbc:mariadb://host[:port]/database (got '$url')" >&2
  exit 2
fi
host="${BASH_REMATCH[1]}"
port="${BASH_REMATCH[3]:-3306}"
database="${BASH_REMATCH[4]}"
export MYSQL_PWD
MYSQL_PWD="$(setting SPRING_DATASOURCE_PASSWORD)"
connection=(--host="$host" --port="$port" --user="$(setting SPRING_DATASOURCE_USERNAME)")

umask 077
target="$destination/passerelle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"

"${bin}mariadb-dump" "${connection[@]}" --single-transaction --quick --hex-blob --routines --triggers \
  --default-character-set=utf8mb4 "$database" | gzip > "$target/database.sql.gz"

grep -E '^PASSERELLE_PRIVACY_(KEY_VERSION|ENCRYPTION_KEY|HASH_KEY|RETIREDKEYS_[0-9]+_(ENCRYPTIONKEY|HASHKEY))=' \
  "$env_file" > "$target/keys.env" || true
if ! grep -q '^PASSERELLE_PRIVACY_ENCRYPTION_KEY=.' "$target/keys.env"; then
  echo "backup: no PASSERELLE_PRIVACY_ENCRYPTION_KEY in $env_file: the numbers of this dump could not be read" >&2
  exit 1
fi

count=0
for spool in "${spools[@]}"; do
  count=$((count + 1))
  tar -C "$spool" -czf "$target/spool-$count.tar.gz" .
  echo "spool-$count.tar.gz $spool $(find "$spool" -name '*.request' | wc -l) requests" >> "$target/SPOOLS"
done

{
  echo "backup $(date -u +%Y-%m-%dT%H:%M:%SZ) of $database on $host:$port"
  echo "migration $("${bin}mariadb" "${connection[@]}" -N -B "$database" \
    -e 'SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success = 1')"
  "${bin}mariadb" "${connection[@]}" -N -B "$database" -e "SELECT table_name FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name" |
    while read -r table; do
      echo "rows $table $("${bin}mariadb" "${connection[@]}" -N -B "$database" -e "SELECT COUNT(*) FROM \`$table\`")"
    done
} > "$target/MANIFEST"

echo "backup: $target ($(du -sh "$target" | cut -f1); keep keys.env apart from the rest)"
