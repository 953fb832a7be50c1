#!/usr/bin/env bash
# Installs (once, cached) pretix from PyPI, resets its data to the seed (one organizer, one event),
# (re)starts it on 127.0.0.1:8305 and waits until it answers. Last line: BASE_URL=...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOME_DIR="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/pretix"
PORT=8305
VERSION=2026.8.0                      # pinned: the hand counts were made against this release
STATE="$HOME_DIR/state"
PY_VENV="$HOME_DIR/venv/bin/python"
mkdir -p "$HOME_DIR"

bash "$HERE/stop.sh" >/dev/null 2>&1 || true

# 1. Install (cached): its own venv, `pip install pretix`, then `pretix rebuild` (static files).
if [ ! -x "$PY_VENV" ] || [ "$("$PY_VENV" -c 'import pretix; print(pretix.__version__)' 2>/dev/null)" != "$VERSION" ]; then
  PY=""
  for c in python3.11 python3.12 python3.10 python3; do
    if "$c" -c 'import sys; assert (3, 10) <= sys.version_info < (3, 14)' 2>/dev/null; then PY="$c"; break; fi
  done
  [ -n "$PY" ] || { echo "setup: no Python 3.10-3.13 found" >&2; exit 1; }
  rm -rf "$HOME_DIR/venv" "$HOME_DIR"/migrated-*.sqlite3 "$HOME_DIR/rebuilt"
  "$PY" -m venv "$HOME_DIR/venv"
  "$HOME_DIR/venv/bin/pip" install -q --upgrade pip >/dev/null
  "$HOME_DIR/venv/bin/pip" install -q "pretix==$VERSION"
fi

export PRETIX_CONFIG_FILE="$STATE/pretix.cfg"
export PATHWALK_FIELD_STATE="$STATE"
export PYTHONDONTWRITEBYTECODE=1  # keep the repository folder clean
export PYTHONPATH="$HERE"
export DJANGO_SETTINGS_MODULE=field_settings
pretix() { (cd "$HOME_DIR" && "$PY_VENV" -m pretix "$@"); }

# 2. Reset the data: a fresh data folder, the migrated database (cached: migrating takes minutes),
#    then the seed.
rm -rf "$STATE"
mkdir -p "$STATE/data" "$STATE/mail"
cat >"$PRETIX_CONFIG_FILE" <<CFG
[pretix]
instance_name=Field trial ticket shop
url=http://127.0.0.1:$PORT
currency=EUR
datadir=$STATE/data
registration=off

[database]
backend=sqlite3
name=$STATE/data/db.sqlite3

[mail]
from=tickets@example.org

[django]
debug=off
CFG
if [ ! -f "$HOME_DIR/rebuilt" ]; then
  pretix rebuild >/dev/null && touch "$HOME_DIR/rebuilt"
fi
if [ ! -f "$HOME_DIR/migrated-$VERSION.sqlite3" ]; then
  pretix migrate -v0
  cp "$STATE/data/db.sqlite3" "$HOME_DIR/migrated-$VERSION.sqlite3"
else
  cp "$HOME_DIR/migrated-$VERSION.sqlite3" "$STATE/data/db.sqlite3"
fi
pretix shell -v0 <"$HERE/seed.py" >/dev/null

# 3. Serve on 127.0.0.1 only, in the background. debug=off (debug mode would load its scripts from a
#    Vite dev server); --insecure lets runserver serve pretix's own static files without DEBUG.
cd "$HOME_DIR"
nohup "$PY_VENV" -m pretix runserver "127.0.0.1:$PORT" --noreload --insecure \
  >"$HOME_DIR/server.log" 2>&1 </dev/null &
echo $! >"$HOME_DIR/server.pid"

. "$HERE/../lib.sh"
wait_until_up "http://127.0.0.1:$PORT/riverside/jazz/" "$HOME_DIR" "pretix" 90
