#!/usr/bin/env python3
"""A tiny authoritative DNS server for the hagi:// check: SRV and A answers from zone.txt.

zone.txt lines: "SRV <name> <priority> <weight> <port> <target>" or "A <name> <ipv4>";
re-read at each query so a case can change it. Listens on 127.0.0.1:53 of its own network namespace (check.sh); zone.txt in the current folder.
"""
import socket, struct

def read_name(data, off):
    labels = []
    while data[off] != 0:
        n = data[off]; labels.append(data[off+1:off+1+n].decode()); off += n + 1
    return ".".join(labels).lower(), off + 1

def enc_name(name):
    out = b""
    for label in name.strip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"

def zone():
    srv, a = {}, {}
    for line in open("zone.txt"):
        f = line.split()
        if not f: continue
        if f[0] == "SRV": srv.setdefault(f[1].lower(), []).append((int(f[2]), int(f[3]), int(f[4]), f[5]))
        if f[0] == "A": a[f[1].lower()] = f[2]
    return srv, a

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 53))
print("DNS ready", flush=True)  # check.sh waits for this line before it starts Asterisk
while True:
    data, peer = s.recvfrom(512)
    qid, flags = struct.unpack(">HH", data[:4])
    name, off = read_name(data, 12)
    qtype, qclass = struct.unpack(">HH", data[off:off+4])
    question = data[12:off+4]
    srv, a = zone()
    answers = []
    if qtype == 33 and name in srv:
        for prio, weight, port, target in srv[name]:
            rdata = struct.pack(">HHH", prio, weight, port) + enc_name(target)
            answers.append(enc_name(name) + struct.pack(">HHIH", 33, 1, 0, len(rdata)) + rdata)
    elif qtype == 1 and name in a:
        rdata = socket.inet_aton(a[name])
        answers.append(enc_name(name) + struct.pack(">HHIH", 1, 1, 0, 4) + rdata)
    rcode = 0 if (name in srv or name in a) else 3
    print("DNS", name, qtype, "->", len(answers), "answer(s)", "rcode", rcode, flush=True)
    head = struct.pack(">HHHHHH", qid, 0x8400 | (flags & 0x0100) | rcode, 1, len(answers), 0, 0)
    s.sendto(head + question + b"".join(answers), peer)
