#!/usr/bin/env python3
"""Runs every benchmark in one go, prints a markdown table and rewrites its section of
docs/benchmarks.md.
Run through scripts/bench, which builds what this needs first. Every figure is measured in
this run beside its reference; times are CPU seconds (user + system), the fastest of several
runs, so other work on the machine does not count against them. A piece that is not built
yet gets a row saying so.
"""
import datetime
import glob
import gzip
import json
import os
import pathlib
import platform
import re
import resource
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUILD = ROOT / "build/native"
WORK = ROOT / "build/bench"
CLI = BUILD / "cli/notequiz"
WASM = ROOT / "build/wasm/wasm"
COMMAND = "scripts/bench"
# docs/benchmarks.md between these lines is this script's; everything else is kept as written.
BEGIN = "<!-- scripts/bench writes from here -->"
END = "<!-- scripts/bench writes up to here -->"
ROUNDS = 5


def run(cmd, cwd=ROOT, env=None, allowed=(0,)):
    """Runs a process; returns (its CPU seconds, wall seconds, stdout, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in allowed:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, proc.stdout, proc.stderr


def peak_rss(cmd, allowed=(0, 1)):
    """Peak resident set of one run, in bytes, from GNU time."""
    proc = subprocess.run(["/usr/bin/time", "-f", "maxrss_kb=%M", *map(str, cmd)], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in allowed:
        raise RuntimeError(f"{cmd} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return int(re.findall(r"maxrss_kb=(\d+)", proc.stderr)[-1]) * 1024


def instructions(cmd):
    """User-space instructions one run executes, counted by valgrind's callgrind; None without
    valgrind. The count does not drift with the machine's speed as times do."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        return None
    out = WORK / "callgrind.out"
    proc = subprocess.run([valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", *map(str, cmd)], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    out.unlink(missing_ok=True)
    counted = re.findall(r"Collected : (\d+)", proc.stderr)
    return int(counted[-1]) if counted else None


def fastest(cmd, times=3, allowed=(0,)):
    return min(run(cmd, allowed=allowed)[0] for _ in range(times))


def interleaved(measures, times=5):
    """Runs each measure in turn, `times` over, and keeps each one's fastest figures. On a shared
    machine whose speed drifts from one minute to the next, a figure and its reference then get
    the same moments; measured one after the other, a slow spell lands on one of them only."""
    best = [None] * len(measures)
    for _ in range(times):
        for i, measure in enumerate(measures):
            figures = measure()
            best[i] = figures if best[i] is None else tuple(min(a, b) for a, b in zip(best[i], figures))
    return best


def tool(name, files):
    out = run([BUILD / "bench" / name, "--rounds", str(ROUNDS), *files])[2]
    fields = dict(kv.split("=") for kv in out.split())
    return int(fields["bytes"]), float(fields["seconds"])


def has_command(name):
    if not CLI.exists():
        return False
    proc = subprocess.run([CLI, name, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc.returncode == 0


def mb(n):
    return f"{n / 1e6:.1f} MB"


def main():
    corpus = sorted(glob.glob(str(WORK / "corpus/*.md")))
    if not corpus:
        sys.exit("no corpus: run scripts/bench (it runs bench/make_corpus.py)")
    rows = []  # (what, result, reference, ratio, target)
    notes = []

    # Parse + model and check beside bare md4c, measured in turns (interleaved): in memory, the
    # same bytes through md_parse, parse_notes and check_file; and as commands, md4c_baseline
    # --stream (process start, then each file read and parsed in turn, one thread) beside
    # `notequiz check` on its default threads and on one.
    check_cmd = [CLI, "check", "--quiet", WORK / "corpus"]
    md4c_cmd = [BUILD / "bench/md4c_baseline", "--stream", *corpus]
    check_one_cmd = [CLI, "check", "--quiet", "-j", "1", WORK / "corpus"]
    measures = [lambda: tool("md4c_baseline", corpus), lambda: tool("parse_throughput", corpus)]
    if has_command("check"):
        measures += [lambda: run(check_cmd, allowed=(0, 1))[:2], lambda: run(md4c_cmd)[:2],
                     lambda: run(check_one_cmd, allowed=(0, 1))[:2], lambda: tool("check_throughput", corpus)]
    figures = interleaved(measures)
    corpus_bytes, md4c_s = figures[0]
    _, parse_s = figures[1]
    md4c_mbs, parse_mbs = corpus_bytes / 1e6 / md4c_s, corpus_bytes / 1e6 / parse_s
    rows.append((f"parse + model, {len(corpus):,} files ({mb(corpus_bytes)})", f"{parse_mbs:.0f} MB/s ({parse_s:.3f} s)",
                 f"bare md4c parse: {md4c_mbs:.0f} MB/s ({md4c_s:.3f} s)", f"{100 * parse_mbs / md4c_mbs:.0f}% of md4c",
                 "≥ 50%"))

    # notequiz check beside a bare md4c parse of the same corpus, and beside markdownlint-cli2.
    if has_command("check"):
        # check runs on every core (--jobs defaults to one thread per core); md4c is one thread.
        # CPU time adds up every thread's work: the cost. Wall time is what a user waits for.
        check_s, check_wall = figures[2]
        md4c_run_s, md4c_run_wall = figures[3]
        check_one_s, check_one_wall = figures[4]
        _, check_file_s = figures[5]
        cores = os.cpu_count()
        rows.append(("`notequiz check -j 1` on the corpus, the whole command, one thread",
                     f"{check_one_s:.3f} s CPU ({check_one_wall:.3f} s wall)",
                     f"bare md4c parse of the same files, as a command (each file read, then parsed; one thread): "
                     f"{md4c_run_s:.3f} s CPU ({md4c_run_wall:.3f} s wall)", f"{check_one_s / md4c_run_s:.2f}x md4c (CPU)",
                     "≤ 2x"))
        rows.append(("checking the corpus already in memory (`check_file` on each note)", f"{check_file_s:.3f} s",
                     f"bare md4c parse of the same bytes in memory: {md4c_s:.3f} s", f"{check_file_s / md4c_s:.2f}x md4c",
                     "≤ 2x"))
        rows.append((f"`notequiz check` on the corpus as users run it, one thread per core ({cores})",
                     f"{check_wall:.3f} s wall; {check_s:.3f} s CPU, all threads",
                     f"md4c as a command: {md4c_run_wall:.3f} s wall, {md4c_run_s:.3f} s CPU",
                     f"{check_wall / md4c_run_wall:.2f}x (wall); {check_s / md4c_run_s:.2f}x (CPU)",
                     "context: what a user waits; threads cost CPU"))
        rows.append(("`notequiz check`, the whole command, beside the in-memory md4c parse",
                     f"{check_one_s:.3f} s CPU with `-j 1`; {check_wall:.3f} s wall on {cores} threads",
                     f"bare md4c parse in memory: {md4c_s:.3f} s (reading the files costs md4c's command "
                     f"{md4c_run_s - md4c_s:.3f} s more)",
                     f"{check_one_s / md4c_s:.2f}x (CPU); {check_wall / md4c_s:.2f}x (wall)",
                     "context: check reads 2,000 files, the reference none"))
        check_one_ins, md4c_run_ins = instructions(check_one_cmd), instructions(md4c_cmd)
        if check_one_ins and md4c_run_ins:
            rows.append(("instructions of `notequiz check -j 1`, the whole command (valgrind)",
                         f"{check_one_ins / 1e6:,.0f} million",
                         f"md4c as a command: {md4c_run_ins / 1e6:,.0f} million",
                         f"{check_one_ins / md4c_run_ins:.2f}x", "context: the work, whatever the machine's speed"))
        else:
            rows.append(("instructions of `notequiz check -j 1` (valgrind)", "valgrind not installed", "", "", "context"))
        lint_bin = ROOT / "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs"
        lint_version = "not installed"
        if lint_bin.exists():
            lint_version = json.loads((ROOT / "node_modules/markdownlint-cli2/package.json").read_text())["version"]
            node = shutil.which("node")
            node_version = subprocess.run([node, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
            try:
                lint_s, lint_wall, _, _ = run([node, lint_bin, "corpus/*.md"], cwd=WORK, allowed=(0, 1))
                rows.append((f"markdownlint-cli2 {lint_version} on the corpus (node {node_version})",
                             f"{lint_s:.1f} s ({lint_wall:.1f} s wall)", f"`notequiz check`: {check_s:.3f} s",
                             f"check {lint_s / check_s:.0f}x faster", "≥ 100x faster"))
                core = json.loads((ROOT / "node_modules/markdownlint/package.json").read_text())
                if core.get("engines", {}).get("node"):
                    notes.append(f"markdownlint {core['version']} (used by markdownlint-cli2 {lint_version}) declares "
                                 f"node {core['engines']['node']}; it ran here on node {node_version}.")
            except RuntimeError as e:
                rows.append((f"markdownlint-cli2 {lint_version}", "failed to run", str(e).splitlines()[0][:80], "", "≥ 100x"))
        else:
            rows.append(("markdownlint-cli2", "not installed (npm ci)", "", "", "≥ 100x faster"))
        # Every diagnostic printed (not --quiet): text output is streamed file by file, so what may
        # grow is only what the cross-file rules keep, a hash and a place per question.
        small = corpus[: len(corpus) // 10]
        rss_small = peak_rss([CLI, "check", *small])
        rss_full = peak_rss([CLI, "check", WORK / "corpus"])

        def cards(files):
            out = run([CLI, "check", "--format", "json", "--quiet", *files], allowed=(0, 1))[2]
            return json.loads(out)["summary"]["cards"]

        per_question = (rss_full - rss_small) / max(1, cards([WORK / "corpus"]) - cards(small))
        rows.append(("peak memory of `notequiz check` (text), whole corpus", mb(rss_full),
                     f"a tenth of the corpus ({len(small)} files): {mb(rss_small)}",
                     f"{rss_full / rss_small:.2f}x; {per_question:.0f} B more per question",
                     "grows only by the cross-file facts"))
    else:
        rows.append(("`notequiz check`", "not built yet", "", "", "≤ 2x md4c, ≥ 100x markdownlint-cli2"))

    # Export of a 10,000-card deck.
    deck_dir = WORK / "deck-10000"
    if has_command("export"):
        out = WORK / "export-site"
        export_cmd = [CLI, "export", deck_dir, "-o", out]
        try:
            export_s = fastest(export_cmd, allowed=(0, 1))
            deck_bytes = sum(p.stat().st_size for p in deck_dir.rglob("*.md"))
            parse_deck_bytes, parse_deck_s = tool("parse_throughput", [str(deck_dir / "cards.md")])
            rows.append((f"`notequiz export` (site) of 10,000 cards ({mb(deck_bytes)})", f"{export_s:.3f} s",
                         f"parsing the same notes: {parse_deck_s:.3f} s", f"{export_s / parse_deck_s:.1f}x parse",
                         "< 1 s"))
            rows.append(("peak memory of that export", mb(peak_rss(export_cmd)), f"notes: {mb(deck_bytes)}", "", ""))
        except RuntimeError as e:
            rows.append(("`notequiz export` of 10,000 cards", "failed", str(e).splitlines()[0][:100], "", "< 1 s"))
    else:
        rows.append(("`notequiz export` of 10,000 cards", "not built yet", "", "", "< 1 s"))

    # The widget: payload and time to first card.
    # As pages download them: the wasm build holds the element minified (the size test's list).
    widget_files = [WASM / "note-quiz.js", WASM / "note-quiz-element.js", WASM / "notequiz_wasm.wasm"]
    if all(f.exists() for f in widget_files):
        payload = sum(len(gzip.compress(f.read_bytes(), 9)) for f in widget_files)
        raw = sum(f.stat().st_size for f in widget_files)
        rows.append(("widget payload (JS + CSS + wasm, gzip -9 per file)", f"{payload:,} bytes",
                     f"uncompressed: {raw:,} bytes", f"{100 * payload / 80_000:.0f}% of budget", "≤ 80,000 bytes"))
        first_card = ROOT / "bench/widget-first-card.mjs"
        if first_card.exists():
            try:
                out = run([shutil.which("node"), first_card, "7"])[2]
                median = re.search(r"module -> first card: median ([\d.]+) ms", out)
                core = re.search(r"module -> core ready.*?median ([\d.]+) ms", out)
                after = re.search(r"core ready -> first card.*?median ([\d.]+) ms", out)
                rows.append(("widget time to first card, 1,000 cards of markdown, headless Chromium that has finished starting",
                             f"{median.group(1)} ms (median of 7) from the widget's module starting"
                             + (f"; {after.group(1)} ms from the core being ready" if after else ""),
                             f"loading the wasm core alone: {core.group(1)} ms" if core else "",
                             "", "≤ 150 ms"))
                back = re.search(r"returning learner.*?module -> first card: median ([\d.]+) ms; "
                                 r"core ready -> first card: median ([\d.]+) ms", out)
                early = re.search(r"straight after the browser's launch.*?module -> first card: median ([\d.]+) ms", out)
                whole = re.search(r"module -> whole deck open.*?median ([\d.]+) ms", out)
                if whole:
                    rows.append(("the same, until the whole deck is open (the first card comes from the notes' first "
                                 "16 KiB; the rest opens after it is on screen)",
                                 f"{whole.group(1)} ms (median of 7) from the widget's module starting", "", "",
                                 "(context: the learner sees the first card before this)"))
                if early:
                    rows.append(("the same, the page opened straight after the browser's launch (how it was measured "
                                 "before 2026-11-28)", f"{early.group(1)} ms (median of 7) from the widget's module starting",
                                 "", "", "(context: the browser's own start-up shares the two cores)"))
                if back:
                    rows.append(("the same for a returning learner: saved progress for all 1,000 cards, all due",
                                 f"{back.group(1)} ms (median of 7) from the widget's module starting; "
                                 f"{back.group(2)} ms from the core being ready", "", "",
                                 "(no target; the progress is read and checked first)"))
            except (RuntimeError, AttributeError) as e:
                rows.append(("widget time to first card", "failed", str(e).splitlines()[0][:100], "", "≤ 150 ms"))
        else:
            rows.append(("widget time to first card", "not built yet", "", "", "≤ 150 ms"))
    else:
        rows.append(("widget payload and time to first card", "not built yet (web/ and the wasm build)", "", "",
                     "≤ 80,000 bytes, ≤ 150 ms"))

    table = ["| Measure | Result | Reference, same run | Ratio | Target |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(r)} |" for r in rows]
    cpu = "unknown CPU"
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", pathlib.Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    machine = f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, " \
              f"load average {os.getloadavg()[0]:.1f} when it ended"
    print("\n".join(table))
    for n in notes:
        print(f"\n{n}")

    block = f"""{BEGIN}
## Everything at once: `scripts/bench`

Reproduce every figure in this section with one command (it builds what it needs, generates
the inputs under `build/bench/` and rewrites this section; the rest of the page is kept):

```sh
{COMMAND}
```

Measured {datetime.date.today().isoformat()} on {machine}.

Times are CPU seconds (user + system), the fastest of {ROUNDS} rounds for the in-process tools
and of several runs for commands, so other work on a shared machine counts less (wall times,
where shown, and the browser's time to first card count it fully). Each figure sits beside a
reference measured in the same run, and the ratio is what the target is about. The bare md4c
parse, parse + model and `notequiz check` are measured in turns, five times over, each keeping
its fastest: this machine's speed drifts from minute to minute (one run measured md4c at 241 MB/s
and parse + model at 209 MB/s a minute later), and taking turns gives both the same moments.

{chr(10).join(table)}
"""
    if notes:
        block += "\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    block += f"""
What is measured:

- **The corpus**: `bench/make_corpus.py` writes 2,000 copies of the verbatim seed notes
  (`tests/fixtures/go-interview-notes.md`) into `build/bench/corpus/`, each question title
  suffixed with the copy's number so titles are distinct across the corpus; every other byte
  is the seed's.
- **parse + model**: `bench/parse_throughput.cpp` runs `parse_notes` over every file, building
  the deck with its sanitized HTML; `bench/md4c_baseline.cpp` runs a bare `md_parse` with
  callbacks that do nothing, with the same md4c flags, over the same bytes already in memory.
- **`notequiz check`**, two ways, each beside a bare md4c parse of the same corpus (the target
  is about these two):
  - the whole command on one thread (`notequiz check --quiet -j 1 build/bench/corpus`: process
    start, finding the notes, reading each, checking, printing the 10,000 errors), beside md4c
    as a command doing what check does around its parse (`md4c_baseline --stream`: process
    start, each file opened and read with the same four system calls, then parsed). One thread
    each, the same files read the same way: CPU time against CPU time.
  - `bench/check_throughput.cpp`: `check_file` on each note already in memory, every rule at
    its default severity and messages built for errors (as `--quiet` does), beside the in-memory
    md4c parse above: the checking work alone, no system calls on either side.
  - Context rows: check as users run it, on one thread per core, in wall time (what they wait)
    and CPU time (every thread's work added up: on this shared 2-core machine two threads cost
    3% to 40% more CPU than one, from run to run, while one thread's CPU time varies by 2%); and
    the command beside the in-memory parse, a ratio that charges check for reading 2,000 files
    and md4c for none (see "Which md4c parse check is measured against" below).
  - markdownlint-cli2 is the pinned devDependency run with node on the same files.
- **Instructions**: valgrind's callgrind counts what one run of `check -j 1` and of md4c as a
  command execute in user space (the system's file reading is not in it). The machine's speed
  drifts from minute to minute and moves the time ratios with it; the count does not, so it is
  the figure to compare a change of check's code by.
- **Peak memory**: GNU time's maximum resident set of one run; check on the whole corpus beside
  check on a tenth of it, every finding printed, shows what grows with the corpus: the text
  output is streamed file by file, so only the cross-file facts (a question hash and place per
  question, links into other notes) may, shown per question.
- **export**: `notequiz export build/bench/deck-10000 -o build/bench/export-site` (the site
  format) of one generated deck of 10,000 cards (the bundled Go notes' answers, cycled).
- **The widget**: the gzip size of the files a page downloads (the same list as
  `tests/browser/size_budget.test.mjs`), and `bench/widget-first-card.mjs` (below): each run
  a fresh headless Chromium, the page opened once the browser has finished starting, served
  by a process of its own.
{END}
"""
    page = ROOT / "docs/benchmarks.md"
    old = page.read_text(encoding="utf-8") if page.exists() else "# Benchmarks\n"
    if BEGIN in old and END in old:
        doc = old[: old.index(BEGIN)] + block.rstrip("\n") + old[old.index(END) + len(END):]
    else:
        title, _, rest = old.partition("\n")
        doc = f"{title}\n\n{block}\n{rest.lstrip(chr(10))}"
    page.write_text(doc, encoding="utf-8")
    print("\nwrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
