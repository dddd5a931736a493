#!/usr/bin/python3
"""Runs the engine's `bench` and PyTorch's peer script in one go, on the same machine, and prints a Markdown table.

Usage: /usr/bin/python3 tools/bench_vs_pytorch.py [--peer ../shared/tools/torch_peer_bench.py] [--cells lstm]
Needs target/rnn-explorer.jar (mvn -B package) and Debian's python3-torch for the peer.
Protocols (see the peer script): trace = one sequence of T steps, D = 16, forward then dL/dh_t (and c_t) for
L = sum(h[T-1]) through every step; train = embedding 16 over V = 64, T = 64, cross-entropy at every step, BPTT,
one Adam step. Both in float64 on one thread.
"""
import argparse, json, subprocess, sys

TRACE = [(64, 200), (256, 500)]
TRAIN = [(64, 64, 1), (128, 64, 32)]


def engine(args):
    out = subprocess.run(["java", "-jar", "target/rnn-explorer.jar", "bench"] + args, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", default="../shared/tools/torch_peer_bench.py")
    ap.add_argument("--cells", default="lstm")
    a = ap.parse_args()
    peer = {}
    proc = subprocess.run(["/usr/bin/python3", a.peer, "--threads", "1", "--only", a.cells], check=True,
                          capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        if r["protocol"] == "trace" and r["variant"] == "unrolled":
            peer[("trace", r["cell"], r["H"], r["T"])] = r["median_ms"]
        elif r["protocol"] == "train":
            peer[("train", r["cell"], r["H"], r["B"])] = r
    print("| protocol | cell | sizes | PyTorch ms | engine ms | PyTorch / engine |")
    print("|---|---|---|---|---|---|")
    for cell in a.cells.split(","):
        for h, t in TRACE:
            e = engine(["--protocol", "trace", "--cell", cell, "--input-size", "16", "--hidden", str(h),
                        "--steps", str(t)])["median_ms"]
            p = peer[("trace", cell, h, t)]
            print(f"| trace (unrolled) | {cell} | D=16 H={h} T={t} | {p:.2f} | {e:.2f} | {p / e:.1f}x |")
        for h, t, b in TRAIN:
            e = engine(["--protocol", "train", "--cell", cell, "--hidden", str(h), "--steps", str(t),
                        "--batch", str(b)])
            p = peer[("train", cell, h, b)]
            print(f"| train | {cell} | H={h} T={t} B={b} | {p['median_ms']:.2f} ({p['tokens_per_s']} tok/s) | "
                  f"{e['median_ms']:.2f} ({e.get('tokens_per_s', 0)} tok/s) | {p['median_ms'] / e['median_ms']:.1f}x |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
