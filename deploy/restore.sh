#!/usr/bin/env bash
# Puts a backup of deploy/backup.sh back into an empty database, then checks that every table holds the rows the
# backup's MANIFEST counted (on a database written while it was backed up, tables written meanwhile may differ: the
# check then lists them). The spools and the keys are the operator's to put back (printed at the end).
#
# Usage: deploy/restore.sh BACKUP_DIRECTORY JDBC_URL USER [PASSWORD]
#   JDBC_URL   jdbc:mariadb://host[:port]/database — created if missing, refused if it holds any table
#   MARIADB_BIN a directory holding mariadb, when it is not on the PATH
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 BACKUP_DIRECTORY JDBC_URL USER [PASSWORD]" >&2
  exit 2
fi
backup="$1"
url="$2"
export MYSQL_PWD="${4:-}"
bin="${MARIADB_BIN:+$MARIADB_BIN/}"
for file in database.sql.gz MANIFEST; do
  if [ ! -f "$backup/$file" ]; then
    echo "restore: $backup holds no $file: not a backup of deploy/backup.sh" >&2
    exit 2
  fi
done
if [[ ! "$url" =~ ^jdbc:mariadb://([^:/]+)(:([0-9]+))?/([A-Za-z0-9_]+) ]]; then
  echo "restore: $url is not jdbc:mariadb://host[:port]/database" >&2
  exit 2
fi
database="${BASH_REMATCH[4]}"
connection=(--host="${BASH_REMATCH[1]}" --port="${BASH_REMATCH[3]:-3306}" --user="$3")

"${bin}mariadb" "${connection[@]}" -e "CREATE DATABASE IF NOT EXISTS \`$database\`
  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
tables="$("${bin}mariadb" "${connection[@]}" -N -B "$database" -e "SELECT COUNT(*) FROM information_schema.tables
  WHERE table_schema = DATABASE()")"
if [ "$tables" != 0 ]; then
  echo "restore: $database already holds $tables tables; restore into an empty database" >&2
  exit 1
fi

gunzip -c "$backup/database.sql.gz" | "${bin}mariadb" "${connection[@]}" "$database"

differences=0
while read -r kind table rows; do
  [ "$kind" = rows ] || continue
  restored="$("${bin}mariadb" "${connection[@]}" -N -B "$database" -e "SELECT COUNT(*) FROM \`$table\`")"
  if [ "$restored" != "$rows" ]; then
    echo "restore: $table holds $restored rows, the backup counted $rows" >&2
    differences=$((differences + 1))
  fi
done < "$backup/MANIFEST"
checked="$(grep -c '^rows ' "$backup/MANIFEST")"
if [ "$differences" != 0 ]; then
  echo "restore: $differences of $checked tables differ from the backup's count" >&2
  exit 1
fi

echo "restore: $database holds the backup of $(head -n 1 "$backup/MANIFEST" | cut -d' ' -f2) ($checked tables, rows as counted)"
echo "restore: the keys are in $backup/keys.env: put their lines in the instances' environment file"
if [ -f "$backup/SPOOLS" ]; then
  while read -r archive directory requests _; do
    echo "restore: $archive held $requests requests of $directory: tar -xzf $backup/$archive -C <spool directory>"
  done < "$backup/SPOOLS"
fi
