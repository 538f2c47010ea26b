#!/bin/bash
# What Asterisk's hagi:// really does, on the real Asterisk 22.10.1 (/work/shared/asterisk), without
# touching the machine's resolver: Asterisk, a small DNS server on 127.0.0.1:53 and stand-in FastAGI
# servers run in their own mount and network namespaces (unshare -rmn), where /etc/resolv.conf is
# bind-mounted over with "nameserver 127.0.0.1". Prints one RESULT line per case and the warnings of
# res_agi.c; docs/scaling.md ("hagi:// as Asterisk does it") says what was seen.
#
#   bin/hagi-asterisk-check/check.sh            (needs unshare, ip, python3; about a minute)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
asterisk=${ASTERISK_HOME:-/work/shared/asterisk}
if [ "${1:-}" != "--inside" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  unshare -rmn "$0" --inside "$work"
  grep -E "RESULT case|WARNING\[.*res_agi" "$work/ast.log" | sed 's/^\[[^]]*\] //'
  echo "--- FastAGI stand-ins:"; cat "$work"/agi-*.log
  exit 0
fi
work=$2
cd "$work"
mkdir -p etc data lib db spool run log
ln -s "$asterisk/documentation" data/documentation
cat > etc/asterisk.conf <<CONF
[directories]
astetcdir => $work/etc
astmoddir => $asterisk/modules
astdatadir => $work/data
astvarlibdir => $work/lib
astdbdir => $work/db
astkeydir => $work/lib
astspooldir => $work/spool
astrundir => $work/run
astlogdir => $work/log
[options]
CONF
printf '[modules]\nautoload=no\nload => pbx_config.so\nload => res_speech.so\nload => res_agi.so\nload => res_clioriginate.so\nload => app_verbose.so\n' > etc/modules.conf
printf '[logfiles]\nconsole => notice,warning,error,verbose\n' > etc/logger.conf
cat > etc/extensions.conf <<'CONF'
[test]
exten => _X!,1,AGI(hagi://engines.test/city/case${EXTEN})
 same => n,Verbose(0,RESULT case ${EXTEN}: AGISTATUS=${AGISTATUS} AGIWHO=${AGIWHO})
 same => n,Hangup()
exten => port,1,AGI(hagi://engines.test:5001/city/withport)
 same => n,Verbose(0,RESULT case port: AGISTATUS=${AGISTATUS} AGIWHO=${AGIWHO})
 same => n,Hangup()
CONF
ip link set lo up
echo "nameserver 127.0.0.1" > resolv.conf
mount --bind "$work/resolv.conf" /etc/resolv.conf
zone() { printf '%s\n' "$@" > zone.txt; }
zone
python3 "$here/dns.py" > dns.log 2>&1 &
python3 "$here/agi.py" 5002 B answer > agi-b.log 2>&1 &
python3 "$here/agi.py" 5003 C answer > agi-c.log 2>&1 &
python3 "$here/agi.py" 5004 X close > agi-x.log 2>&1 &
# wait_for PATTERN FILE TIMEOUT WHAT: until FILE has a line matching PATTERN. After TIMEOUT seconds it
# says that WHAT did not start, prints FILE (the work directory, and so the log, is removed on exit),
# stops what was started and fails.
wait_for() {
  local _
  for _ in $(seq $(($3 * 5))); do grep -q "$1" "$2" && return 0; sleep 0.2; done
  grep -q "$1" "$2" && return 0
  echo "$4 did not start within $3 s: no \"$1\" in $2. Its log, to see why:"
  cat "$2"
  kill $(jobs -p) 2>/dev/null || true
  exit 1
}
# The stand-ins must listen before the first call: python3 can take seconds to start (a pyenv shim, a
# loaded machine), and a lookup that finds no DNS server fails case 1 for the wrong reason.
for log in dns.log agi-b.log agi-c.log agi-x.log; do wait_for " ready" "$log" 60 "A stand-in"; done
"$asterisk/bin/asterisk" -C "$work/etc/asterisk.conf" -f -n -vvvv > ast.log 2>&1 &
wait_for "Asterisk Ready" ast.log 60 "Asterisk ($asterisk/bin/asterisk)"
rx() { "$asterisk/bin/asterisk" -C "$work/etc/asterisk.conf" -rx "$1"; }
call() {
  rx "channel originate Local/$1@test application Wait 1"
  for _ in $(seq 100); do grep -q "RESULT case $1:" ast.log && break; sleep 0.2; done
}
SRV=_agi._tcp.engines.test
A_="A a.engines.test 127.0.0.1"; B_="A b.engines.test 127.0.0.1"; C_="A c.engines.test 127.0.0.1"
# 1: b (priority 20) answered before a (priority 10, nothing listens on 5001)
zone "$A_" "$B_" "$C_" "SRV $SRV 20 0 5002 b.engines.test" "SRV $SRV 10 0 5001 a.engines.test"
call 1
# 2: every target refuses
zone "$A_" "$B_" "SRV $SRV 10 0 5001 a.engines.test" "SRV $SRV 20 0 5005 b.engines.test"
call 2
# 3: the first target accepts and closes at once; b would answer
zone "$A_" "$B_" "SRV $SRV 10 0 5004 a.engines.test" "SRV $SRV 20 0 5002 b.engines.test"
call 3
# 4x: equal priority and weight (10 50), c answered first: ten calls
zone "$B_" "$C_" "SRV $SRV 10 50 5003 c.engines.test" "SRV $SRV 10 50 5002 b.engines.test"
for n in 40 41 42 43 44 45 46 47 48 49; do call $n; done
# 5: a "." target first, b second
zone "$B_" "SRV $SRV 10 0 0 ." "SRV $SRV 20 0 5002 b.engines.test"
call 5
# 6: no SRV records (NXDOMAIN)
zone "$B_"
call 6
# port: a port in the URL
call port
rx "core stop now" || true
kill $(jobs -p) 2>/dev/null || true
