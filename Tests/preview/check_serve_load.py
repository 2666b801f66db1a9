#!/usr/bin/env python3
"""`handbook serve` under load: wrk on loopback (bounded) while a guide is edited every 100 ms
must see no errors, and the preview must still answer and show the last edit afterwards;
connections that send half a request and stall (slowloris) are closed after the idle timeout.

  check_serve_load.py BIN CONTENT TEMPLATES
"""
import os, re, shutil, socket, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.dirname(__file__))
from serve_client import Serve

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    binary, content, templates = sys.argv[1:4]
    work = tempfile.mkdtemp(prefix="handbook-serve-load-")
    shutil.copytree(content, work + "/Content")
    shutil.copytree(templates, work + "/Templates")
    serve = Serve(binary, work + "/Content", work + "/Templates", work + "/Site", extra=["--idle-timeout", "2"])
    guide = work + "/Content/markets/sa.en.md"
    good = open(guide, encoding="utf-8").read()
    stop = threading.Event()
    edits = [0]

    def edit_loop():
        while not stop.is_set():
            edits[0] += 1
            with open(guide, "w", encoding="utf-8") as f:
                f.write(good + "\nLoad edit %d.\n" % edits[0])
            time.sleep(0.1)

    editor = threading.Thread(target=edit_loop)
    editor.start()
    run = subprocess.run(["wrk", "-t2", "-c50", "-d6s", "--timeout", "5s", serve.base + "en/markets/sa/"],
                         capture_output=True, text=True, timeout=60)
    stop.set()
    editor.join()
    print("\n".join("  " + l for l in run.stdout.strip().splitlines()))
    requests = re.search(r"(\d+) requests in", run.stdout)
    check(run.returncode == 0 and requests and int(requests.group(1)) > 1000, "wrk ran (%s requests, %d edits)" % (
        requests.group(1) if requests else "?", edits[0]))
    check("Socket errors" not in run.stdout, "no socket errors")
    check("Non-2xx" not in run.stdout, "no error responses")
    time.sleep(1.5)
    status, _, body = serve.get("/en/markets/sa/")
    check(status == 200 and ("Load edit %d." % edits[0]) in body, "still serving, with the last edit")

    # Slowloris: half a request, then silence; and a request trickled one byte at a time.
    idle = [socket.create_connection(("127.0.0.1", serve.port)) for _ in range(20)]
    for s in idle:
        s.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        s.settimeout(10)
    trickle = socket.create_connection(("127.0.0.1", serve.port))
    trickle.settimeout(0.5)
    start = time.time()
    closed_trickle = None
    for byte in b"GET /en/ HTTP/1.1\r\nX-Slow: " + b"a" * 200:
        try:
            trickle.sendall(bytes([byte]))
            if trickle.recv(1) == b"":
                closed_trickle = time.time() - start
                break
        except socket.timeout:
            continue
        except OSError:
            closed_trickle = time.time() - start
            break
    closed = 0
    for s in idle:
        try:
            if s.recv(1) == b"":
                closed += 1
        except OSError:
            closed += 1
        s.close()
    check(closed == len(idle), "idle half-requests closed by the server (%d of %d)" % (closed, len(idle)))
    check(closed_trickle is not None and closed_trickle < 8, "trickled request cut off after %.1f s" % (closed_trickle or -1))
    check(serve.get("/en/")[0] == 200, "still serving after the slow clients")
    status, seconds = serve.stop()
    check(status == 0, "stopped cleanly")
    shutil.rmtree(work)
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
