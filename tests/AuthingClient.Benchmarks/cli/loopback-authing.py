#!/usr/bin/env python3
"""A loopback Authing revocation endpoint for measuring the CLI (docs/performance.md, "CLI").

    loopback-authing.py PORT [--allow N] [--hold-after N] [--stats FILE]

POST /oidc/token/revocation answers 200 (empty body) while fewer than N requests were accepted in
the last second (a sliding window), and 429 with `Retry-After: 1` above that; without --allow every
request is accepted. With --hold-after N, requests after the N-th get no answer until POST
/release: a client killed then has exactly those requests in flight. Listens on 127.0.0.1 only. GET /stats (and SIGTERM/SIGINT, into --stats FILE)
reports: requests, accepted, answered 429, first and last request time, and the distinct tokens
accepted. Not a test: timing is measured by the scripts beside it, never asserted in the suite.
"""
import argparse, collections, json, signal, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--allow", type=int, default=0)
parser.add_argument("--hold-after", type=int, default=0)
parser.add_argument("--stats")
args = parser.parse_args()

lock = threading.Lock()
released = threading.Event()
accepted_times = collections.deque()
stats = {"requests": 0, "accepted": 0, "throttled": 0, "first": None, "last": None}
tokens = set()


def snapshot():
    with lock:
        return dict(stats, distinct_tokens=len(tokens))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/stats":
            self.reply(200, json.dumps(snapshot()).encode(), [("Content-Type", "application/json")])
        else:
            self.reply(404)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/release":
            released.set()
            self.reply(200)
            return
        if self.path != "/oidc/token/revocation":
            self.reply(404)
            return
        with lock:
            stats["requests"] += 1
            held = args.hold_after and stats["requests"] > args.hold_after and not released.is_set()
        if held:
            released.wait()
            return  # its client was killed: nobody reads an answer
        now = time.monotonic()
        with lock:
            stats["first"] = stats["first"] or time.time()
            stats["last"] = time.time()
            while accepted_times and now - accepted_times[0] >= 1.0:
                accepted_times.popleft()
            throttled = args.allow and len(accepted_times) >= args.allow
            if throttled:
                stats["throttled"] += 1
            else:
                accepted_times.append(now)
                stats["accepted"] += 1
                token = urllib.parse.parse_qs(body.decode()).get("token", [""])[0]
                tokens.add(token)
        if throttled:
            self.reply(429, b'{"error":"too_many_requests"}', [("Retry-After", "1"), ("Content-Type", "application/json")])
        else:
            self.reply(200)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client killed with kill -9 resets its connections: expected here


server = Server(("127.0.0.1", args.port), Handler)


def stop(*_):
    if args.stats:
        with open(args.stats, "w") as out:
            json.dump(snapshot(), out)
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
server.serve_forever()
