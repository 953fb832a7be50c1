#!/usr/bin/env bash
# Installs Debian's dokuwiki package, serves it on 127.0.0.1:8302 from a private Apache (mod_php),
# and resets the wiki (config, users, pages) to its seed. Idempotent; runnable from any folder.
# Last line of output: BASE_URL=...
set -euo pipefail
PORT=8302
HOST=127.0.0.1
BASE_URL="http://$HOST:$PORT"
H="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/dokuwiki"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# 1. Install (cached: nothing to do when the packages are there).
need=()
for p in dokuwiki apache2 libapache2-mod-php php-xml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive flock /tmp/pathwalk-apt.lock \
    apt-get install -y --no-install-recommends "${need[@]}"
fi

# 2. Stop what an earlier run started (by its pid file).
"$HERE/stop.sh" >/dev/null 2>&1 || true
mkdir -p "$H"/{apache/logs,apache/run,mail}

# 3. Reset the data: this wiki is a DokuWiki "farm animal" (Debian's multisite route, see
#    /usr/share/dokuwiki/inc/preload.php): /etc/dokuwiki/farm/<port>.<host> holds its config,
#    here a link to $H/conf. Config, users and pages are re-created from the seed every run.
rm -rf "$H/conf" "$H/data"
cp -a /var/lib/dokuwiki/data "$H/data"           # Debian's initial pages (wiki:welcome, wiki:syntax, ...)
mkdir -p "$H/data/pages" "$H/conf"
cp -a "$HERE/seed/pages/." "$H/data/pages/"
cat > "$H/conf/local.php" <<PHP
<?php
\$conf['title'] = 'Field Wiki';
\$conf['savedir'] = '$H/data';
\$conf['lang'] = 'en';
\$conf['license'] = 'cc-by-sa';
\$conf['useacl'] = 1;
\$conf['superuser'] = '@admin';
\$conf['autopasswd'] = 0;      // the customer chooses a password when registering
\$conf['updatecheck'] = 0;     // no release check against update.dokuwiki.org
\$conf['mailfrom'] = 'wiki@field.test';
\$conf['userewrite'] = 0;
PHP
cat > "$H/conf/acl.auth.php" <<'ACL'
# acl.auth.php
# <?php exit()?>
# Debian's default policy: everyone reads, registered users edit, create and upload.
*               @ALL          1
*               @user         8
ACL
# Seeded people: the admin and Robin, who edits pages in the journeys (password: Robin-Pass-2024).
php -r '
$rows = [["admin", "Field-Admin-2024", "Wiki Admin", "admin@field.test", "admin,user"],
         ["robin", "Robin-Pass-2024", "Robin Reader", "robin@field.test", "user"]];
echo "# users.auth.php\n# <?php exit()?>\n# Don'"'"'t modify the lines above\n";
foreach ($rows as $r) { echo $r[0], ":", password_hash($r[1], PASSWORD_BCRYPT), ":", $r[2], ":", $r[3], ":", $r[4], "\n"; }
' > "$H/conf/users.auth.php"
touch "$H/conf/plugins.local.php"
chown -R www-data:www-data "$H/conf" "$H/data"
mkdir -p /etc/dokuwiki/farm
ln -sfn "$H/conf" "/etc/dokuwiki/farm/$PORT.$HOST"

# 4. Build the search index once, so that search finds the seed pages (DokuWiki's own CLI indexer).
printf '<?php define("DOKU_CONF", "%s/"); $_SERVER["HTTP_HOST"] = "%s:%s"; $_SERVER["SERVER_PORT"] = "%s";\n' \
  "$H/conf" "$HOST" "$PORT" "$PORT" > "$H/cli-conf.php"
su -s /bin/sh www-data -c "php -d auto_prepend_file='$H/cli-conf.php' /usr/share/dokuwiki/bin/indexer.php -q" \
  || { echo "indexing failed" >&2; exit 1; }

# 5. A private Apache with mod_php on 127.0.0.1:8302 (the rules of Debian's apache.conf and htaccess).
M=/usr/lib/apache2/modules
cat > "$H/apache/httpd.conf" <<CONF
ServerRoot "$H/apache"
PidFile "$H/apache/run/httpd.pid"
DefaultRuntimeDir "$H/apache/run"
Mutex file:$H/apache/run default
Listen $HOST:$PORT
ServerName $HOST
User www-data
Group www-data
LoadModule mpm_prefork_module $M/mod_mpm_prefork.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule dir_module $M/mod_dir.so
LoadModule mime_module $M/mod_mime.so
LoadModule php_module $M/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
ErrorLog "$H/apache/logs/error.log"
LogFormat "%h %t \"%r\" %>s %b" common
CustomLog "$H/apache/logs/access.log" common
AddType application/x-httpd-php .php
DirectoryIndex doku.php index.php
DocumentRoot /usr/share/dokuwiki
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/dokuwiki>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory /var/lib/dokuwiki/lib>
  Options FollowSymLinks
  Require all granted
</Directory>
<DirectoryMatch "^/usr/share/dokuwiki/(bin|inc|vendor)">
  Require all denied
</DirectoryMatch>
<Files ~ "^([\._]ht|README$|VERSION$|COPYING$)">
  Require all denied
</Files>
# Mail (password reset links) goes to a file, not the internet: $H/mail/outbox.eml
php_admin_value sendmail_path "/usr/bin/tee -a $H/mail/outbox.eml >/dev/null"
CONF
: > "$H/mail/outbox.eml"; chown www-data "$H/mail" "$H/mail/outbox.eml"
nohup apache2 -f "$H/apache/httpd.conf" -k start >"$H/apache/logs/start.log" 2>&1 </dev/null || {
  cat "$H/apache/logs/start.log" >&2; exit 1; }

# 6. Wait until it answers.
code=000
for _ in $(seq 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/doku.php?id=start" || true)
  [ "$code" = 200 ] && break; sleep 0.5
done
[ "$code" = 200 ] || { echo "DokuWiki did not answer at $BASE_URL (HTTP $code)" >&2; exit 1; }
echo "BASE_URL=$BASE_URL"
