#!/usr/bin/env python3
"""Measure the search index of a built site in Chromium: index size on disk, and for each query
the compressed bytes a reader downloads (the .gz size of every index file the query loads) and
the time to the first results, with a cold and a warm cache.

  bench_search.py SITE_DIR LANG [QUERY ...]
"""
import os, statistics, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_site

DEFAULT = ["certificate", "battery inspection", "62133", "iec62133", "8507.60", "检测", "锂电池 认证", "m001", "cert"]


def main():
    root, lang = os.path.abspath(sys.argv[1]), sys.argv[2]
    queries = sys.argv[3:] or DEFAULT
    index = os.path.join(root, lang, "search", "index")
    files = [f for f in os.listdir(index) if f.endswith(".js")]
    raw = sum(os.path.getsize(os.path.join(index, f)) for f in files)
    gz = sum(os.path.getsize(os.path.join(index, f + ".gz")) for f in files)
    print("index: %d files, %.1f MB, %.2f MB gzipped" % (len(files), raw / 1e6, gz / 1e6))
    server, base = check_site.serve(root)
    driver = check_site.browser()
    rows = []
    try:
        for q in queries:
            times = []
            for cold in (True, False):
                if cold:
                    driver.get(base + lang + "/search/")
                    driver.execute_script("performance.clearResourceTimings()")
                start = time.perf_counter()
                count = driver.execute_async_script("""
                    var done = arguments[arguments.length - 1];
                    HB_SEARCH.search(arguments[0]).then(function (ranked) {
                      return HB_SEARCH.documents(ranked.slice(0, 20)).then(function () { done(ranked.length); });
                    });""", q)
                times.append((time.perf_counter() - start) * 1000)
                if cold:
                    loaded = [e.split("/")[-1] for e in driver.execute_script(
                        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
                        if "/search/index/" in e]
                    transfer = sum(os.path.getsize(os.path.join(index, f + ".gz")) for f in loaded)
            rows.append((q, count, len(loaded), transfer, times[0], times[1]))
    finally:
        driver.quit()
        server.shutdown()
    print("%-22s %8s %6s %10s %9s %9s" % ("query", "results", "files", "gz bytes", "cold ms", "warm ms"))
    for q, n, files_, transfer, cold, warm in rows:
        print("%-22s %8d %6d %10d %9.0f %9.0f" % (q, n, files_, transfer, cold, warm))
    print("median transfer %.0f KB, max %.0f KB; median cold %.0f ms, warm %.0f ms" % (
        statistics.median(r[3] for r in rows) / 1e3, max(r[3] for r in rows) / 1e3,
        statistics.median(r[4] for r in rows), statistics.median(r[5] for r in rows)))


if __name__ == "__main__":
    main()
