#!/usr/bin/env python3
"""Save-to-reload latency of `handbook serve` on the benchmark corpus (not part of `make test`).

For a body edit, a front-matter edit and a data-table edit, each repeated, it measures the time
from the moment the edited file is closed to the moment the reload event arrives over SSE, and
prints medians. Then it loads the preview with wrk (if installed) and reports errors.

  bench_serve.py BIN TEMPLATES CORPUS_CONTENT [--runs N]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from serve_client import Serve


def timed(serve, edit):
    start = time.perf_counter()
    edit()
    while True:
        at, event = serve.next_timed_event(120)
        if event.get("kind") != "none":
            return (at - start) * 1000, event


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("templates")
    ap.add_argument("content")
    ap.add_argument("--runs", type=int, default=11)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="handbook-bench-serve-")
    shutil.copytree(a.content, work + "/Content")
    started = time.perf_counter()
    serve = Serve(a.binary, work + "/Content", a.templates, work + "/Site")
    print("first build and start: %.1f s" % (time.perf_counter() - started))
    guides = sorted(os.listdir(work + "/Content/pages/guides"))
    results = {}

    def body(i):
        path = work + "/Content/pages/guides/" + guides[(i * 37) % len(guides)]
        def edit():
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nEdited paragraph %d for the benchmark.\n" % i)
        return edit

    def front(i):
        path = work + "/Content/pages/guides/" + guides[(i * 53) % len(guides)]
        def edit():
            text = open(path, encoding="utf-8").read()
            text = re.sub(r'^title: "(.*)"$', lambda m: 'title: "%s %d"' % (m.group(1), i), text, count=1, flags=re.M)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return edit

    def table(i):
        path = work + "/Content/data/requirements.csv"
        def edit():
            lines = open(path, encoding="utf-8").read().split("\n")
            row = lines[1 + i % 20].split(",")
            row[6] = str(2 + (int(row[6]) + 1) % 14)   # lead_time_weeks
            lines[1 + i % 20] = ",".join(row)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        return edit

    for name, make in (("body", body), ("front matter", front), ("data table", table)):
        times = []
        for i in range(a.runs):
            ms, event = timed(serve, make(i))
            if event["failed"]:
                raise SystemExit("edit failed: %s" % event["problems"][:3])
            times.append(ms)
            time.sleep(0.2)
        results[name] = times
        print("%-13s median %7.1f ms  min %7.1f  max %7.1f  (%d edits, kind: %s)" % (
            name, statistics.median(times), min(times), max(times), len(times), event["kind"]))
    if shutil.which("wrk"):
        page = "en/guides/" + guides[5][:-3] + "/"
        out = subprocess.run(["wrk", "-t2", "-c50", "-d10s", serve.base + page], capture_output=True, text=True).stdout
        print("wrk -t2 -c50 -d10s " + page)
        print("\n".join("  " + l for l in out.strip().splitlines()))
    status, seconds = serve.stop()
    shutil.rmtree(work)
    print("stopped: exit %d in %.2f s" % (status, seconds))


if __name__ == "__main__":
    main()
