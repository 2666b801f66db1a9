#!/usr/bin/env python3
"""Publish the built handbook on a real nginx under a sub-path and check it as a reader's browser
and a crawler would: links, precompressed files, the 404 page, content types, cache headers.

  check_nginx.py HANDBOOK_BIN CONTENT_DIR TEMPLATES_DIR

Builds CONTENT into a temporary folder with --base-url http://127.0.0.1:PORT/handbook/, serves it
with the nginx configuration from docs/publishing.md (gzip_static on), crawls it with linkchecker, and
checks the responses. Needs Debian's nginx and linkchecker.
"""
import gzip, os, shutil, socket, subprocess, sys, tempfile, urllib.error, urllib.request

CONFIG = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    types {{ text/csv csv; }}
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        absolute_redirect off;
        # --- the snippet in docs/publishing.md, as published ---
        location /handbook/ {{
            alias {site}/;
            gzip_static on;
            error_page 404 /handbook/404.html;
            add_header Cache-Control "no-cache";
            location /handbook/assets/ {{
                alias {site}/assets/;
                gzip_static on;
                add_header Cache-Control "public, max-age=31536000, immutable";
            }}
        }}
    }}
}}
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, gzip_ok=False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def main():
    handbook, content, templates = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="hb-nginx-")
    os.chmod(tmp, 0o755)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    base = "http://127.0.0.1:%d/handbook/" % port
    site = os.path.join(tmp, "site")
    problems = []
    subprocess.run([handbook, "build", "--content", content, "--templates", templates, "--output", site,
                    "--base-url", base, "--quiet"], check=True)
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(CONFIG.format(tmp=tmp, port=port, site=site))
    subprocess.run(["nginx", "-c", conf, "-p", tmp], check=True)
    try:
        # Precompressed files are sent as they are.
        status, headers, body = fetch(base + "zh/", gzip_ok=True)
        if status != 200 or headers.get("Content-Encoding") != "gzip" or body != open(site + "/zh/index.html.gz", "rb").read():
            problems.append("zh/ with Accept-Encoding: gzip did not send index.html.gz (%s, %s)" % (status, headers.get("Content-Encoding")))
        status, headers, body = fetch(base + "zh/")
        if status != 200 or body != open(site + "/zh/index.html", "rb").read():
            problems.append("zh/ without gzip did not send index.html")
        # The 404 page, under the sub-path, with its <base>.
        status, headers, body = fetch(base + "zh/no-such-page/")
        text = gzip.decompress(body).decode() if headers.get("Content-Encoding") == "gzip" else body.decode()
        if status != 404 or "<base href=\"/handbook/\">" not in text:
            problems.append("a missing page gave %d without the handbook's 404 page" % status)
        # Directory without a slash: redirected, and only within the sub-path.
        status, headers, _ = fetch(base + "zh")
        if status not in (301, 302) or not headers.get("Location", "").startswith("/handbook/"):
            problems.append("zh without a slash: %d to %r" % (status, headers.get("Location")))
        # Content types.
        assets = sorted(os.listdir(site + "/assets"))
        css = next(a for a in assets if a.endswith(".css"))
        js = next(a for a in assets if a.endswith(".js") and a.startswith("app."))
        expected = {"": "text/html", "sitemap.xml": "text/xml", "zh/feed.xml": "text/xml", "api/handbook.json": "application/json",
                    "matrix.csv": "text/csv", "robots.txt": "text/plain", "assets/" + css: "text/css",
                    "assets/" + js: "application/javascript", "zh/search/index/meta.js": "application/javascript"}
        for path, kind in expected.items():
            status, headers, _ = fetch(base + path)
            if status != 200 or not headers.get("Content-Type", "").startswith(kind):
                problems.append("%s: %d %s (expected %s)" % (path, status, headers.get("Content-Type"), kind))
        # Cache headers: fingerprinted assets forever, pages not.
        _, headers, _ = fetch(base + "assets/" + css)
        if "immutable" not in headers.get("Cache-Control", ""):
            problems.append("assets are not cached forever: %r" % headers.get("Cache-Control"))
        _, headers, _ = fetch(base + "zh/")
        if headers.get("Cache-Control") != "no-cache":
            problems.append("pages should not be cached: %r" % headers.get("Cache-Control"))
        # Every link of every page, crawled over HTTP by an independent checker.
        rc = os.path.join(tmp, "linkcheckerrc")
        with open(rc, "w") as f:
            f.write("[checking]\nmaxrequestspersecond=200\n")
        crawl = subprocess.run(["linkchecker", "-f", rc, "--no-status", "--no-warnings", "-o", "text", "--threads", "8", base],
                               capture_output=True, text=True, timeout=900)
        summary = [l for l in crawl.stdout.splitlines() if "link" in l and ("error" in l or "checked" in l)]
        if crawl.returncode != 0:
            problems.append("linkchecker found broken links:\n" + crawl.stdout[-3000:])
        print("linkchecker: " + (summary[-1] if summary else crawl.stdout.strip()[-200:]))
    finally:
        subprocess.run(["nginx", "-c", conf, "-p", tmp, "-s", "stop"])
        shutil.rmtree(tmp, ignore_errors=True)
    print("nginx under a sub-path: %s" % ("ok" if not problems else "problems"))
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
