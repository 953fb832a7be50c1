#!/usr/bin/env bash
# Installs (once, cached) the django-allauth example project from its PyPI sdist, resets its data to
# the seed, (re)starts it on 127.0.0.1:8303 and waits until it answers. Last line: BASE_URL=...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOME_DIR="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/allauth"
PORT=8303
VERSION=65.22.1                       # pinned: the hand counts were made against this release
SRC="$HOME_DIR/django_allauth-$VERSION"
EXAMPLE="$SRC/examples/regular-django"
STATE="$HOME_DIR/state"
mkdir -p "$HOME_DIR"

bash "$HERE/stop.sh" >/dev/null 2>&1 || true

# 1. Install (cached): a venv of its own, the sdist (it carries examples/), the package with the
#    extras the example's requirements.txt asks for.
if [ ! -x "$HOME_DIR/venv/bin/python" ] || ! "$HOME_DIR/venv/bin/python" -c "import allauth, django" 2>/dev/null \
   || [ "$("$HOME_DIR/venv/bin/python" -c 'import allauth; print(allauth.__version__)' 2>/dev/null)" != "$VERSION" ]; then
  PY=""
  for c in python3.12 python3.13 python3.11 python3.10 python3; do
    if "$c" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null; then PY="$c"; break; fi
  done
  [ -n "$PY" ] || { echo "setup: no Python >= 3.10 found" >&2; exit 1; }
  rm -rf "$HOME_DIR/venv"
  "$PY" -m venv "$HOME_DIR/venv"
  "$HOME_DIR/venv/bin/pip" install -q --upgrade pip >/dev/null
  "$HOME_DIR/venv/bin/pip" download -q --no-binary :all: --no-deps "django-allauth==$VERSION" -d "$HOME_DIR/sdist"
  "$HOME_DIR/venv/bin/pip" install -q "$HOME_DIR/sdist/django_allauth-$VERSION.tar.gz[mfa,saml,socialaccount,steam]"
fi
if [ ! -f "$EXAMPLE/manage.py" ]; then
  [ -f "$HOME_DIR/sdist/django_allauth-$VERSION.tar.gz" ] || \
    "$HOME_DIR/venv/bin/pip" download -q --no-binary :all: --no-deps "django-allauth==$VERSION" -d "$HOME_DIR/sdist"
  tar -xzf "$HOME_DIR/sdist/django_allauth-$VERSION.tar.gz" -C "$HOME_DIR"
fi

# 2. Reset the data to the seed: a fresh database, an empty mail folder, two verified customers.
rm -rf "$STATE"
mkdir -p "$STATE/mail"
export PATHWALK_FIELD_STATE="$STATE"
export PYTHONDONTWRITEBYTECODE=1  # keep the repository folder clean
export PYTHONPATH="$HERE:$EXAMPLE"
export DJANGO_SETTINGS_MODULE=field_settings
cd "$EXAMPLE"
"$HOME_DIR/venv/bin/python" manage.py migrate -v0
"$HOME_DIR/venv/bin/python" manage.py shell -v0 -c "
from example.users.models import User
from allauth.account.models import EmailAddress
user = User.objects.create_user(username='pat', email='pat@example.com', password='Field-trial-42')
EmailAddress.objects.create(user=user, email='pat@example.com', verified=True, primary=True)
# a second customer for the journey that changes its password, so the journeys do not depend on each other's order
user = User.objects.create_user(username='lee', email='lee@example.com', password='Field-trial-42')
EmailAddress.objects.create(user=user, email='lee@example.com', verified=True, primary=True)
" >/dev/null

# 3. Serve on 127.0.0.1 only, in the background, surviving this shell.
nohup "$HOME_DIR/venv/bin/python" manage.py runserver "127.0.0.1:$PORT" --noreload \
  >"$HOME_DIR/server.log" 2>&1 </dev/null &
echo $! >"$HOME_DIR/server.pid"

. "$HERE/../lib.sh"
wait_until_up "http://127.0.0.1:$PORT/accounts/login/" "$HOME_DIR" "the example project" 60
