"""Pages visited: how many views the customer goes through to reach the goal.

Definition: every page the customer arrived at, a new document or a single-page app's
client-side route alike, since each is a new view to read and orient in; coming back to a page
counts again. Each visit is a finding naming the page (heading, else title) and its URL.
Source: Baymard Institute's checkout benchmark (an average checkout takes 5.1 steps; fewer
steps, each asking less, is what the best checkouts do) and Nielsen Norman Group, "Interaction
Cost" (every page load and re-orientation is part of the cost).
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Page, Trace


def page_name(page: Page) -> str:
    """The page as the customer knows it: its heading, else its title, else its URL."""
    return page.heading or page.title or page.url


def count_pages_visited(trace: Trace) -> CheckResult:
    found = []
    for page in trace.pages:
        route = ", a client-side route" if page.kind == "route" else ""
        named = page.heading or page.title
        said = f"visited '{named}' ({page.url}{route})" if named else f"visited {page.url}{route}"
        found.append(finding(trace, "pages_visited", said, page.step, page.url, severity="minor"))
    return CheckResult("pages_visited", len(found), found)


CHECK = Check(
    name="pages_visited",
    unit="pages",
    definition="Pages the customer arrives at, page loads and client-side routes alike (revisits count).",
    source="Baymard Institute checkout benchmark (5.1 steps on average); NN/g: Interaction Cost",
    run=count_pages_visited,
    measures="effort",
)
