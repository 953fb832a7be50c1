"""Security re-entries: a password or other credential the customer has to type again.

Definition: a password field (``type=password``, or autocomplete ``current-password`` /
``new-password``) filled with the value an earlier, different password field of the journey
took: a "confirm password" field, or the current password asked again to change settings after
signing in. WCAG 2.2 SC 3.3.7 lets re-entry "required to ensure the security of the content"
pass, so these are minor findings counted apart from ``repeated_inputs``, and a team can budget
them on their own. Each field counts once, credited to the nearest earlier field that took the
value; a new password (a different value) is new information and does not count.
Source: WCAG 2.2 SC 3.3.7 Redundant Entry (its security exception) and SC 3.3.8 Accessible
Authentication.
"""

from __future__ import annotations

from pathwalk.checks.common import asked_again, report_asked
from pathwalk.findings import Check, CheckResult
from pathwalk.trace import Trace


def find_security_reentries(trace: Trace) -> CheckResult:
    found = [report_asked(trace, "security_reentries", asked, "minor")
             for asked in asked_again(trace) if asked.security]
    return CheckResult("security_reentries", len(found), found)


CHECK = Check(
    name="security_reentries",
    unit="security re-entries",
    definition="Passwords typed again: confirm-password fields and signing in again.",
    source="WCAG 2.2 SC 3.3.7 Redundant Entry (security exception)",
    run=find_security_reentries,
)
