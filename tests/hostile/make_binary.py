#!/usr/bin/env python3
"""Write the hostile compact files of this corpus (run from anywhere:
`python3 tests/hostile/make_binary.py`). Each is a version-1 `.coprod` file
(format: `coprod::io::read_compact`) with a valid checksum, so that the
reader reaches the value it must refuse. Python 3 standard library only."""
import json, os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
STANDARD = [
    ("leadership", True, "positive"), ("administrative", True, "positive"),
    ("deliberation", False, "positive"), ("resource", True, "positive"),
    ("service", True, "positive"), ("information", True, "positive"),
    ("tension", False, "negative"),
]


def fnv(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def layers(spec=STANDARD):
    return [{"name": n, "directed": d, "sign": s, "self_loops": False} for n, d, s in spec]


def compact(ids, lens=None, kinds=None, levels=None, ties=(), meta=None, lay=None,
            weights=None):
    """ids: bytes of the pool; lens: the u32 id lengths; ties: (u, v, layer)."""
    n = len(lens)
    meta = json.dumps(meta or {"id": "hostile"}).encode()
    lay = json.dumps(lay if lay is not None else layers()).encode()
    out = b"coprod\0\x01"
    out += struct.pack("<QQQ", n, len(ties), 1 if weights else 0)
    for sec in (meta, lay, ids):
        out += struct.pack("<Q", len(sec)) + sec
    out += b"".join(struct.pack("<I", x) for x in lens)
    out += bytes(kinds or [0] * n) + bytes(levels or [2] * n)
    for k, (u, v, l) in enumerate(ties):
        out += struct.pack("<IIB", u, v, l)
        if weights:
            out += struct.pack("<d", weights[k])
    return out + struct.pack("<Q", fnv(out))


FILES = {
    # 1. an id length that cuts a two-byte character (`dé`, length 2)
    "1_id_cuts_a_character.coprod": compact("déa".encode(), lens=[2, 2]),
    # 2. a case id that climbs out of the output directory
    "2_case_id_traversal.coprod": compact(b"ab", lens=[1, 1], meta={"id": "../../escaped"}),
    "2_case_id_absolute.coprod": compact(b"ab", lens=[1, 1], meta={"id": "/tmp/escaped"}),
    # 2. a layer name that climbs out of the output directory (its figure is `layer_<name>.svg`)
    "2_layer_name_traversal.coprod": compact(
        b"ab", lens=[1, 1], ties=[(0, 1, 7)], meta={"id": "slash"},
        lay=layers() + [{"name": "x/../../../escaped", "directed": True}]),
    # 5. layers the CSV loader refuses
    "5_layer_declared_twice.coprod": compact(
        b"ab", lens=[1, 1], ties=[(0, 1, 0)],
        lay=layers() + [{"name": "leadership", "directed": True, "sign": "positive"}]),
    "5_leadership_undirected.coprod": compact(
        b"ab", lens=[1, 1], ties=[(0, 1, 0)],
        lay=layers([("leadership", False, "positive")] + STANDARD[1:])),
    "5_layer_named_all.coprod": compact(
        b"ab", lens=[1, 1], lay=layers() + [{"name": "all", "directed": True}]),
    "5_no_actors.coprod": compact(b"", lens=[]),
    # 7. two weights of 1e308 (finite each, infinite summed)
    "7_weights_sum_to_inf.coprod": compact(
        b"ab", lens=[1, 1], ties=[(0, 1, 0), (0, 1, 3)], weights=[1e308, 1e308]),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(name, len(data), "bytes")
