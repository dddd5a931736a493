#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PyTorch's own float64 outputs for a checkpoint and an input, to compare with what `trace` writes for it.

    /usr/bin/python3 tools/pytorch_reference.py CHECKPOINT --rnn PREFIX [--embedding NAME] [--head NAME]
        (--text TEXT --vocab FILE | --input X.csv) [--trace T.json]

The checkpoint is loaded with torch.load (map_location cpu; classes that cannot be imported get stand-ins, so a
whole pickled module of the author's class loads too), the tensors are taken by their state_dict names (PREFIX is
the recurrent module's, e.g. lstm or model_state_dict.lstm), converted to float64 and run layer by layer. Prints the
largest difference from the trace file T.json (h and c of every layer at every step, and the probabilities), or
writes the outputs as JSON on stdout without --trace. Only for checking by hand: it runs the checkpoint's pickle in
Python, so use it on files you trust.
"""
import argparse
import json
import os
import pickle
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(__file__))
from make_checkpoint_fixtures import reference  # noqa: E402


_Unpickler = pickle.Unpickler


class _StandIns(_Unpickler):
    def find_class(self, module, name):
        try:
            return super().find_class(module, name)
        except (ImportError, AttributeError):
            return type(name, (nn.Module,), {"__module__": module, "__setstate__": lambda self, s: self.__dict__.update(s)})


def load(path):
    """torch.load with stand-ins for unimportable classes (this torch.load ignores pickle_module, so pickle's
    Unpickler is swapped for the time of the call)."""
    pickle.Unpickler = _StandIns
    try:
        return torch.load(path, map_location="cpu")
    finally:
        pickle.Unpickler = _Unpickler


def tensors(obj, prefix=""):
    """Every tensor under its dotted state_dict name (modules, dicts and stand-in objects looked into)."""
    out = {}
    if isinstance(obj, torch.Tensor):
        out[prefix.rstrip(".")] = obj
    elif isinstance(obj, nn.Module) and hasattr(obj, "_parameters"):
        for k, v in obj.state_dict().items():
            out[prefix + k] = v
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out.update(tensors(v, prefix + str(k) + "."))
    return out


def build(named, rnn, embedding, head):
    """A namespace of float64 modules (embedding, rnn, head) holding the checkpoint's tensors."""
    def t(name):
        return named[name].detach().to("cpu", torch.float64)
    hh = t(rnn + ".weight_hh_l0")
    hidden = hh.shape[1]
    blocks = hh.shape[0] // hidden
    cls = {4: nn.LSTM, 3: nn.GRU, 1: nn.RNN}[blocks]
    layers = 1 + max(int(k.split("_l")[-1]) for k in named if k.startswith(rnn + ".weight_hh_l"))
    ih = t(rnn + ".weight_ih_l0")
    bias = (rnn + ".bias_ih_l0") in named
    m = cls(ih.shape[1], hidden, layers, batch_first=True, bias=bias).double()
    m.load_state_dict({k[len(rnn) + 1:]: t(k) for k in named if k.startswith(rnn + ".") and "_l" in k})
    ns = nn.Module()
    ns.rnn = m
    if embedding:
        w = t(embedding + ".weight")
        ns.embedding = nn.Embedding(w.shape[0], w.shape[1]).double()
        ns.embedding.weight.data = w
    if head:
        w = t(head + ".weight")
        ns.head = nn.Linear(w.shape[1], w.shape[0], bias=(head + ".bias") in named).double()
        ns.head.weight.data = w
        if (head + ".bias") in named:
            ns.head.bias.data = t(head + ".bias")
    return ns


def read_tokens(path):
    text = open(path, encoding="utf-8").read()
    if text.lstrip().startswith("["):
        return json.loads(text)
    if text.lstrip().startswith("{"):
        m = json.loads(text)
        return [k for k, _ in sorted(m.items(), key=lambda kv: kv[1])]
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def tokenize(text, vocab):
    """Token ids of text: at each position the longest vocabulary entry that matches (so <s> is one token)."""
    ids, i = [], 0
    by_length = sorted(vocab, key=len, reverse=True)
    while i < len(text):
        token = next(t for t in by_length if text.startswith(t, i))
        ids.append(vocab.index(token))
        i += len(token)
    return ids


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("checkpoint")
    p.add_argument("--rnn", required=True)
    p.add_argument("--embedding")
    p.add_argument("--head")
    p.add_argument("--text")
    p.add_argument("--vocab")
    p.add_argument("--input")
    p.add_argument("--trace")
    a = p.parse_args()
    obj = load(a.checkpoint)
    net = build(tensors(obj), a.rnn, a.embedding, a.head)
    if a.text is not None:
        vocab = read_tokens(a.vocab)
        x = tokenize(a.text, vocab)
    else:
        x = [[float(v) for v in line.split(",")] for line in open(a.input) if line.strip()]
    ref = reference(net, x)
    if not a.trace:
        json.dump(ref, sys.stdout)
        return
    tr = json.load(open(a.trace))
    diff = 0.0
    for l, layer in enumerate(ref["layers"]):
        for q in ("h", "c"):
            for t, row in enumerate(layer.get(q, [])):
                for u, v in enumerate(row):
                    diff = max(diff, abs(v - tr["layers"][l][q][t][u]))
    for t, row in enumerate(ref.get("probabilities", [])):
        for k, v in enumerate(row):
            diff = max(diff, abs(v - tr["probabilities"][t][k]))
    print("max difference from PyTorch (float64): %.3g over %d steps" % (diff, len(x)))


if __name__ == "__main__":
    main()
