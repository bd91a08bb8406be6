"""Start-up benchmark: process start to interactive main window.

Starts ``hms-desk --demo --quit-after-show`` with a temporary profile whose
demo database already exists (the first run, which imports the catalogue, is
measured separately), several times, and reports the median wall time.
Target: ≤ 1.5 s on the 2-core machine.

    python bench/startup.py [--quick] [--runs N]

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(profile: Path, env: dict) -> float:
    """Seconds from launching the process to the window being shown and the event loop running."""
    t0 = time.time()
    res = subprocess.run([sys.executable, "-m", "hms_desk", "--demo", "--no-err-windows", "--quit-after-show",
                          "--profile", str(profile)], check=True, env=env, capture_output=True, text=True,
                         timeout=300)
    for line in res.stdout.splitlines():
        if line.startswith("HMS_DESK_INTERACTIVE "):
            return float(line.split()[1]) - t0
    raise RuntimeError("the app did not report an interactive window:\n" + res.stdout + res.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=None)
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 9)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as d:
        profile = Path(d) / "profile"
        first = run_once(profile, env)            # creates and seeds the demo database
        times = [run_once(profile, env) for _ in range(runs)]
    med = statistics.median(times)
    for t in times:
        print(f"start to window: {t * 1000:.0f} ms")
    print(json.dumps({"bench": "startup", "runs": runs, "first_run_s": round(first, 3),
                      "median_s": round(med, 3), "min_s": round(min(times), 3), "max_s": round(max(times), 3),
                      "target_s": 1.5, "ok": med <= 1.5, "qpa": env["QT_QPA_PLATFORM"]}))


if __name__ == "__main__":
    main()
