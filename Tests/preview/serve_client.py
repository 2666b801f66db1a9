"""A `handbook serve` process for tests and benchmarks: start on a free loopback port, read its
Server-Sent Events, stop with Ctrl-C."""
import json, os, queue, signal, socket, subprocess, threading, time, urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    def __init__(self, binary, content, templates, output, port=None, extra=()):
        self.port = port or free_port()
        self.base = "http://127.0.0.1:%d/" % self.port
        self.proc = subprocess.Popen(
            [binary, "serve", "--content", content, "--templates", templates, "--output", output,
             "--port", str(self.port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        threading.Thread(target=self._read_output, daemon=True).start()
        deadline = time.time() + 300
        while not any(l.startswith("serving ") for l in self.lines):
            if self.proc.poll() is not None:
                raise RuntimeError("serve exited: %s" % "\n".join(self.lines))
            if time.time() > deadline:
                raise RuntimeError("serve did not start: %s" % "\n".join(self.lines))
            time.sleep(0.05)
        self.events = queue.Queue()
        threading.Thread(target=self._read_events, daemon=True).start()
        first = self.next_event(10)
        assert "version" in first, first

    def _read_output(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def _read_events(self):
        response = urllib.request.urlopen(self.base + "__handbook/events", timeout=3600)
        event = None
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "state":
                self.events.put((time.perf_counter(), json.loads(line[6:])))

    def next_event(self, timeout=30):
        return self.events.get(timeout=timeout)[1]

    def next_timed_event(self, timeout=60):
        return self.events.get(timeout=timeout)

    def get(self, path, method="GET"):
        request = urllib.request.Request(self.base + path.lstrip("/"), method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode("utf-8", "replace")

    def stop(self):
        """Ctrl-C; returns (exit status, seconds to stop)."""
        start = time.time()
        self.proc.send_signal(signal.SIGINT)
        status = self.proc.wait(timeout=20)
        return status, time.time() - start
