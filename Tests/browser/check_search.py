#!/usr/bin/env python3
"""Search in the built site, in Chromium (selenium, headless), against `handbook search`.

  check_search.py SITE_DIR --handbook BIN --content DIR

1. Every query of Tests/HandbookKitTests/Search/SearchExpectationsTests.swift (the `E("query",
   "route")` lines) runs through the site's JavaScript: the expected page is in the top three,
   and the ranking is exactly `handbook search`'s (the Swift ranking).
2. The search page opens with a "best matches" list (at most five, any kind), then the other pages
   matching every word grouped by kind, then those matching only some of the words.
3. Typing in the header box shows instant results under it (a listbox): the arrow keys choose,
   Enter opens the chosen page, Escape closes the list, Enter with none chosen goes to the search
   page; the list stays inside a 390 px wide screen; axe-core finds no serious or critical
   violation with the list open, in light and dark mode; no console errors.
"""
import os, re, subprocess, sys
from urllib.parse import urljoin, quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_site import serve, browser, console_errors  # noqa: E402  (the same server and browser)

EXPECTATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                            "HandbookKitTests", "Search", "SearchExpectationsTests.swift")
DEPTH = 20   # how many results of each query are compared between the browser and `handbook search`


def expectations():
    """(query, route) pairs from the Swift suite; the route's first part is the language."""
    text = open(EXPECTATIONS, encoding="utf-8").read()
    pairs = re.findall(r'E\("((?:[^"\\]|\\.)*)", "([a-z]+/[^"]*)"\)', text)
    if len(pairs) < 40:
        sys.exit("check_search: only %d expectations read from %s" % (len(pairs), EXPECTATIONS))
    return [(q.replace('\\"', '"').replace("\\\\", "\\"), r) for q, r in pairs]


