"""What checks produce: figures and findings, each pointing at the exact place in a journey."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from pathwalk.trace import Action, Page, Trace

SEVERITIES = ("minor", "moderate", "serious", "critical")  # axe-core's impact words, for every check


@dataclass
class Finding:
    """One place where the journey cost the customer effort.

    ``severity`` is one of ``SEVERITIES``: how much it costs the customer, so a reader can sort.
    """

    check: str
    message: str
    step: int | None = None
    where: str = ""
    url: str = ""
    element: str = ""
    evidence: dict[str, str] = field(default_factory=dict)
    severity: str = "moderate"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CheckResult:
    """A check's figure for one journey and the findings behind it.

    For most checks the figure is the number of findings (``counts_findings``), so the findings
    beyond a budget are the evidence of a breach; a measured figure (a wait) keeps them all.
    """

    check: str
    value: float
    findings: list[Finding] = field(default_factory=list)
    counts_findings: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "value": self.value, "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class Check:
    """A friction check: a pure function of the trace, with its definition and where it comes from."""

    name: str
    unit: str
    definition: str
    source: str
    run: Callable[[Trace], CheckResult]
    origin: str = "built-in"  # or the friction_checks/ file, entry point or hook that added it
    # "effort": the figure is work the journey asks for (clicks, keystrokes...) and its findings
    # itemise that work; "friction": each finding is a place where the site made it harder.
    measures: str = "friction"


def page_of(trace: Trace, action: Action) -> Page | None:
    """The page the action happened on, if the trace recorded it."""
    return trace.pages[action.page] if action.page is not None and 0 <= action.page < len(trace.pages) else None


def page_evidence(page: Page) -> dict[str, str]:
    """The page's screenshot, if it was photographed, for a finding about the whole page."""
    return {"screenshot": page.screenshot} if page.screenshot else {}


def element_evidence(trace: Trace, action: Action) -> dict[str, str]:
    """The page screenshot the action happened on and the element's box, for a highlighted picture."""
    page = page_of(trace, action)
    if page is None or not page.screenshot:
        return {}
    evidence = {"screenshot": page.screenshot, "scale": f"{page.scale:g}"}
    if action.box:
        evidence["box"] = ",".join(f"{v:g}" for v in action.box)
    return evidence


def finding(trace: Trace, check: str, message: str, step: int | None, url: str, **extra: Any) -> Finding:
    """Build a finding that already says where it happened, in the reader's terms."""
    return Finding(check=check, message=message, step=step, where=trace.where(step), url=url, **extra)
