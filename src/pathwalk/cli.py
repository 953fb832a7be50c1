"""The ``pathwalk`` command: serve the demo shop, install a browser, build and read reports."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pathwalk.findings import Check
from pathwalk.jsonout import strict_json
from pathwalk.report.journal import JOURNAL, read_journal
from pathwalk.report.safe_text import one_line
from pathwalk.report.summary import load_summary, render_table

ALLURE_RESULTS = Path("reports/allure-results")
ALLURE_REPORT = Path("reports/allure-report")
SUMMARY = Path("reports/friction-summary.json")
INTERRUPTED = 2  # pytest.ExitCode.INTERRUPTED


def _demo(args: argparse.Namespace) -> int:
    from pathwalk.demo import DemoShop

    shop = DemoShop(host=args.host, port=args.port).start()
    print(f"Demo shop running at {shop.url}/  (Ctrl-C stops it)", flush=True)
    try:
        shop.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        shop.stop()
    return 0


def _install_browser(args: argparse.Namespace) -> int:
    from pathwalk.browser import install_browser

    return install_browser()


def _allure_cli() -> list[str] | None:
    local = Path("node_modules/.bin/allure")
    if local.exists():
        return [str(local)]
    return None


def _report(args: argparse.Namespace) -> int:

    from pathwalk.report.allure_run import find_config

    results, output = Path(args.results), Path(args.output)
    if not results.is_dir() or not any(results.iterdir()):
        print(f"pathwalk report: no Allure results in {results}/; walk the journeys first (`make demo`).",
              file=sys.stderr)
        return 2
    allure = _allure_cli()
    if allure is None:
        hint = "run `npm ci` in the project" if shutil.which("npm") else "install Node.js 20+ and npm, then `npm ci`"
        print(f"pathwalk report: the Allure 3 CLI (npm package 'allure') is not installed; {hint}.",
              file=sys.stderr)
        return 2
    if output.exists() and any(output.iterdir()):
        if not (output / "index.html").exists():
            print(f"pathwalk report: {output}/ is not empty and holds no report; not overwriting it.", file=sys.stderr)
            return 2
        shutil.rmtree(output)  # Allure 3 nests a new report under output/awesome/ when output is not empty
    history = Path(args.history) if args.history else results.parent / "history.jsonl"
    # the project's allurerc (else pathwalk's own) reads where things are from these
    env = {**os.environ, "PATHWALK_ALLURE_RESULTS": str(results), "PATHWALK_ALLURE_HISTORY": str(history),
           "PATHWALK_SINGLE_FILE": "1" if args.single_file else "0"}
    command = [*allure, "generate", str(results), "--output", str(output), "--config", str(find_config(Path.cwd()))]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        print(f"pathwalk report: `{' '.join(command)}` failed (exit {done.returncode}).", file=sys.stderr)
        return done.returncode
    print(f"Allure report: {(output / 'index.html').resolve()}")
    print(f"History: {history} (keep it between runs to see trends)")
    if args.single_file:
        if (output / "data").exists():
            print("pathwalk report: the report is not a single file: set plugins.awesome.options.singleFile "
                  "from PATHWALK_SINGLE_FILE in your allurerc.", file=sys.stderr)
            return 2
        print("A single self-contained file: open it in a browser or send it as it is.")
    if args.open:
        return _serve(output, args.port)
    if not args.single_file:
        print("Allure's page loads its data over HTTP: view it with `pathwalk report --open`.")
    return 0


def _serve(directory: Path, port: int) -> int:
    """Serve the report on loopback until Ctrl-C (a file:// page cannot load its data)."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(directory)))
    print(f"Serving the report at http://127.0.0.1:{server.server_port}/  (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _summary(args: argparse.Namespace) -> int:
    """The last walk's table; from its journal, marked incomplete, when the run did not write its summary."""
    path = Path(args.file)
    journal_path = path.with_name(JOURNAL)
    try:
        journal = read_journal(journal_path) if journal_path.exists() else None
        data = load_summary(path) if journal is None or path.exists() else None
    except (OSError, ValueError) as exc:
        print(f"pathwalk summary: cannot read {getattr(exc, 'filename', None) or path}: {exc}. "
              "Walk the journeys first.", file=sys.stderr)
        return 2
    run = data.get("run", {}) if data is not None else {}
    if data is not None and (journal is None or run.get("id") == journal.run_id):
        stamp = f", run {one_line(run['id'])} started {one_line(run.get('started'))}" if run.get("id") else ""
        print(f"Friction summary ({len(data['journeys'])} journeys, {path}{stamp}):")
        if run.get("exit_status") == INTERRUPTED:
            print("  The run was interrupted: only the journeys that finished are shown (incomplete).")
        _print_table(data["journeys"])
        return 0
    assert journal is not None
    how = "finished without writing its summary" if journal.finished else "did not finish (or is still running)"
    print(f"Run {one_line(journal.run_id)} started {one_line(journal.run.get('started'))} {how}: "
          f"{len(journal.records)} journeys finished. Incomplete summary from {journal_path}:")
    if data is not None:
        print(f"  ({path} is from an earlier run, {one_line(run.get('id'))}: not shown.)")
    _print_table(journal.records)
    return 0


def _print_table(records: list[dict[str, Any]]) -> None:
    for line in render_table(records):
        print("  " + line)


def _project_checks(command: str, folder: str | None) -> tuple[Check, ...] | None:
    """Built-in, project (friction_checks/ here) and plugin checks; None after saying what is wrong."""
    from pathwalk.registry import CheckLoadError, load_checks

    try:
        return load_checks(Path.cwd(), [Path(folder)] if folder else [])
    except CheckLoadError as exc:
        print(f"pathwalk {command}: {exc}", file=sys.stderr)
        return None


def _schema(args: argparse.Namespace) -> int:

    from pathwalk.standards_schema import standards_schema

    checks = _project_checks("schema", args.checks)
    if checks is None:
        return 2
    print(strict_json(standards_schema(c.name for c in checks), indent=2))
    return 0


def _checks(args: argparse.Namespace) -> int:
    """Every check that runs on a journey, what it counts and where its definition comes from."""
    import textwrap

    checks = _project_checks("checks", args.checks)
    if checks is None:
        return 2
    print(f"{len(checks)} checks; each name is a budget key in standards.yaml.")
    groups = (("effort", "Effort: the work the journey asks of the customer"),
              ("friction", "Friction: places where the site makes it harder"))
    for measures, title in groups:
        print(f"\n{title}\n")
        for check in (c for c in checks if (c.measures == "effort") == (measures == "effort")):
            print(f"{check.name}  [{check.unit}]" + ("" if check.origin == "built-in" else f"  from {check.origin}"))
            print(textwrap.fill(check.definition, 96, initial_indent="    ", subsequent_indent="    "))
            print(textwrap.fill(f"Source: {check.source}", 96, initial_indent="    ", subsequent_indent="    "))
            print()
    print("Add your own: a module in friction_checks/ defining CHECK = Check(...) (see README, \"Your own checks\").")
    return 0


def _steps(args: argparse.Namespace) -> int:
    from pathwalk import steps
    from pathwalk.steps.catalog import render_catalog

    for module in steps.STEP_MODULES:  # importing a step module registers its steps in the catalog
        __import__(module)
    print("\n".join(render_catalog()))
    return 0


def _init(args: argparse.Namespace) -> int:
    from pathwalk.scaffold import init_project

    directory = Path(args.directory).resolve()
    try:
        written = init_project(directory, force=args.force)
    except FileExistsError as exc:
        print(f"pathwalk init: {exc}", file=sys.stderr)
        return 1
    print(f"Created a pathwalk project in {directory} ({len(written)} files).")
    print("Next:")
    if directory != Path.cwd():
        print(f"  cd {args.directory}")
    print("  pytest                     # walks journeys/ against the bundled demo shop")
    print("  pathwalk steps             # the steps you can write in a journey")
    print("Then set pathwalk_base_url in pytest.ini to your own site.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pathwalk", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="serve the bundled demo shop until Ctrl-C")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=0, help="0 picks a free port")
    demo.set_defaults(run=_demo)
    install = commands.add_parser("install-browser", help="install Chromium (Playwright's, else Debian's)")
    install.set_defaults(run=_install_browser)
    report = commands.add_parser("report", help="build the Allure HTML report with the pinned Allure 3")
    report.add_argument("--results", default=str(ALLURE_RESULTS))
    report.add_argument("--output", default=str(ALLURE_REPORT))
    report.add_argument("--history", help="history file kept between runs for trends "
                        "(default: history.jsonl beside the results folder)")
    report.add_argument("--single-file", action="store_true",
                        help="one self-contained index.html that opens without a server")
    report.add_argument("--open", action="store_true", help="then serve it on 127.0.0.1 until Ctrl-C")
    report.add_argument("--port", type=int, default=0, help="port for --open; 0 picks a free one")
    report.set_defaults(run=_report)
    summary = commands.add_parser("summary", help="print the friction summary of the last walk")
    summary.add_argument("--file", default=str(SUMMARY))
    summary.set_defaults(run=_summary)
    steps = commands.add_parser("steps", help="list the built-in journey steps, grouped, with examples")
    steps.set_defaults(run=_steps)
    init = commands.add_parser("init", help="create a journeys project that walks the demo shop out of the box")
    init.add_argument("directory", nargs="?", default=".")
    init.add_argument("--force", action="store_true", help="overwrite files that already exist")
    init.set_defaults(run=_init)
    schema = commands.add_parser("schema", help="print the JSON Schema of standards.yaml (for editor completion)")
    schema.add_argument("--checks", metavar="DIR", help="folder of the project's checks (default friction_checks)")
    schema.set_defaults(run=_schema)
    checks = commands.add_parser("checks", help="list every friction check with its definition and source")
    checks.add_argument("--checks", metavar="DIR", help="folder of the project's checks (default friction_checks)")
    checks.set_defaults(run=_checks)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `pathwalk checks | head`: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
