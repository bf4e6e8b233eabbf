"""Extraction speed and memory: ``python bench/extraction_speed.py [--language en|ru]``.

Builds a long report by repeating the demo corpus in the language asked for (English: the
demo reports and the development report when it is beside the repository; Russian: the
Russian demo report and the Russian held-out reports), then measures on one core:

- a bare tokenisation pass (one regex over the text) — the floor to compare against;
- the full extraction pipeline (``extract_text``), in words per second;
- peak resident memory of a fresh process extracting a text of ``--memory-megabytes`` MB.

The ratio pipeline/tokenisation is the figure to watch: it does not depend on the machine.
Results go to standard output as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples" / "reports",
    ROOT / "examples" / "sources",
    ROOT / "examples" / "holdout-ru" / "reports",
]
DEV_REPORT = ROOT.parent / "shared" / "corpus" / "dev" / "civicus-kazakhstan-2023-03.txt"
WORD = re.compile(r"\w+")


def corpus_text(language: str) -> str:
    from civicwatch.core.languages import guess_language

    texts = [
        p.read_text(encoding="utf-8")
        for folder in SOURCES
        for p in sorted(folder.glob("*"))
        if p.suffix in {".txt", ".md"}
    ]
    if DEV_REPORT.exists():
        texts.append(DEV_REPORT.read_text(encoding="utf-8"))
    return "\n\n".join(text for text in texts if guess_language(text) == language)


def long_text(megabytes: float, language: str = "en") -> str:
    base = corpus_text(language)
    target = int(megabytes * 1024 * 1024)
    return (base + "\n\n") * (target // (len(base) + 2) + 1)


def best_of(runs: int, function, *args) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function(*args)
        timings.append(time.perf_counter() - started)
    return min(timings)


def peak_memory_mb(megabytes: float, language: str) -> float:
    """Peak RSS of a fresh process that extracts a ``megabytes`` MB report."""
    command = [
        sys.executable,
        __file__,
        "--child-extract",
        str(megabytes),
        "--language",
        language,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return int(output.strip().splitlines()[-1]) / 1024


def child_extract(megabytes: float, language: str) -> None:
    from civicwatch.extract import extract_text

    extract_text(long_text(megabytes, language), language=language)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="size of the timed text")
    parser.add_argument("--memory-megabytes", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", choices=["en", "ru"], default="en")
    parser.add_argument("--child-extract", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child_extract:
        child_extract(args.child_extract, args.language)
        return
    from civicwatch.extract import extract_text, extractor_version

    # One core, as the target is stated per core.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    language = args.language
    text = long_text(args.megabytes, language)
    words = len(WORD.findall(text))
    # load lexicons, gazetteer and dictionaries outside the timing
    extract_text(text[:20000], language=language)
    tokenise = best_of(args.runs, WORD.findall, text)
    pipeline = best_of(args.runs, lambda: extract_text(text, language=language))
    memory = peak_memory_mb(args.memory_megabytes, language)
    print(f"# Extraction benchmark ({language}) — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"extractor {extractor_version()}"
    )
    print(f"text: {len(text) / 1048576:.2f} MB, {words:,} words; best of {args.runs} runs\n")
    print("| pass | seconds | words/s | × tokenisation |")
    print("|---|---:|---:|---:|")
    print(f"| bare tokenisation (one regex) | {tokenise:.3f} | {words / tokenise:,.0f} | 1 |")
    print(
        f"| full extraction pipeline | {pipeline:.3f} | {words / pipeline:,.0f} | "
        f"{pipeline / tokenise:.1f} |"
    )
    print(
        f"\npeak memory extracting a {args.memory_megabytes:g} MB report: {memory:.0f} MB "
        f"(ru_maxrss of a fresh process)"
    )
    target = 100_000 if language == "en" else 20_000
    target_ok = words / pipeline >= target
    print(
        f"target ≥ {target:,} words/s on one core: {'met' if target_ok else 'NOT met'}; "
        f"target < 500 MB: {'met' if memory < 500 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
