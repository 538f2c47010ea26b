#!/usr/bin/env python3
"""FastAGI stand-ins for the hagi:// check. agi.py <port> <name> <mode>:
mode "answer": read the header, SET VARIABLE AGIWHO <name>, close; mode "close": accept and close."""
import socket, sys
port, name, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(16)
print("AGI", name, "ready on", port, flush=True)  # check.sh waits for this line
while True:
    c, _ = s.accept()
    if mode == "close":
        print("AGI", name, "accepted and closed", flush=True); c.close(); continue
    f = c.makefile("rwb")
    header = []
    while True:
        line = f.readline().decode().rstrip("\n")
        if not line: break
        header.append(line)
    print("AGI", name, "got", [h for h in header if h.startswith(("agi_request", "agi_network_script"))], flush=True)
    f.write(("SET VARIABLE AGIWHO %s\n" % name).encode()); f.flush()
    print("AGI", name, "reply", f.readline().decode().strip(), flush=True)
    f.close(); c.close()  # the file object holds the socket open otherwise