def swift_ranking(handbook, content, query, lang):
    out = subprocess.run([handbook, "search", query, "--language", lang, "--limit", str(DEPTH), "--content", content],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return ["error: " + out.stderr.strip()]
    return [line.split("\t")[0] for line in out.stdout.splitlines()]


def browser_ranking(driver, base, query):
    """The site's ranking of `query` as routes (like `handbook search` prints them)."""
    got = driver.execute_async_script("""
        var query = arguments[0], depth = arguments[1], done = arguments[arguments.length - 1];
        HB_SEARCH.search(query).then(function (ranked) {
          return HB_SEARCH.documents(ranked.slice(0, depth));
        }).then(function (docs) { done(docs.map(function (d) { return d.href; })); })
          .catch(function (e) { done(["error: " + e]); });""", query, DEPTH)
    return [urljoin(driver.current_url, h)[len(base):] for h in got]


def check_expectations(driver, base, handbook, content):
    problems, checked = [], 0
    by_language = {}
    for query, route in expectations():
        by_language.setdefault(route.split("/")[0], []).append((query, route))
    for lang, pairs in sorted(by_language.items()):
        driver.get(base + lang + "/search/")
        for query, route in pairs:
            js = browser_ranking(driver, base, query)
            checked += 1
            if route not in js[:3]:
                problems.append("search %r (%s): %s is not in the top 3 of the site: %r" % (query, lang, route, js[:3]))
            swift = swift_ranking(handbook, content, query, lang)
            if js != swift:
                first = next((i for i, (a, b) in enumerate(zip(js, swift)) if a != b), min(len(js), len(swift)))
                problems.append("search %r (%s): the site and `handbook search` differ from result %d: %r, %r"
                                % (query, lang, first + 1, js[first:first + 3], swift[first:first + 3]))
    print("expectations: %d queries in %s, each through the site and `handbook search`"
          % (checked, " and ".join(sorted(by_language))))
    return problems


def wait(driver, condition, seconds=5):
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        return WebDriverWait(driver, seconds).until(condition)
    except Exception:
        return None


def check_search_page(driver, base):
    """Best matches first, then the full matches by kind, then the partial matches."""
    from selenium.webdriver.common.by import By
    problems = []
    for lang, query, first in (("zh", "沙特 电池", "zh/products/li-ion-portable/sa/"),
                               ("en", "power bank", "en/products/li-ion-portable/")):
        driver.get(base + lang + "/search/?q=" + quote(query))
        if not wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "section.search-best a.search-hit")):
            problems.append("search page %r (%s): no best matches" % (query, lang))
            continue
        # Show every result, then compare the page with the ranking and its count of full matches.
        while driver.find_elements(By.CSS_SELECTOR, "#search-results > button"):
            count = len(driver.find_elements(By.CSS_SELECTOR, "a.search-hit"))
            driver.find_element(By.CSS_SELECTOR, "#search-results > button").click()
            wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "a.search-hit")) > count)
        ranked = driver.execute_async_script("""
            var done = arguments[arguments.length - 1];
            HB_SEARCH.results(arguments[0]).then(function (r) {
              return HB_SEARCH.documents(r.documents).then(function (docs) {
                done({hrefs: docs.map(function (d) { return d.href; }), complete: r.complete});
              });
            });""", query)
        hrefs, complete = ranked["hrefs"], ranked["complete"]
        sections = driver.find_elements(By.CSS_SELECTOR, "#search-results > section")
        shown = {s.get_attribute("class"): [a.get_attribute("href") for a in s.find_elements(By.CSS_SELECTOR, "a.search-hit")]
                 for s in sections}
        classes = [s.get_attribute("class") for s in sections]
        best = shown[classes[0]]
        if "search-best" not in classes[0] or best != hrefs[:5]:
            problems.append("search page %r (%s): the first section is %r with %r" % (query, lang, classes[0], best[:5]))
        if not best or not best[0].endswith("/" + first):
            problems.append("search page %r (%s): the best match is %r, not %s" % (query, lang, best[:1], first))
        if len(sections[0].find_elements(By.CSS_SELECTOR, ".search-kind")) != len(best):
            problems.append("search page %r (%s): the best matches do not say their kind" % (query, lang))
        groups = [c for c in classes if re.search(r"\bsearch-kind-", c)]
        grouped = sorted(h for c in groups for h in shown[c])
        if grouped != sorted(hrefs[5:max(5, complete)]):
            problems.append("search page %r (%s): the groups do not hold the other full matches" % (query, lang))
        partial = [c for c in classes if "search-partial" in c]
        expected = hrefs[max(5, complete):]
        if (shown[partial[0]] if partial else []) != expected or (partial and classes[-1] != partial[0]):
            problems.append("search page %r (%s): the partial matches (%d of %d) are not last, in order" % (query, lang, len(expected), len(hrefs)))
        if not 5 < complete < len(hrefs):
            problems.append("search page %r (%s): %d of %d results match every word" % (query, lang, complete, len(hrefs)))
        status = driver.find_element(By.ID, "search-status").text
        if str(len(hrefs)) not in status:
            problems.append("search page %r (%s): the status says %r for %d results" % (query, lang, status, len(hrefs)))
    return problems


