#!/usr/bin/env bash
# Stops the server setup.sh started (by the pid it wrote), nothing else.
set -u
HOME_DIR="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/allauth"
PIDFILE="$HOME_DIR/server.pid"
[ -f "$PIDFILE" ] || exit 0
PID="$(cat "$PIDFILE")"
if kill -0 "$PID" 2>/dev/null && grep -q "runserver" "/proc/$PID/cmdline" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 1 20); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$PID" 2>/dev/null || true
fi
rm -f "$PIDFILE"
