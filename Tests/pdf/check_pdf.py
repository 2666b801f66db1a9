#!/usr/bin/env python3
"""The PDF edition of the bundled handbook (`handbook build --pdf`), checked as a reader would use it.

Builds the site with its PDFs twice, into two new folders, and checks:
- the same content and edition give the same PDF bytes;
- every market and product name is in the text of its language's PDF (Chinese extracts as Chinese);
- the outline (bookmarks) has an entry for every chapter the contents list, and one per region;
- each page number printed in the contents is the page where that chapter or guide starts, and
  that page shows its title;
- no word lies outside the page's text area (nothing overflows the margins);
- fonts are embedded.

Usage: check_pdf.py HANDBOOK CONTENT TEMPLATES [--work DIR]
Needs pypdf (PyPI), pdftotext and pdffonts (Debian's poppler-utils) and WeasyPrint.
"""
import argparse
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

EDITION = "2026-12-04"
MARGIN_PT = 18 / 25.4 * 72          # print/book.css: 18 mm left and right
TOLERANCE_PT = 1.0

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def build(handbook, content, templates, output):
    start = time.monotonic()
    run = subprocess.run([handbook, "build", "--content", content, "--templates", templates, "--output", str(output),
                          "--pdf", "--edition", EDITION, "--quiet", "--lang", "en",
                          "--base-url", "https://example.org/handbook/"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"handbook build --pdf failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return time.monotonic() - start


def squeeze(text):
    return re.sub(r"\s+", "", text)


def page_texts(pdf):
    """The text of every page (pdftotext separates pages with form feeds)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def outline(reader):
    """(level, title, 1-based page) of every bookmark, in order."""
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return entries


def contents(pages):
    """(title, page number) of every line of the contents ("title ..... 12"), in order."""
    toc = []
    for text in pages[:8]:
        for line in text.splitlines():
            m = re.match(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
            if m:
                toc.append((squeeze(m.group(1)), int(m.group(2))))
    return toc


def overflowing_words(pdf):
    """Words outside the page's text area, as (page, word, xMin, xMax, yMax)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for n, page in enumerate(re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S), 1):
        width, height, words = float(page[0]), float(page[1]), page[2]
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', words):
            x0, _, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            if x0 < MARGIN_PT - TOLERANCE_PT or x1 > width - MARGIN_PT + TOLERANCE_PT or y1 > height:
                found.append((n, html.unescape(m.group(5)), round(x0, 1), round(x1, 1), round(y1, 1)))
    return found


def overflow_check_catches_overflow(work):
    """The overflow check finds a line that runs off the page (so its silence means something)."""
    page = work / "overflow.html"
    page.write_text("<html lang=en><style>@page { size: A4; margin: 18mm } p { white-space: nowrap }</style>"
                    "<p>" + "overflowing-words-" * 40 + "</p><p>short</p></html>")
    run = subprocess.run([sys.executable, "-m", "weasyprint", str(page), str(work / "overflow.pdf")], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"weasyprint failed on the overflow sample:\n{run.stderr}")
    found = overflowing_words(work / "overflow.pdf")
    if not found or any(word == "short" for _, word, *_ in found):
        fail(f"the overflow check does not see a line running off the page: {found[:3]}")


def check_language(site, language, data):
    pdf = site / language / f"handbook-{EDITION}.pdf"
    if not pdf.exists():
        fail(f"{pdf} was not written")
        return
    reader = PdfReader(str(pdf))
    pages = page_texts(pdf)
    text = squeeze("".join(pages))
    names = [m["name"][language] for m in data["markets"]] + [p["name"][language] for p in data["products"]]
    missing = [n for n in names if squeeze(n) not in text]
    if missing:
        fail(f"{language}: names not in the text: {missing}")
    if language == "zh":
        cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        if cjk < 20000 or squeeze(data["title"]["zh"]) not in text:
            fail(f"zh: the text does not extract as Chinese ({cjk} CJK characters)")

    marks = outline(reader)
    top = [(title, page) for level, title, page in marks if level == 1]
    regions = [r["name"][language] for r in data["regions"] if any(m["region"] == r["id"] for m in data["markets"])]
    for region in regions:
        if region not in [t for t, _ in top]:
            fail(f"{language}: no bookmark for the region {region}")
    toc = contents(pages)
    if len(toc) < len(data["markets"]) + len(data["products"]) + len(regions):
        fail(f"{language}: the contents list only {len(toc)} entries")
    # The contents and the bookmarks are both in the book's order: each entry is matched with the
    # next bookmark of the same title (a product's name is also a heading in the requirements).
    chapter_marks = [(squeeze(title), page) for level, title, page in marks if level <= 2]
    at = 0
    checked = 0
    for title, printed in toc:
        match = next((i for i in range(at, len(chapter_marks)) if chapter_marks[i][0] == title), None)
        if match is None:
            fail(f"{language}: no bookmark for the contents entry '{title}'")
            continue
        at = match + 1
        page = chapter_marks[match][1]
        checked += 1
        if printed != page:
            fail(f"{language}: the contents say '{title}' is on page {printed}, the bookmark says {page}")
        elif title not in squeeze(pages[page - 1]):
            fail(f"{language}: page {page} does not show '{title}'")

    over = overflowing_words(pdf)
    if over:
        fail(f"{language}: {len(over)} words outside the text area, e.g. {over[:5]}")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        fail(f"{language}: a font is not embedded:\n" + "\n".join(fonts))
    print(f"{language}: {len(reader.pages)} pages, {pdf.stat().st_size / 1048576:.1f} MB, {len(marks)} bookmarks "
          f"({len(top)} chapters), {checked} contents entries checked against their pages")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("handbook")
    parser.add_argument("content")
    parser.add_argument("templates")
    parser.add_argument("--work", help="where to build (a new temporary folder by default)")
    args = parser.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="handbook-pdf-"))
    shutil.rmtree(work / "a", ignore_errors=True)
    shutil.rmtree(work / "b", ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    overflow_check_catches_overflow(work)
    seconds = [build(args.handbook, args.content, args.templates, work / d) for d in ("a", "b")]
    print(f"build with PDFs: {seconds[0]:.1f} s, again {seconds[1]:.1f} s")
    data = json.loads((work / "a" / "api" / "handbook.json").read_text())
    for language in data["languages"]:
        first = (work / "a" / language / f"handbook-{EDITION}.pdf").read_bytes()
        second = (work / "b" / language / f"handbook-{EDITION}.pdf").read_bytes()
        if first != second:
            fail(f"{language}: two builds gave different PDFs ({hashlib.sha256(first).hexdigest()[:12]} and "
                 f"{hashlib.sha256(second).hexdigest()[:12]})")
        check_language(work / "a", language, data)
        index = (work / "a" / language / "index.html").read_text()
        if f'<a href="handbook-{EDITION}.pdf" download>' not in index or f"{EDITION}" not in index.split("book-meta", 1)[-1][:80]:
            fail(f"{language}: the home page does not link the PDF")
    if failures:
        sys.exit(f"{len(failures)} problems with the PDF edition")
    print("PDF edition: OK")


if __name__ == "__main__":
    main()
