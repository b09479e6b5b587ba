#!/usr/bin/env python3
"""Compares two OCI archives (as built by scripts/image/build.sh) and prints what differs: manifest, config, and for
each layer that differs, the files whose content, mode, owner, time or link target differ (tar headers compared after
decompression). Exit status 0 when the manifests are byte-identical, 1 otherwise.

Usage: diff-oci.py A.oci.tar B.oci.tar
"""
import gzip
import hashlib
import io
import json
import sys
import tarfile


def blobs(path):
    archive = tarfile.open(path)
    read = lambda digest: archive.extractfile("blobs/sha256/" + digest.split(":", 1)[1]).read()
    index = json.loads(archive.extractfile("index.json").read())
    manifest_bytes = read(index["manifests"][0]["digest"])
    return read, manifest_bytes


def entries(layer_bytes):
    data = gzip.decompress(layer_bytes) if layer_bytes[:2] == b"\x1f\x8b" else layer_bytes
    out = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for order, member in enumerate(tar):
            content = tar.extractfile(member).read() if member.isfile() else b""
            out[member.name] = dict(order=order, mode=oct(member.mode), uid=member.uid, gid=member.gid,
                                    mtime=member.mtime, type=member.type, link=member.linkname, size=member.size,
                                    sha=hashlib.sha256(content).hexdigest()[:16], pax=member.pax_headers)
    return out, hashlib.sha256(data).hexdigest()


def main(a, b):
    read_a, manifest_a = blobs(a)
    read_b, manifest_b = blobs(b)
    da, db = (hashlib.sha256(m).hexdigest() for m in (manifest_a, manifest_b))
    print(f"manifest A sha256:{da}\nmanifest B sha256:{db}")
    if da == db:
        print("identical")
        return 0
    ma, mb = json.loads(manifest_a), json.loads(manifest_b)
    if ma["config"]["digest"] != mb["config"]["digest"]:
        ca, cb = json.loads(read_a(ma["config"]["digest"])), json.loads(read_b(mb["config"]["digest"]))
        for key in sorted(set(ca) | set(cb)):
            if key != "rootfs" and ca.get(key) != cb.get(key):
                print(f"config {key}: {ca.get(key)!r} != {cb.get(key)!r}")
    for n, (la, lb) in enumerate(zip(ma["layers"], mb["layers"])):
        if la["digest"] == lb["digest"]:
            print(f"layer {n}: identical ({la['digest'][:19]})")
            continue
        ea, ta = entries(read_a(la["digest"]))
        eb, tb = entries(read_b(lb["digest"]))
        print(f"layer {n}: differs (compressed {la['digest'][:19]} / {lb['digest'][:19]}; "
              f"uncompressed {'identical' if ta == tb else 'differs'})")
        shown = 0
        for name in sorted(set(ea) | set(eb)):
            fa, fb = ea.get(name), eb.get(name)
            if fa == fb:
                continue
            if fa is None or fb is None:
                print(f"  {name}: only in {'B' if fa is None else 'A'}")
            else:
                fields = {k: (fa[k], fb[k]) for k in fa if fa[k] != fb[k]}
                print(f"  {name}: {fields}")
            shown += 1
            if shown >= 40:
                print("  …")
                break
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
