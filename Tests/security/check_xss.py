#!/usr/bin/env python3
"""Injection check: a handbook whose every text field holds script payloads is built, then every
page is opened in Chromium. No payload may run (no dialog, no injected handler or script), and the
payload text must still be visible as text somewhere (it was escaped, not dropped).

  check_xss.py HANDBOOK_BIN TEMPLATES_DIR
"""
import os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
import check_site

P = '<script>alert(1)</script>"><img src=x onerror=alert(2)>\'</textarea>{{x}}'
Q = P.replace('"', '\\"')          # inside YAML double quotes


def y(text):
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def make_content(root):
    t = y(P)
    write(root, "site.yml", "title: {zh: %s, en: %s}\ndescription: %s\nlanguages: [zh, en]\n"
          "base_url: https://example.org/x/\nsearch: {synonyms: {%s: [evil]}}\n"
          "feedback_url: 'https://example.org/report?t={title}&p={page}'\n" % (t, t, t, "xss"))
    write(root, "data/regions.yml", "- id: r1\n  name: %s\n" % t)
    write(root, "data/standards.yml", "- id: s1\n  code: %s\n  title: %s\n  kind: %s\n" % (t, t, t))
    write(root, "data/schemes.yml", "- id: k1\n  name: %s\n  market: m1\n  authority: %s\n  mark: %s\n"
          "  validity: %s\n  notes: %s\n  sources: [{title: %s, url: 'https://example.org/?q=\"><script>alert(3)</script>'}]\n"
          % (t, t, t, t, t, t))
    cell = '"' + P.replace('"', '""') + '"'
    write(root, "data/requirements.csv",
          "product,market,schemes,standards,documents.zh,documents.en,notes.zh,notes.en,labelling,"
          "local_representative_notes,renewal,fees,samples,validity_months,labs,sources\n"
          "p1,m1,k1,s1,%s,%s,%s,%s,%s,%s,%s,%s,%s,12,b1,%s\n"
          % (cell, cell, cell, cell, cell, cell, cell, cell, cell,
             '"https://example.org/a | title: ' + P.replace('"', '""').replace("|", "/") + ' | confidence: high"'))
    write(root, "data/bodies.yml", "- id: b1\n  name: %s\n  country: m1\n  roles: [cbtl]\n  iecee_categories: [BATT]\n"
          "  accreditation: %s\n  notes: %s\n  sources: [{title: %s, url: 'https://example.org/d', confidence: low}]\n" % (t, t, t, t))
    write(root, "data/changes.yml", "- date: 2026-11-01\n  records: [market:m1, body:b1, req:p1/m1]\n  summary: %s\n"
          "  sources: [{title: %s, url: 'https://example.org/e'}]\n" % (t, t))
    write(root, "data/events.yml", "- date: 2030-01-01\n  market: m1\n  products: [p1]\n  title: %s\n"
          "  source: {title: %s, url: 'https://example.org/b'}\n  notification: G/TBT/N/SAU/1\n  stage: draft\n"
          "  comment_until: 2099-01-01\n" % (t, t))
    write(root, "data/centres.yml", "- id: c1\n  name: %s\n  region: r1\n  city: %s\n" % (t, t))
    body = "\n## %s\n\nText %s and [%s](https://example.org) and [x](javascript:alert(4)).\n\n" \
           "| %s | b |\n|---|---|\n| %s | d |\n\n> [!NOTE]\n> %s\n" % (P, P, P, P.replace("|", "\\|"), P.replace("|", "\\|"), P)
    write(root, "markets/m1.md", "---\nname: %s\nregion: r1\niso: %s\nblocs: [%s]\nauthorities: [{name: %s, url: 'https://example.org', role: %s}]\n"
          "iecee: {member: yes, ncbs: [b1], notes: %s}\nreviewed: 2026-11-27\nsummary: %s\n"
          "sources: [{title: %s, url: 'https://example.org/c'}]\n---\n%s" % (t, t, t, t, t, t, t, t, body))
    write(root, "products/p1.md", "---\nname: %s\nhs_codes: [%s]\niecee_category: %s\nstandards: [s1]\nsummary: %s\n---\n%s"
          % (t, t, t, t, body))
    write(root, "pages/index.md", "---\ntitle: %s\n---\n%s" % (t, body))
    write(root, "pages/about.md", "---\ntitle: %s\nsummary: %s\n---\n%s" % (t, t, body))


def check_page(driver, base, page):
    """Opens one page (the search page with a query) and returns what was injected."""
    driver.get(base + page)
    if page.endswith("search/index.html"):
        driver.get(base + page + "?q=script")
    bad = driver.execute_script("""
        var bad = [];
        document.querySelectorAll('*').forEach(function (e) {
          for (var i = 0; i < e.attributes.length; i++) {
            if (/^on/i.test(e.attributes[i].name)) bad.push(e.tagName + '[' + e.attributes[i].name + ']');
          }
        });
        document.querySelectorAll('script').forEach(function (s) {
          if (!s.src && s.type !== 'application/json') bad.push('inline script: ' + s.textContent.slice(0, 40));
        });
        document.querySelectorAll('img[src="x"], textarea').forEach(function (e) { bad.push(e.outerHTML.slice(0, 60)); });
        return bad;""")
    return ["%s: injected %s" % (page, bad[:3])] if bad else []


def main():
    handbook, templates = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="hb-xss-")
    content, site = os.path.join(tmp, "content"), os.path.join(tmp, "site")
    make_content(content)
    build = subprocess.run([handbook, "build", "--content", content, "--templates", templates, "--output", site,
                            "--base-url", "http://127.0.0.1/"], capture_output=True, text=True)
    problems = []
    if build.returncode != 0:
        problems.append("the payload handbook does not build:\n" + build.stderr[-3000:])
    else:
        # The javascript: link was dropped with a warning; data fields with unsafe URLs never load.
        if "unsafe link 'javascript:alert(4)' is dropped" not in build.stderr:
            problems.append("no warning about the javascript: link")
        server, base = check_site.serve(site)
        driver = check_site.browser()
        pages = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site)
                       for f in fs if f.endswith(".html"))
        shown = False
        from selenium.common.exceptions import UnexpectedAlertPresentException
        try:
            for page in pages:
                try:
                    problems += check_page(driver, base, page)
                    shown = shown or "<script>alert(1)</script>" in driver.find_element("tag name", "body").text
                except UnexpectedAlertPresentException as e:
                    problems.append("%s: a dialog opened: %s" % (page, e.alert_text))
                    try:
                        driver.switch_to.alert.accept()
                    except Exception:
                        pass
        finally:
            driver.quit()
            server.shutdown()
        if not shown:
            problems.append("the payload text is not shown anywhere (escaped text expected)")
        print("xss: %d pages opened in Chromium" % len(pages))
    shutil.rmtree(tmp, ignore_errors=True)
    print("injection: %s" % ("ok" if not problems else "problems"))
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
