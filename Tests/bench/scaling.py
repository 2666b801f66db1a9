#!/usr/bin/env python3
"""Linear scaling of `handbook build`: the benchmark corpus at 10,000 and 50,000 guide pages,
built in turns (previous output deleted first, as compare-hugo does), medians of wall time and peak
memory, and how each grows against the Markdown it reads.

  scaling.py HANDBOOK TEMPLATES [--runs 3] [--pages 10000,50000] [--work DIR]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time


def build(handbook, content, templates, out):
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.Popen([handbook, "build", "--content", content, "--templates", templates, "--output", out, "--quiet"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("build of %s failed" % content)
    return wall, ru.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("handbook")
    ap.add_argument("templates")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", default="10000,50000")
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    handbook, templates = os.path.abspath(a.handbook), os.path.abspath(a.templates)
    work = a.work or tempfile.mkdtemp(prefix="hb-scale-")
    here = os.path.dirname(os.path.abspath(__file__))
    make_corpus = os.path.join(here, "..", "..", "..", "shared", "bench", "make-corpus")
    sizes = [int(n) for n in a.pages.split(",")]
    corpora = {}
    for n in sizes:
        folder = os.path.join(work, "corpus-%d" % n)
        if not os.path.isdir(os.path.join(folder, "handbook", "Content")):
            subprocess.run([make_corpus, folder, "--pages", str(n), "--languages", "en"], check=True, stdout=subprocess.DEVNULL)
        content = os.path.join(folder, "handbook", "Content")
        md = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md"))
        corpora[n] = (content, md)
    results = {n: [] for n in sizes}
    for i in range(a.runs + 1):            # the first round warms the caches
        for n in sizes:
            r = build(handbook, corpora[n][0], templates, os.path.join(work, "out-%d" % n))
            if i > 0:
                results[n].append(r)
    base = sizes[0]
    med = {n: (statistics.median(w for w, _ in results[n]), statistics.median(m for _, m in results[n])) for n in sizes}
    for n in sizes:
        print("%6d pages (%.0f MB of Markdown): wall %.2f s  peak %.0f MiB  (median of %d)"
              % (n, corpora[n][1] / 1e6, med[n][0], med[n][1], a.runs))
    for n in sizes[1:]:
        print("%d vs %d pages: content x%.2f, wall x%.2f (target at most x%.1f), peak memory x%.2f"
              % (n, base, corpora[n][1] / corpora[base][1], med[n][0] / med[base][0], 5.5 * n / base / 5,
                 med[n][1] / med[base][1]))
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
