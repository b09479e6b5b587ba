#!/usr/bin/env python3
"""Makes a JKS trust store byte-reproducible: sets every entry's creation date to SOURCE_DATE_EPOCH and recomputes the
store's integrity hash. Debian's ca-certificates-java writes /etc/ssl/certs/java/cacerts with the time of the build in
each of its ~150 entries, so two builds of the same packages differ only there (scripts/image/build.sh).
The store's own hash is checked with the password first: a file that is not the expected JKS store is left alone and
reported (exit status 1). The certificates, aliases and their order are not touched.

Usage: jks-normalize.py FILE [password]        (password default: changeit, Debian's)
"""
import hashlib
import os
import struct
import sys


def integrity(password, body):
    # JKS: SHA-1 over the password as UTF-16BE, the words "Mighty Aphrodite", then the store's bytes
    return hashlib.sha1(password.encode("utf-16-be") + b"Mighty Aphrodite" + body).digest()


def normalize(data, password, millis):
    body, digest = data[:-20], data[-20:]
    if integrity(password, body) != digest:
        raise ValueError("not a JKS store with this password (integrity hash does not match)")
    magic, version, count = struct.unpack(">III", body[:12])
    if magic != 0xFEEDFEED or version != 2:
        raise ValueError(f"not a version-2 JKS store (magic {magic:#x}, version {version})")
    out = bytearray(body)
    pos = 12

    def utf(at):
        (length,) = struct.unpack(">H", body[at:at + 2])
        return at + 2 + length

    def certificate(at):
        at = utf(at)  # certificate type, e.g. X.509
        (length,) = struct.unpack(">I", body[at:at + 4])
        return at + 4 + length

    for _ in range(count):
        (tag,) = struct.unpack(">I", body[pos:pos + 4])
        pos = utf(pos + 4)  # alias
        out[pos:pos + 8] = struct.pack(">Q", millis)
        pos += 8
        if tag == 2:  # trusted certificate
            pos = certificate(pos)
        elif tag == 1:  # private key and its chain
            (length,) = struct.unpack(">I", body[pos:pos + 4])
            pos += 4 + length
            (chain,) = struct.unpack(">I", body[pos:pos + 4])
            pos += 4
            for _ in range(chain):
                pos = certificate(pos)
        else:
            raise ValueError(f"unknown JKS entry tag {tag}")
    if pos != len(body):
        raise ValueError("trailing bytes after the last entry")
    return bytes(out) + integrity(password, bytes(out)), count


def main(path, password="changeit"):
    millis = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) * 1000
    with open(path, "rb") as f:
        data = f.read()
    try:
        normalized, count = normalize(data, password, millis)
    except ValueError as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1
    stat = os.stat(path)
    with open(path, "wb") as f:
        f.write(normalized)
    os.utime(path, (stat.st_atime, stat.st_mtime))
    print(f"{path}: {count} entries dated {millis // 1000} (SOURCE_DATE_EPOCH)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
