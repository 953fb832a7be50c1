"""Settings for the field trial: the example project's own settings, with state kept outside the repo.

Only where things live changes (database, e-mail folder); the example's behaviour (mandatory e-mail
verification, login by code, password reset by code, passkeys) is left as the example ships it.
"""

import os

from example.settings import *  # noqa: F401,F403  (the unmodified example project's settings)

STATE = os.environ["PATHWALK_FIELD_STATE"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(STATE, "example.db")}}
# E-mails are written to files (one per message) so a later mailbox step, or a person, can read them.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(STATE, "mail")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
