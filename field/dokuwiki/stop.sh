#!/usr/bin/env bash
# Stops the private Apache that setup.sh started (by its pid file only).
set -u
H="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/dokuwiki"
if [ -f "$H/apache/run/httpd.pid" ]; then
  apache2 -f "$H/apache/httpd.conf" -k stop 2>/dev/null || kill "$(cat "$H/apache/run/httpd.pid")" 2>/dev/null
  for _ in $(seq 20); do [ -f "$H/apache/run/httpd.pid" ] || break; sleep 0.25; done
fi
echo "stopped dokuwiki"
