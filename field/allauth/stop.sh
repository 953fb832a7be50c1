#!/usr/bin/env bash
# Stops the server setup.sh started (by the pid it wrote), nothing else.
set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../lib.sh"
stop_server "${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/allauth" runserver
