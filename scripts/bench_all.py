#!/usr/bin/env python3
"""The table scripts/bench-all.sh prints: each heavy job's median next to its anchor —
what the same machine does with a plain tool on the same data — measured in the same run,
alternately, so that drift of the machine cancels out. Whole processes are timed with
/usr/bin/time (wall seconds and peak RSS); the in-process tails come from `meirim-cli
bench --json`. Output: a Markdown table for BENCHMARKS.md."""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

CLI, DIR, RUNS = sys.argv[1], sys.argv[2], int(sys.argv[3])
DISTRICT = os.path.join(DIR, "district")
YEAR = ("01.01.2026", "31.12.2026")


def timed(cmd, env=None, cwd=None):
    """Wall seconds and peak RSS (MiB) of one whole process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )
        wall, rss = out.read().split()[-2:]
        return float(wall), int(rss) / 1024


def alternate(meirim, anchor, before=None):
    """RUNS of each, Meirim and the anchor in turn; medians."""
    ours, theirs = [], []
    for _ in range(RUNS):
        if before:
            before()
        ours.append(timed(meirim))
        if anchor:
            theirs.append(timed(anchor))
    med = lambda xs, i: statistics.median(x[i] for x in xs) if xs else None
    return med(ours, 0), med(ours, 1), med(theirs, 0), med(theirs, 1)


rows = []


def row(job, ours, rss, anchor_name, anchor, goal):
    ratio = f"{anchor / ours:.2f}× faster" if anchor and ours <= anchor else (
        f"{ours / anchor:.2f}× the anchor" if anchor else "")
    rows.append((job, f"{ours:.3f} s", f"{rss:.0f} MiB", anchor_name,
                 f"{anchor:.3f} s" if anchor else "", ratio, goal))


# 1. 1 000 letters: Meirim's batch into one PDF vs LibreOffice converting the same letters.
letters = os.path.join(DIR, "letters")
subprocess.run([CLI, "bench-letters", "--count", "1000", "--out-dir", letters],
               check=True, stdout=subprocess.DEVNULL)
lo_home = os.path.join(DIR, "lo-home")
lo_env = dict(os.environ, HOME=lo_home)
soffice = ["soffice", "--headless", "--convert-to", "pdf", "--outdir",
           os.path.join(DIR, "lo"), os.path.join(letters, "letters.fodt")]
subprocess.run(soffice, check=True, env=lo_env, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)  # the profile is made once, not counted
ours = []
theirs = []
for _ in range(RUNS):
    ours.append(timed([CLI, "bench-letters", "--count", "1000", "--out-dir", letters]))
    theirs.append(timed(soffice, env=lo_env))
row("1 000 letters to PDF", statistics.median(x[0] for x in ours),
    statistics.median(x[1] for x in ours), "LibreOffice headless",
    statistics.median(x[0] for x in theirs), "20× faster than LibreOffice")

# 2. Import of the 25 500-family XLSX (one row a person, ~100 000 rows) vs sqlite3 .import
#    of the same rows as CSV.
source = os.path.join(DIR, "import-source")
xlsx, csv = os.path.join(DIR, "list.xlsx"), os.path.join(DIR, "list.csv")
if not os.path.exists(xlsx):
    subprocess.run([CLI, "--data-dir", source, "demo", "--families", "25500", "--deliveries",
                    "0", "--seed", "3"], check=True, stdout=subprocess.DEVNULL)
    for fmt, out in (("xlsx", xlsx), ("csv", csv)):
        subprocess.run([CLI, "--data-dir", source, "export", "families", "--personal-data",
                        "--with-iin", "--format", fmt, "--out", out], check=True,
                       stdout=subprocess.DEVNULL)
target, bare = os.path.join(DIR, "import-target"), os.path.join(DIR, "bare.sqlite3")


def fresh():
    shutil.rmtree(target, ignore_errors=True)
    if os.path.exists(bare):
        os.remove(bare)


o, orss, a, _ = alternate(
    [CLI, "--data-dir", target, "import", xlsx],
    ["sqlite3", "-cmd", ".mode csv", "-cmd", ".separator ;", bare, f".import {csv} families"],
    before=fresh)
row("Import 25 500-family XLSX, ~100 000 rows (every check)", o, orss, "sqlite3 .import CSV", a,
    "≤ 2.5 s")

# 3. The year report over a million deliveries, whole process, vs one grouped pass.
one_pass = ("SELECT aid_type_id, status, count(*), count(DISTINCT family_id), sum(value), "
            "sum(quantity_milli) FROM deliveries WHERE on_date BETWEEN '2026-01-01' AND "
            "'2026-12-31' GROUP BY 1, 2;")
o, orss, a, _ = alternate(
    [CLI, "--data-dir", DISTRICT, "report", "--from", YEAR[0], "--to", YEAR[1], "--format",
     "csv", "--out", os.path.join(DIR, "year.csv")],
    ["sqlite3", os.path.join(DISTRICT, "meirim.sqlite3"), one_pass])
row("Year report, 1 000 000 deliveries (CSV)", o, orss, "sqlite3 one grouped pass", a,
    "≤ 1.6× the pass")

# 4. The tails, in-process, on a copy of the district (the bench adds campaigns and aid).
copy = os.path.join(DIR, "district-copy")
shutil.rmtree(copy, ignore_errors=True)
shutil.copytree(DISTRICT, copy)
bench = json.loads(subprocess.run([CLI, "--data-dir", copy, "--json", "bench", "--runs", "200"],
                                  check=True, capture_output=True, text=True).stdout)
t = {x["operation"]: x for x in bench["timings"]}
like = t["baseline: LIKE '%fragment%' scan"]
goals = {
    "search: name fragment (Cyrillic)": "p95 ≤ 2 ms, max ≤ 20 ms",
    "search: name fragment (Latin spelling)": "p95 ≤ 2 ms, max ≤ 20 ms",
    "search: IIN prefix": "p95 ≤ 2 ms, max ≤ 20 ms",
    "duplicate scan (whole registry)": "≤ 200 ms",
    "aid: campaign summary (largest campaigns)": "≤ 50 ms",
    "aid: choose families for a round (all current)": "≤ 200 ms",
}
for op, goal in goals.items():
    x = t.get(op)
    if not x:
        continue
    rows.append((op, f"p95 {x['p95_ms']:.1f} ms, max {x['max_ms']:.1f} ms", "",
                 "LIKE scan" if op.startswith("search") else "",
                 f"p95 {like['p95_ms']:.1f} ms" if op.startswith("search") else "",
                 f"{like['p95_ms'] / max(x['p95_ms'], 1e-9):.0f}× faster" if op.startswith("search") else "",
                 goal))

print(f"| Job | Meirim (median of {RUNS}) | Peak RSS | Anchor | Anchor (same run) | Ratio | Goal |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
