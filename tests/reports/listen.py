#!/usr/bin/python3
# tests/reports/listen.py PORTFILE LOGFILE: a stand-in proxy on 127.0.0.1 that records every
# connection (its first line) and answers nothing useful, so a browser pointed at it shows
# whether a page tried to reach the network. Writes its port to PORTFILE; runs until killed.
import socket
import sys

s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
with open(sys.argv[1], "w") as f:
    f.write(str(s.getsockname()[1]))
while True:
    c, _ = s.accept()
    c.settimeout(2)
    try:
        line = c.recv(4096).split(b"\r\n")[0].decode("latin-1")
    except OSError:
        line = ""
    if not line:        # a connection opened ahead of need (a preconnect) and left unused
        line = "(connection without a request)"
    with open(sys.argv[2], "a") as log:
        log.write(line + "\n")
    try:
        c.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
    except OSError:
        pass
    c.close()
