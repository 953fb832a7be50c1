"""Settings for the field trial: pretix's own settings (read from $PRETIX_CONFIG_FILE), e-mail to files.

pretix's config file has no e-mail backend option (it always speaks SMTP); the trial has no mail
server, so the e-mails pretix sends (order confirmation) are written one file per message into
the state folder instead. Nothing else changes.
"""

import os

from pretix.settings import *  # noqa: F401,F403  (the unmodified app's settings)

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(os.environ["PATHWALK_FIELD_STATE"], "mail")