def check_instant(driver, base):
    """The list under the header box as the reader types, by keyboard and in axe-core."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    problems = []

    def options():
        return driver.find_elements(By.CSS_SELECTOR, "#search-suggest [role=option]")

    def open_list(path, query):
        driver.get(base + path)
        box = driver.find_element(By.ID, "q")
        box.click()
        box.send_keys(query)
        shown = wait(driver, lambda d: d.find_element(By.ID, "search-suggest").is_displayed() and options())
        return box, shown

    for path, query, first in (("zh/", "沙特 电池", "zh/products/li-ion-portable/sa/"),
                               ("en/markets/eu/", "power bank", "en/products/li-ion-portable/"),
                               ("en/products/pv-module/sa/", "saud", "en/markets/sa/")):
        box, shown = open_list(path, query)
        if not shown:
            problems.append("instant results: typing %r on %s shows no list" % (query, path))
            continue
        listbox = driver.find_element(By.ID, "search-suggest")
        if box.get_attribute("role") != "combobox" or box.get_attribute("aria-expanded") != "true" \
                or box.get_attribute("aria-controls") != "search-suggest":
            problems.append("instant results on %s: the box is not an expanded combobox" % path)
        under = driver.execute_script("""
            var b = arguments[0].getBoundingClientRect(), l = arguments[1].getBoundingClientRect();
            return l.top >= b.bottom - 1 && l.top <= b.bottom + 12 && l.left < b.right && l.right > b.left;""", box, listbox)
        if not under:
            problems.append("instant results on %s: the list is not under the header box" % path)
        hrefs = [o.get_attribute("data-href") for o in options()]
        if not any(h.endswith("/" + first) for h in hrefs[:3]):
            problems.append("instant results %r on %s: %s is not among the first three: %r" % (query, path, first, hrefs[:3]))
        if "search/?q=" not in hrefs[-1]:
            problems.append("instant results on %s: the last option does not lead to all results" % path)
        box.send_keys(Keys.ARROW_DOWN)
        active = box.get_attribute("aria-activedescendant")
        chosen = [o.get_attribute("id") for o in options() if o.get_attribute("aria-selected") == "true"]
        if not active or chosen != [active] or active != options()[0].get_attribute("id"):
            problems.append("instant results on %s: ArrowDown does not choose the first option (%r, %r)" % (path, active, chosen))
        box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ARROW_UP)
        if box.get_attribute("aria-activedescendant") != options()[0].get_attribute("id"):
            problems.append("instant results on %s: ArrowUp does not go back to the first option" % path)
        if driver.switch_to.active_element != box:
            problems.append("instant results on %s: the focus left the box" % path)
        box.send_keys(Keys.ESCAPE)
        if listbox.is_displayed() or box.get_attribute("aria-expanded") != "false":
            problems.append("instant results on %s: Escape does not close the list" % path)
        box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ENTER)
        if not wait(driver, lambda d: d.current_url.endswith("/" + hrefs[0].split("/", 3)[-1])):
            problems.append("instant results on %s: Enter on the first option goes to %s, not %s" % (path, driver.current_url, hrefs[0]))
        problems += console_errors(driver)

    # Enter with no option chosen still submits the form to the search page.
    box, shown = open_list("en/", "SONCAP")
    box.send_keys(Keys.ENTER)
    if not wait(driver, lambda d: "/en/search/?q=SONCAP" in d.current_url):
        problems.append("instant results: Enter with no option chosen goes to %s" % driver.current_url)

    # A mouse click opens an option.
    box, shown = open_list("en/", "Kenya")
    if shown:
        target = options()[0].get_attribute("data-href")
        options()[0].click()
        if not wait(driver, lambda d: d.current_url == target):
            problems.append("instant results: clicking the first option goes to %s, not %s" % (driver.current_url, target))

    # On a phone, the list stays on the screen.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    for lang, query in (("zh", "光伏逆变器 南非"), ("en", "lithium battery Saudi Arabia")):
        box, shown = open_list(lang + "/", query)
        if not shown:
            problems.append("instant results at 390 px (%s): no list" % lang)
            continue
        inside = driver.execute_script("""
            var l = document.getElementById('search-suggest').getBoundingClientRect();
            return l.left >= 0 && l.right <= document.documentElement.clientWidth && l.width >= 200 &&
              document.documentElement.scrollWidth <= document.documentElement.clientWidth;""")
        if not inside:
            problems.append("instant results at 390 px (%s): the list leaves the screen" % lang)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # axe-core with the list open, in light and dark mode.
    from axe_selenium_python import Axe
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for path, query in (("zh/", "沙特 电池"), ("en/products/", "power bank")):
            box, shown = open_list(path, query)
            box.send_keys(Keys.ARROW_DOWN)
            axe = Axe(driver)
            axe.inject()
            for v in axe.run()["violations"]:
                if v["impact"] in ("serious", "critical"):
                    targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
                    problems.append("instant results on %s (%s): axe %s %s: %s (%s)"
                                    % (path, scheme, v["impact"], v["id"], v["help"], targets))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return problems + console_errors(driver)


def main():
    root = os.path.abspath(sys.argv[1])
    args = sys.argv[2:]
    option = lambda name: args[args.index(name) + 1] if name in args else None
    handbook, content = option("--handbook"), option("--content")
    if not handbook or not content:
        sys.exit("usage: check_search.py SITE_DIR --handbook BIN --content DIR")
    server, base = serve(root)
    driver = browser(1280, 1000)
    try:
        problems = check_expectations(driver, base, handbook, content)
        page = check_search_page(driver, base)
        print("search page (best matches, groups, partial matches): %s" % ("ok" if not page else "problems"))
        instant = check_instant(driver, base)
        print("instant results under the header box (keyboard, mouse, phone, axe-core): %s" % ("ok" if not instant else "problems"))
        problems += page + instant
    finally:
        driver.quit()
        server.shutdown()
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
