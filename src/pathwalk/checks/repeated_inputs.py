"""Repeated inputs: the same information asked of the customer again.

Definition: a field filled (or chosen) with information the customer already gave in an earlier,
different field of the journey: the same value typed or chosen again (compared by salted hash,
whitespace and case ignored), under the same meaning (autocomplete token without its billing,
shipping, home or work qualifier; else the input type for email, password and tel; else the
label without words like "billing" or "confirm"), or under another meaning when the value has 3
or more characters. A field given a different value is not asked again (a new address, a new
password, someone else's name), nor is a field of another ``section-*`` (another guest's or
ticket's details); refilling the same field (a correction, also on the form shown again after an
error) does not count. Each field counts once, credited to the nearest earlier field that took
the same value. A credential typed again (confirm password, signing in again) is counted apart,
as ``security_reentries`` (WCAG's exception for security); a confirm e-mail field counts here.
Source: WCAG 2.2 SC 3.3.7 Redundant Entry.
"""

from __future__ import annotations

from pathwalk.checks.common import INPUT_KINDS, MIN_VALUE_LENGTH, asked_again, meaning, report_asked
from pathwalk.findings import Check, CheckResult
from pathwalk.trace import Trace

__all__ = ["CHECK", "INPUT_KINDS", "MIN_VALUE_LENGTH", "find_repeated_inputs", "meaning"]


def find_repeated_inputs(trace: Trace) -> CheckResult:
    found = [report_asked(trace, "repeated_inputs", asked) for asked in asked_again(trace) if not asked.security]
    return CheckResult("repeated_inputs", len(found), found)


CHECK = Check(
    name="repeated_inputs",
    unit="repeated inputs",
    definition="Information the customer already gave, asked for again in another field (same value), "
    "including confirm e-mail fields; credentials typed again are security_reentries.",
    source="WCAG 2.2 SC 3.3.7 Redundant Entry",
    run=find_repeated_inputs,
)
