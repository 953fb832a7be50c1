#!/usr/bin/env bash
# Stops the private Apache and MariaDB that setup.sh started (by their pid files only).
set -u
H="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/wordpress"
if [ -f "$H/apache/run/httpd.pid" ]; then
  apache2 -f "$H/apache/httpd.conf" -k stop 2>/dev/null || kill "$(cat "$H/apache/run/httpd.pid")" 2>/dev/null
  for _ in $(seq 20); do [ -f "$H/apache/run/httpd.pid" ] || break; sleep 0.25; done
fi
if [ -f "$H/mysql/mysqld.pid" ]; then
  pid="$(cat "$H/mysql/mysqld.pid")"
  kill "$pid" 2>/dev/null
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
fi
echo "stopped wordpress"
