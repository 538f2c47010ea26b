#!/bin/sh
# Starts Asterisk in the Docker Compose stack with the configuration of docker/asterisk/.
#
# The files in docker/asterisk/ are the templates a telephony admin deploys; this script does what
# config management does at deployment, inside the container, then hands over to Asterisk:
#   1. copies docker/asterisk/*.conf (mounted at $src) over the image's sample configuration;
#   2. renders manager.conf for the compose network: AMI listens on the container's interfaces
#      (5038 is not published to the host), the engine's user is permitted from the private
#      networks Docker gives compose projects, and its secret comes from the ami-secret file;
#   3. appends each file of $extra (the stack test's caller context) to the file of that name;
#   4. makes the folders the CDR and CEL file backends write to (cdr_csv, cel_custom), if missing.
# Any step that does not apply stops the container with a message saying what to fix.
set -eu

src=${TABULA_ASTERISK_SRC:-/etc/tabula-asterisk}
extra=${TABULA_ASTERISK_EXTRA:-/etc/tabula-asterisk.d}
dst=${TABULA_ASTERISK_ETC:-/etc/asterisk}
secret_file=${TABULA_AMI_SECRET_FILE:-/run/secrets/ami-secret}
logdir=${TABULA_ASTERISK_LOG:-/var/log/asterisk}

fail() {
  echo "tabula-asterisk: $*" >&2
  exit 1
}

[ -r "$src/manager.conf" ] || fail "no $src/manager.conf; mount docker/asterisk at $src"
[ -r "$secret_file" ] || fail "cannot read $secret_file; create docker/secrets/ami-secret (docker/README.md)"
secret=$(tr -d '\r\n' < "$secret_file")
case "$secret" in
  "" | *[!A-Za-z0-9_-]*) fail "$secret_file must hold one line of letters, digits, '-' or '_'" ;;
esac

cp "$src"/*.conf "$dst"/

# Each expression must match exactly one line of the template; a test checks that they still do.
sed -e 's|^bindaddr = 127\.0\.0\.1$|bindaddr = 0.0.0.0|' \
    -e 's|^permit = 127\.0\.0\.1/255\.255\.255\.255$|permit = 10.0.0.0/255.0.0.0\npermit = 172.16.0.0/255.240.0.0\npermit = 192.168.0.0/255.255.0.0|' \
    -e "s|^secret = CHANGE_ME\$|secret = $secret|" \
    "$src/manager.conf" > "$dst/manager.conf"
grep -q '^bindaddr = 0\.0\.0\.0$' "$dst/manager.conf" || fail "manager.conf: no 'bindaddr = 127.0.0.1' line to render"
grep -q '^permit = 172\.16\.0\.0/255\.240\.0\.0$' "$dst/manager.conf" || fail "manager.conf: no 'permit = 127.0.0.1/255.255.255.255' line to render"
grep -q '^secret = CHANGE_ME$' "$dst/manager.conf" && fail "manager.conf: the secret was not set"
grep -q "^secret = $secret\$" "$dst/manager.conf" || fail "manager.conf: no 'secret = CHANGE_ME' line to render"

if [ -d "$extra" ]; then
  for file in "$extra"/*.conf; do
    [ -e "$file" ] || continue
    cat "$file" >> "$dst/$(basename "$file")"
  done
fi

if [ -d "$logdir" ]; then
  mkdir -p "$logdir/cdr-csv" "$logdir/cel-custom"
fi

if [ "$(id -u)" = 0 ] && getent group asterisk > /dev/null 2>&1; then
  chown root:asterisk "$dst/manager.conf"
  if [ -d "$logdir" ]; then
    chown asterisk:asterisk "$logdir/cdr-csv" "$logdir/cel-custom"
  fi
fi
chmod 0640 "$dst/manager.conf"

if [ $# -gt 0 ]; then
  exec "$@"
fi
