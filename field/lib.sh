# Shell helpers the apps' setup.sh and stop.sh share (source it: . "$HERE/../lib.sh").

# stop_server HOME_DIR COMMAND_WORD: stop the server whose pid setup.sh wrote to HOME_DIR/server.pid,
# only if that process is still the app's (its command line holds COMMAND_WORD); nothing else.
stop_server() {
  local pidfile="$1/server.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && grep -q "$2" "/proc/$pid/cmdline" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# wait_until_up URL HOME_DIR NAME TRIES: poll URL once a second until it answers, then print the
# BASE_URL line run.py reads and exit 0; exit 1 with the server log's tail when the server died
# or TRIES seconds passed.
wait_until_up() {
  local url="$1" home="$2" name="$3" tries="$4" base
  base="$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')"
  for _ in $(seq 1 "$tries"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      echo "BASE_URL=$base"
      exit 0
    fi
    if ! kill -0 "$(cat "$home/server.pid")" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "setup: $name did not answer at $url; see $home/server.log" >&2
  tail -20 "$home/server.log" >&2 || true
  exit 1
}
