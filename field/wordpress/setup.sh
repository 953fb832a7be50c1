#!/usr/bin/env bash
# Installs Debian's wordpress 6.1 package with MariaDB and Apache (mod_php), serves it on
# 127.0.0.1:8301 from a private Apache and a private MariaDB, and resets the blog to its seed.
# Idempotent; runnable from any folder. Last line of output: BASE_URL=...
set -euo pipefail
PORT=8301
HOST=127.0.0.1
BASE_URL="http://$HOST:$PORT"
H="${PATHWALK_FIELD_HOME:-/var/tmp/pathwalk-field}/wordpress"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# 1. Install (cached: apt does nothing when the packages are there).
need=()
for p in wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive flock /tmp/pathwalk-apt.lock \
    apt-get install -y --no-install-recommends "${need[@]}"
fi

# 2. Stop what an earlier run started (private instances only, by their pid files).
"$HERE/stop.sh" >/dev/null 2>&1 || true

mkdir -p "$H"/{mysql,apache/logs,apache/run,mail}
chown mysql:mysql "$H/mysql"

# 3. MariaDB: a private server on a Unix socket only (no TCP port).
if [ ! -d "$H/mysql/data/mysql" ]; then
  mariadb-install-db --user=mysql --datadir="$H/mysql/data" --auth-root-authentication-method=socket \
    --skip-test-db >"$H/mysql/install.log" 2>&1
fi
nohup mariadbd --user=mysql --datadir="$H/mysql/data" --socket="$H/mysql/mysqld.sock" \
  --pid-file="$H/mysql/mysqld.pid" --skip-networking --log-error="$H/mysql/error.log" \
  --innodb-buffer-pool-size=64M --performance-schema=OFF >/dev/null 2>&1 &
for _ in $(seq 60); do
  mariadb --socket="$H/mysql/mysqld.sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.5
done
mariadb --socket="$H/mysql/mysqld.sock" -uroot -e 'select 1' >/dev/null || { echo "MariaDB did not start" >&2; exit 1; }

# 4. Reset the data: a new, empty database every run.
mariadb --socket="$H/mysql/mysqld.sock" -uroot <<SQL
DROP DATABASE IF EXISTS wordpress;
CREATE DATABASE wordpress CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'field-wp';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
FLUSH PRIVILEGES;
SQL

# 5. wp-content: a fresh copy of Debian's /var/lib/wordpress/wp-content (theme and plugin symlinks).
rm -rf "$H/wp-content"
cp -a /var/lib/wordpress/wp-content "$H/wp-content"
chown -R www-data:www-data "$H/wp-content"
: > "$H/mail/outbox.eml"; chown www-data "$H/mail" "$H/mail/outbox.eml"

# 6. Debian's per-host config file (/etc/wordpress/config-<host>.php), kept with the state.
cat > "$H/config-$HOST.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'field-wp');
define('DB_HOST', 'localhost:$H/mysql/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY', 'field-1'); define('SECURE_AUTH_KEY', 'field-2'); define('LOGGED_IN_KEY', 'field-3');
define('NONCE_KEY', 'field-4'); define('AUTH_SALT', 'field-5'); define('SECURE_AUTH_SALT', 'field-6');
define('LOGGED_IN_SALT', 'field-7'); define('NONCE_SALT', 'field-8');
define('WP_CONTENT_DIR', '$H/wp-content');
define('WP_HOME', '$BASE_URL');
define('WP_SITEURL', '$BASE_URL');
// Nothing from the internet: no HTTP requests from the server (update checks, pattern
// directory, oEmbed), no auto-updates, no background cron visits.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
PHP
chmod 644 "$H/config-$HOST.php"
ln -sfn "$H/config-$HOST.php" "/etc/wordpress/config-$HOST.php"

# 7. Seed: WordPress's own installer (the same wp_install() the web installer runs).
php -d error_reporting=0 -d sendmail_path="/usr/bin/tee -a $H/mail/outbox.eml >/dev/null" -r '
$_SERVER["HTTP_HOST"] = "'"$HOST:$PORT"'"; $_SERVER["REQUEST_URI"] = "/"; $_SERVER["SERVER_PROTOCOL"] = "HTTP/1.1";
define("WP_INSTALLING", true);
require "/usr/share/wordpress/wp-load.php";
require_once ABSPATH . "wp-admin/includes/upgrade.php";
$r = wp_install("Field Notes", "admin", "admin@field.test", true, "", "Field-Admin-2024!", "en_US");
update_option("users_can_register", 1);        // anyone can register (wp-login.php?action=register)
update_option("default_role", "subscriber");
update_option("show_avatars", 0);              // no Gravatar images from gravatar.com
update_option("blogdescription", "A small blog for field trials");
echo "seeded user id ", $r["user_id"], "\n";
'
# The author who writes posts in the block editor journey.
php -d error_reporting=0 -d sendmail_path="/usr/bin/tee -a $H/mail/outbox.eml >/dev/null" -r '
$_SERVER["HTTP_HOST"] = "'"$HOST:$PORT"'"; $_SERVER["REQUEST_URI"] = "/";
require "/usr/share/wordpress/wp-load.php";
$id = wp_insert_user(["user_login" => "writer", "user_pass" => "Writer-Pass-2024!", "user_email" => "writer@field.test",
  "role" => "author", "display_name" => "Wren Writer"]);
update_user_meta($id, "show_welcome_panel", 0);
echo "seeded writer id $id\n";
$post = wp_insert_post(["post_title" => "Opening the reading room", "post_status" => "publish", "post_author" => 1,
  "post_content" => "<!-- wp:paragraph -->\n<p>From next month the reading room opens on Saturdays from ten until four. Bring a book to swap.</p>\n<!-- /wp:paragraph -->"]);
echo "seeded post id $post\n";
'

# 8. A private Apache (mod_php) on 127.0.0.1:8301, as Debian's README.Debian suggests (DocumentRoot
#    /usr/share/wordpress, /wp-content aliased to the content folder).
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
LoadModule alias_module $M/mod_alias.so
LoadModule rewrite_module $M/mod_rewrite.so
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
DirectoryIndex index.php index.html
DocumentRoot /usr/share/wordpress
Alias /wp-content "$H/wp-content"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory "$H/wp-content">
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content>
  Require all granted
</Directory>
# Mail goes to a file, not the internet: read it in $H/mail/outbox.eml
php_admin_value sendmail_path "/usr/bin/tee -a $H/mail/outbox.eml >/dev/null"
CONF
nohup apache2 -f "$H/apache/httpd.conf" -k start >"$H/apache/logs/start.log" 2>&1 </dev/null || {
  cat "$H/apache/logs/start.log" >&2; exit 1; }

# 9. Wait until it answers.
for _ in $(seq 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/" || true)
  [ "$code" = 200 ] && break; sleep 0.5
done
[ "$code" = 200 ] || { echo "WordPress did not answer at $BASE_URL (HTTP $code)" >&2; exit 1; }
echo "BASE_URL=$BASE_URL"
