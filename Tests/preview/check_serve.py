#!/usr/bin/env python3
"""End-to-end test of `handbook serve` on a copy of the bundled handbook: a body edit reaches the
page and the reload event; a broken edit keeps the last good page and shows the overlay in
Chromium until fixed; only GET/HEAD; port in use; Ctrl-C stops cleanly.

  check_serve.py BIN CONTENT TEMPLATES
"""
import os, shutil, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from serve_client import Serve

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def wait_event(serve, predicate, what, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        event = serve.next_event(max(0.1, deadline - time.time()))
        if predicate(event):
            return event
    raise AssertionError("no event: " + what)


def browser():
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))


def main():
    binary, content, templates = sys.argv[1:4]
    work = tempfile.mkdtemp(prefix="handbook-serve-")
    shutil.copytree(content, work + "/Content")
    shutil.copytree(templates, work + "/Templates")
    serve = Serve(binary, work + "/Content", work + "/Templates", work + "/Site")
    page = "en/markets/sa/index.html"
    guide = work + "/Content/markets/sa.en.md"
    good = open(guide, encoding="utf-8").read()
    driver = browser()
    try:
        status, headers, body = serve.get("/en/markets/sa/")
        check(status == 200 and "/__handbook/live.js" in body, "page served with the live script")
        check(headers.get("Content-Type") == "text/html; charset=utf-8", "HTML content type with charset")
        check("__handbook" not in open(work + "/Site/" + page, encoding="utf-8").read(), "the script is not in the built file")
        check(serve.get("/en/markets/sa/", "POST")[0] == 405, "POST gets 405")
        check(serve.get("/en/nowhere/")[0] == 404, "missing page gets 404")

        driver.get(serve.base + "en/markets/sa/")
        driver.execute_script("window.scrollTo(0, 600)")
        time.sleep(1)  # the page's event stream connects

        # A body edit: the page changes and the event names it; the browser reloads and keeps its place.
        with open(guide, "a", encoding="utf-8") as f:
            f.write("\nLive preview check paragraph.\n")
        event = wait_event(serve, lambda e: page in e["changed"], "body edit")
        check(event["kind"] == "body" and not event["failed"], "body edit classified as body")
        check("Live preview check paragraph." in serve.get("/en/markets/sa/")[2], "new text served")
        deadline = time.time() + 10
        while time.time() < deadline and "Live preview check paragraph." not in driver.page_source:
            time.sleep(0.1)
        check("Live preview check paragraph." in driver.page_source, "browser reloaded the page")
        check(driver.execute_script("return window.scrollY") >= 500, "scroll position kept across the reload")

        # A broken edit: the last good page stays; the overlay shows file:line:col and the message.
        with open(guide, "a", encoding="utf-8") as f:
            f.write("\nSee [a market](market:atlantis).\n")
        event = wait_event(serve, lambda e: e["failed"], "broken edit")
        problem = next((p for p in event["problems"] if "atlantis" in p), "")
        lines = good.count("\n") + 4
        check(("markets/sa.en.md:%d:" % lines) in problem and "unknown market 'atlantis'" in problem,
              "problem located: " + problem.splitlines()[0] if problem else "problem missing")
        check("Live preview check paragraph." in serve.get("/en/markets/sa/")[2], "last good page still served")
        check("atlantis" not in serve.get("/en/markets/sa/")[2], "broken content not served")
        deadline = time.time() + 10
        text = ""
        while time.time() < deadline:
            text = driver.execute_script("var b = document.getElementById('handbook-problems'); return b ? b.innerText : ''")
            if "atlantis" in text:
                break
            time.sleep(0.1)
        check("unknown market 'atlantis'" in text and "sa.en.md:%d:" % lines in text, "overlay shows the problem in the browser")
        driver.get(serve.base + "en/products/")
        time.sleep(1.5)
        text = driver.execute_script("var b = document.getElementById('handbook-problems'); return b ? b.innerText : ''")
        check("atlantis" in text, "overlay on every page, also one opened after the error")

        # Fixed: the overlay goes away.
        with open(guide, "w", encoding="utf-8") as f:
            f.write(good)
        wait_event(serve, lambda e: not e["failed"], "fix")
        deadline = time.time() + 10
        gone = False
        while time.time() < deadline and not gone:
            gone = driver.execute_script("return document.getElementById('handbook-problems') === null")
            time.sleep(0.1)
        check(gone, "overlay gone after the fix")
        check("Live preview check paragraph." not in serve.get("/en/markets/sa/")[2], "page back to the original text")

        # A second server on the same port says so.
        second = subprocess.run([binary, "serve", "--content", work + "/Content", "--templates", work + "/Templates",
                                 "--output", work + "/Site2", "--port", str(serve.port)],
                                capture_output=True, text=True, timeout=120)
        check(second.returncode != 0 and "already in use" in second.stderr and "--port" in second.stderr,
              "port in use: " + second.stderr.strip().splitlines()[-1] if second.stderr.strip() else "port in use: no message")
    finally:
        driver.quit()
        status, seconds = serve.stop()
    check(status == 0 and seconds < 10, "Ctrl-C stops cleanly (exit %s in %.1f s)" % (status, seconds))
    leftovers = [p for p, _, fs in os.walk(work + "/Site") for f in fs if ".handbook-tmp-" in f]
    check(not leftovers, "no temporary files left in the output")
    shutil.rmtree(work)
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
