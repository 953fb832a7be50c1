"""Dead ends: pages the customer reaches that offer no way forward.

Definition: a page visit that
1. answered HTTP 400 or above (an error page; critical when it also offers no way on);
2. shows no visible link, enabled button or form leading on (critical: nowhere to go);
3. answered fine but is an error page all the same (serious): its heading or title, or the
   first ``TEXT_CHARS`` characters of its visible text, says one of ``ERROR_WORDS``, matched
   case-insensitively as whole words: "page not found", "not found", "404", "something went
   wrong", "an error occurred" (also "has occurred"), "error 500", "internal server error",
   "access denied", "oops";
4. is a "contact us" page that gives no way to make contact (serious): its heading or title
   names contact or support ("contact", "support", "get in touch", "talk to us", "customer
   service", "customer care", "help desk"), yet it has no form, no field, and its text shows
   no e-mail address and no phone number (7 or more digits, spaces, dashes, dots, brackets and
   a leading + allowed). A bare "help" heading is not enough: a help index lists answers, it
   does not promise a way to reach anyone. A chat link or button is not recognised (pages do
   not record where links lead).
Each page visit counts once, for the first reason that applies, in that order.
Source: Nielsen's heuristic 3 "User control and freedom" (clearly marked exits) and heuristic 9
(help users recognise and recover from errors); Baymard's findings on error pages; soft 404s
(an error page answering 200) as Google Search Central describes them.
"""

from __future__ import annotations

import re

from pathwalk.findings import Check, CheckResult, finding, page_evidence
from pathwalk.trace import Page, Trace

TEXT_CHARS = 200
ERROR_WORDS = ("page not found", "not found", "404", "something went wrong", "an error occurred",
               "an error has occurred", "error 500", "internal server error", "access denied", "oops")
CONTACT_WORDS = ("contact", "support", "get in touch", "talk to us", "customer service", "customer care",
                 "help desk", "helpdesk")
_ERROR = re.compile(r"\b(" + "|".join(re.escape(w) for w in ERROR_WORDS) + r")\b", re.IGNORECASE)
_CONTACT = re.compile(r"\b(" + "|".join(re.escape(w) for w in CONTACT_WORDS) + r")\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")


def _error_words(page: Page) -> str | None:
    """The error an error-looking page announces, from its heading, title or first words."""
    for said in (page.heading, page.title, page.text[:TEXT_CHARS]):
        if match := _ERROR.search(said):
            return match.group(0)
    return None


def _has_phone(text: str) -> bool:
    return any(sum(c.isdigit() for c in m.group(0)) >= 7 for m in _PHONE.finditer(text))


def _no_way_to_contact(page: Page) -> bool:
    promises = _CONTACT.search(page.heading) or _CONTACT.search(page.title)
    return bool(promises) and page.forms == 0 and not page.fields and not _EMAIL.search(page.text) \
        and not _has_phone(page.text)


def dead_end(page: Page) -> tuple[str, str] | None:
    """Why the page leaves the customer stuck and how badly, or None if it offers a way on."""
    stuck = page.ways_forward == 0
    if page.status is not None and page.status >= 400:
        if stuck:
            return f"the page answered HTTP {page.status} and no link, button or form leads on", "critical"
        return f"the page answered HTTP {page.status}", "serious"
    if stuck:
        return "no link, button or form leads on", "critical"
    if (said := _error_words(page)) is not None:
        answered = f" (answered HTTP {page.status})" if page.status is not None else ""
        return f"an error page: it says '{said}'{answered}", "serious"
    if _no_way_to_contact(page):
        return "it says contact us but offers no way to: no form, field, e-mail address or phone number", \
            "serious"
    return None


def find_dead_ends(trace: Trace) -> CheckResult:
    found = []
    for page in trace.pages:
        stuck = dead_end(page)
        if stuck is None:
            continue
        reason, severity = stuck
        title = page.heading or page.title
        found.append(finding(trace, "dead_ends", f"dead end at '{title}': {reason}", page.step, page.url,
                             evidence=page_evidence(page), severity=severity))
    return CheckResult("dead_ends", len(found), found)


CHECK = Check(
    name="dead_ends",
    unit="dead ends",
    definition="Pages with no way forward: HTTP status >= 400, no visible link, button or form, an error "
    "page answering 200, or a contact page with no way to make contact.",
    source="Nielsen heuristics 3 and 9; Baymard error-page research; Google Search Central: soft 404s",
    run=find_dead_ends,
)
