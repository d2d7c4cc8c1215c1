#!/usr/bin/env bash
# Runs the built jar as deploy/passerelle.service would, under the same hardening, and checks that it starts, answers
# ready, and that a stop (SIGTERM) ends with a status the unit counts as success.
#
# Where systemd is not PID 1 (CI's containers), the unit's sandbox is built by hand from the unit's own settings: a
# mount namespace where every file system is read-only (ProtectSystem=strict) but /dev, /proc, /sys and the unit's
# ReadWritePaths, a /tmp of its own (PrivateTmp), the unit's user and working directory, no new privileges.
#
#   deploy/check-service.sh JAR JDBC_URL DB_USER [DB_PASSWORD]
#
# Needs root (it creates the unit's user if missing, and the namespace). The database must exist and be empty or a
# Passerelle database; the check leaves the schema it created.
set -euo pipefail

unit="$(cd "$(dirname "$0")" && pwd)/passerelle.service"
jar="$(realpath "$1")"
jdbc_url="$2"
db_user="$3"
db_password="${4:-}"
port="${CHECK_PORT:-18080}"

setting() { # the value of a [Service] setting of the unit, empty when absent
  sed -n "s/^$1=//p" "$unit" | tail -1
}

fail() {
  echo "check-service: $*" >&2
  exit 1
}

user="$(setting User)"
group="$(setting Group)"
workdir="$(setting WorkingDirectory)"
read_write="$(setting ReadWritePaths)"
exec_start="$(setting ExecStart)"
jar_in_unit="$(echo "$exec_start" | sed -n 's/.* -jar \([^ ]*\).*/\1/p')"
env_file="$(setting EnvironmentFile)"
[ -n "$user" ] && [ -n "$workdir" ] && [ -n "$jar_in_unit" ] && [ -n "$env_file" ] || fail "the unit lacks User, WorkingDirectory, ExecStart -jar or EnvironmentFile"
[ "$(setting ProtectSystem)" = strict ] || fail "the unit should keep the system read-only (ProtectSystem=strict)"
[ "$(setting NoNewPrivileges)" = true ] || fail "the unit should forbid new privileges (NoNewPrivileges=true)"
setting SuccessExitStatus | tr ' ' '\n' | grep -qx 143 || fail "a stop ends the JVM with 143 (SIGTERM): the unit should count it as success (SuccessExitStatus=143)"

if command -v systemd-analyze > /dev/null; then
  # the unit's syntax and references, as systemd reads them (it may warn that the user does not exist here)
  systemd-analyze verify "$unit" 2>&1 | grep -v "Failed to resolve user\|Cannot add dependency" || true
fi

getent group "$group" > /dev/null || groupadd --system "$group"
id "$user" > /dev/null 2>&1 || useradd --system --gid "$group" --home-dir "$workdir" --shell /usr/sbin/nologin "$user"
for path in $workdir $read_write; do
  mkdir -p "$path"
  chown "$user:$group" "$path"
done

staging="$(mktemp -d)"
log="$staging/passerelle.log"
trap 'rm -rf "$staging"' EXIT
chmod 755 "$staging"
cp "$jar" "$staging/passerelle.jar"
chmod 644 "$staging/passerelle.jar"
# the operator's example, filled in as an operator would (later lines win, for systemd as for the shell)
{
  grep -v '^#' "$(dirname "$unit")/passerelle.env.example" | grep .
  cat << EOF
SPRING_DATASOURCE_URL=$jdbc_url
SPRING_DATASOURCE_USERNAME=$db_user
SPRING_DATASOURCE_PASSWORD=$db_password
PASSERELLE_PRIVACY_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
PASSERELLE_PRIVACY_HASH_KEY=$(head -c 32 /dev/urandom | base64)
PASSERELLE_TWILIO_MODE=simulator
PASSERELLE_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64)
PASSERELLE_CONSOLE_RELAY_HOST=
PASSERELLE_PRIVACY_CONTROLLER_NAME=Passerelle check
PASSERELLE_PRIVACY_CONTACT=dpo@example.org
PASSERELLE_PRIVACY_HOST=this machine
SERVER_PORT=$port
MANAGEMENT_SERVER_PORT=$port
EOF
} > "$staging/passerelle.env"
chmod 600 "$staging/passerelle.env"

