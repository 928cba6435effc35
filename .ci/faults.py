#!/usr/bin/env python3
"""Faults for the CI checks, from the standard library only.

  faults.py proxy LISTEN_PORT TARGET_HOST:TARGET_PORT SWITCH_FILE
      A TCP proxy (to PostgreSQL, say). While SWITCH_FILE holds "cut", it refuses new connections and
      drops the open ones, as a database that is gone; otherwise it passes bytes through.
  faults.py hung-smtp PORT
      A mail server that accepts connections and never says a word.
  faults.py keep-alive URL SECONDS
      One keep-alive HTTP connection asking URL every 100 ms for SECONDS (or until the server closes it);
      prints one line per answer and, at the end, how the connection ended.
  faults.py idle URL SECONDS
      One keep-alive HTTP connection that asks URL once and then waits, up to SECONDS, for the server to
      close it; prints whether and when it did.
"""
import http.client
import os
import socket
import sys
import threading
import time
import urllib.parse


def proxy(listen_port, target, switch_file):
    host, port = target.rsplit(":", 1)
    open_pairs = []
    lock = threading.Lock()

    def cut():
        try:
            with open(switch_file) as f:
                return f.read().strip() == "cut"
        except FileNotFoundError:
            return False

    def pump(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def watchdog():
        while True:
            if cut():
                with lock:
                    for a, b in open_pairs:
                        for s in (a, b):
                            try:
                                s.shutdown(socket.SHUT_RDWR)
                                s.close()
                            except OSError:
                                pass
                    open_pairs.clear()
            time.sleep(0.1)

    threading.Thread(target=watchdog, daemon=True).start()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(listen_port)))
    server.listen(128)
    while True:
        client, _ = server.accept()
        if cut():
            client.close()
            continue
        try:
            upstream = socket.create_connection((host, int(port)))
        except OSError:
            client.close()
            continue
        with lock:
            open_pairs.append((client, upstream))
        threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()


def hung_smtp(port):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(port)))
    server.listen(128)
    held = []
    while True:
        connection, _ = server.accept()
        held.append(connection)  # never answered, never closed


def keep_alive(url, seconds):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    until = time.time() + float(seconds)
    answers = 0
    while time.time() < until:
        try:
            connection.request("GET", parts.path or "/")
            response = connection.getresponse()
            response.read()
        except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine, OSError) as e:
            print("dropped %s after %d answers: %s" % ("mid-request", answers, type(e).__name__))
            return
        answers += 1
        closing = (response.getheader("Connection") or "").lower() == "close"
        print("answer %d: %d%s" % (answers, response.status, " Connection: close" if closing else ""), flush=True)
        if closing:
            print("closed cleanly after %d answers" % answers)
            return
        time.sleep(0.1)
    print("still open after %d answers" % answers)


def idle(url, seconds):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", parts.path or "/")
    response = connection.getresponse()
    response.read()
    print("answer: %d, now idle" % response.status, flush=True)
    started = time.time()
    connection.sock.settimeout(float(seconds))
    try:
        data = connection.sock.recv(1)
        print("closed by the server after %.1f s idle%s" % (time.time() - started, "" if not data else " (with data!)"))
    except socket.timeout:
        print("still open after %s s" % seconds)
    except OSError as e:
        print("reset after %.1f s idle: %s" % (time.time() - started, type(e).__name__))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"proxy": proxy, "hung-smtp": hung_smtp, "keep-alive": keep_alive, "idle": idle}[command](*args)