private_tmp="$(setting PrivateTmp)"
java_command="${exec_start% -jar *} -jar $jar_in_unit${exec_start#* -jar $jar_in_unit}"

# In a mount namespace of its own: the jar and the environment file where the unit expects them, then everything
# read-only but the API file systems and ReadWritePaths, then the unit's user, directory and environment.
env JAR_IN_UNIT="$jar_in_unit" ENV_FILE="$env_file" STAGING="$staging" READ_WRITE="$read_write" \
  PRIVATE_TMP="$private_tmp" WORKDIR="$workdir" UNIT_USER="$user" UNIT_GROUP="$group" JAVA_COMMAND="$java_command" \
  unshare --mount --fork bash -c '
  set -euo pipefail
  mount --make-rprivate /
  mkdir -p "$(dirname "$JAR_IN_UNIT")" "$(dirname "$ENV_FILE")" 2> /dev/null || true
  mount -t tmpfs -o mode=755 tmpfs "$(dirname "$JAR_IN_UNIT")"
  cp "$STAGING/passerelle.jar" "$JAR_IN_UNIT"
  mount -t tmpfs -o mode=755 tmpfs "$(dirname "$ENV_FILE")"
  cp "$STAGING/passerelle.env" "$ENV_FILE"
  for path in $READ_WRITE; do mount --bind "$path" "$path"; done
  if [ "$PRIVATE_TMP" = true ] || [ "$PRIVATE_TMP" = yes ]; then mount -t tmpfs -o mode=1777 tmpfs /tmp; fi
  writable=" /dev /proc /sys $READ_WRITE "
  [ "$PRIVATE_TMP" = true ] || [ "$PRIVATE_TMP" = yes ] && writable="$writable/tmp "
  awk "{print \$5}" /proc/self/mountinfo | sort -u | while read -r point; do
    case "$writable" in *" $point "*) continue ;; esac
    case "$point" in /dev/*|/proc/*|/sys/*) continue ;; esac
    mount -o remount,ro,bind "$point" 2> /dev/null || true
  done
  cd "$WORKDIR"
  # as systemd reads an EnvironmentFile: KEY=VALUE lines, the value as it stands (spaces, <, > and all)
  while IFS= read -r line; do
    case "$line" in "" | "#"*) continue ;; esac
    value="${line#*=}"
    value="${value#\"}"
    export "${line%%=*}=${value%\"}"
  done < "$ENV_FILE"
  exec setpriv --reuid "$UNIT_USER" --regid "$UNIT_GROUP" --init-groups --no-new-privs $JAVA_COMMAND
' > "$log" 2>&1 &
runner=$!

ready=""
for _ in $(seq 180); do
  if ! kill -0 "$runner" 2> /dev/null; then
    break
  fi
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2> /dev/null | grep -q '"UP"'; then
    ready=yes
    break
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  tail -40 "$log" >&2
  pkill -f -- "-jar $jar_in_unit" 2> /dev/null || true
  fail "the application did not become ready under the unit's hardening"
fi
echo "check-service: ready under the unit's hardening (user $user, read-only system, writable $read_write)"

java_pid="$(pgrep -f -- "-jar $jar_in_unit" | head -1)"
kill -TERM "$java_pid"
status=0
wait "$runner" || status=$?
[ "$status" = 143 ] || [ "$status" = 0 ] || { tail -20 "$log" >&2; fail "a stop ended with status $status"; }
# the production profile logs JSON lines (ECS); a plain line's level follows its time
if grep -E '"level":"ERROR"|^\S+\s+ERROR' "$log" > /dev/null; then
  grep -E '"level":"ERROR"|^\S+\s+ERROR' "$log" | head -5 >&2
  fail "errors in the log"
fi
echo "check-service: stopped with status $status, which the unit counts as success"
