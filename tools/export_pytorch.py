#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a PyTorch recurrent model in RNN Explorer's model-file format (version 1).

The model is a module with an ``rnn`` (nn.RNN with tanh, nn.LSTM or nn.GRU; batch_first either way; 1 to 4 layers;
not bidirectional, no LSTM projection), optionally an ``embedding`` (nn.Embedding) before it and a ``head``
(nn.Linear) after it; or a bare nn.RNN/LSTM/GRU. Parameters are written under their state_dict names, in float64.

As a library:
    from export_pytorch import export
    export(model, "model.json", vocabulary=list_of_tokens, tokenizer="char", description="my model")

From the command line, a demo: trains a small character model on a built-in text and exports it, optionally with
PyTorch's own next-character probabilities on a probe text (what the project's tests compare against):
    /usr/bin/python3 tools/export_pytorch.py demo OUT.json [--cell gru] [--layers 2] [--probe TEXT --expected E.json]
"""
import argparse
import json
import os
import shlex
import sys
import tempfile

import torch

FORMAT, VERSION, MAX_LAYERS = "rnn-explorer-model", 1, 4
RESERVED = {"format", "version", "cell", "layers", "inputSize", "hiddenSize", "tokenizer", "vocabulary", "parameters"}


def _cell(rnn):
    if isinstance(rnn, torch.nn.LSTM):
        if getattr(rnn, "proj_size", 0):
            raise ValueError("LSTM projections (proj_size) are not supported")
        return "lstm"
    if isinstance(rnn, torch.nn.GRU):
        return "gru"
    if isinstance(rnn, torch.nn.RNN):
        if rnn.nonlinearity != "tanh":
            raise ValueError("only the tanh RNN is supported, not " + rnn.nonlinearity)
        return "rnn"
    raise ValueError("model.rnn must be nn.RNN, nn.LSTM or nn.GRU, not " + type(rnn).__name__)


def _rows(t):
    return t.detach().to(dtype=torch.float64, device="cpu").tolist()


def export(model, path, vocabulary=None, tokenizer="char", **metadata):
    """Writes ``model`` to ``path`` (atomically). ``vocabulary``: the tokens in id order (embedding row / one-hot
    index / head output k is token k); ``tokenizer``: "char" or "word", used with a vocabulary. Any other keyword
    (description, the training command, its loss, ...) is written as a top-level entry the app shows."""
    if isinstance(model, torch.nn.RNNBase):
        embedding, rnn, head = None, model, None
    else:
        embedding, rnn, head = getattr(model, "embedding", None), getattr(model, "rnn", None), getattr(model, "head", None)
        if rnn is None:
            raise ValueError("the model needs a submodule named 'rnn' (nn.RNN, nn.LSTM or nn.GRU)")
    cell = _cell(rnn)
    if rnn.bidirectional:
        raise ValueError("bidirectional RNNs are not supported")
    if not 1 <= rnn.num_layers <= MAX_LAYERS:
        raise ValueError(f"num_layers must be 1..{MAX_LAYERS}, got {rnn.num_layers}")
    if embedding is not None and not isinstance(embedding, torch.nn.Embedding):
        raise ValueError("model.embedding must be nn.Embedding")
    if head is not None and not isinstance(head, torch.nn.Linear):
        raise ValueError("model.head must be nn.Linear")
    if tokenizer not in ("char", "word"):
        raise ValueError("tokenizer must be 'char' or 'word'")
    bad = RESERVED.intersection(metadata)
    if bad:
        raise ValueError("metadata may not use the names " + ", ".join(sorted(bad)))

    blocks = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
    hidden, input_size = rnn.hidden_size, rnn.input_size
    params = {}
    if embedding is not None:
        if embedding.embedding_dim != input_size:
            raise ValueError(f"embedding width {embedding.embedding_dim} differs from rnn input_size {input_size}")
        params["embedding.weight"] = _rows(embedding.weight)
    elif vocabulary is not None and len(vocabulary) != input_size:
        raise ValueError(f"without an embedding the input is one-hot: rnn input_size {input_size} must equal the "
                         f"vocabulary size {len(vocabulary)}")
    for l in range(rnn.num_layers):
        for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            t = getattr(rnn, f"{kind}_l{l}", None)
            if t is None:  # bias=False: the same model with zero biases
                t = torch.zeros(blocks * hidden)
            params[f"rnn.{kind}_l{l}"] = _rows(t)
    if head is not None:
        if head.in_features != hidden:
            raise ValueError(f"head takes {head.in_features} inputs, the rnn gives {hidden}")
        params["head.weight"] = _rows(head.weight)
        params["head.bias"] = _rows(head.bias if head.bias is not None else torch.zeros(head.out_features))
    if vocabulary is not None:
        vocabulary = [str(v) for v in vocabulary]
        if len(set(vocabulary)) != len(vocabulary):
            raise ValueError("the vocabulary has duplicates")
        rows = embedding.num_embeddings if embedding is not None else input_size
        if rows != len(vocabulary) or (head is not None and head.out_features != len(vocabulary)):
            raise ValueError(f"the vocabulary has {len(vocabulary)} tokens; embedding rows / head outputs differ")

    doc = {"format": FORMAT, "version": VERSION, "cell": cell, "layers": rnn.num_layers,
           "inputSize": input_size, "hiddenSize": hidden}
    if vocabulary is not None:
        doc["tokenizer"] = tokenizer
        doc["vocabulary"] = vocabulary
    doc.update(metadata)
    doc["parameters"] = params
    _write_atomically(path, doc)


def _write_atomically(path, doc):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, allow_nan=False, ensure_ascii=False)  # NaN/Inf weights are an error, not a file
            f.write("\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; give it the permissions of a new file
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


DEMO_TEXT = ("The forget gate decides what the cell keeps. The input gate decides what it writes. "
             "The output gate decides what the cell shows. A vanilla RNN has no gates, so its gradient fades "
             "(or explodes) with distance in time; the LSTM keeps a cell state, and the GRU mixes the old state "
             "with a candidate through its update gate, after its reset gate has chosen what to read. ") * 4


class CharModel(torch.nn.Module):
    """embedding -> rnn -> head, the shape the export expects."""

    def __init__(self, cell, vocab_size, embed, hidden, layers):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab_size, embed)
        self.rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](embed, hidden, num_layers=layers)
        self.head = torch.nn.Linear(hidden, vocab_size)

    def forward(self, x):  # x: [T][B] token ids (batch_first=False)
        y, state = self.rnn(self.embedding(x))
        return self.head(y), state


def demo(argv):
    p = argparse.ArgumentParser(prog="export_pytorch.py demo", description="train a small char model and export it")
    p.add_argument("out")
    p.add_argument("--cell", default="gru", choices=["rnn", "lstm", "gru"])
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--hidden", type=int, default=16)
    p.add_argument("--embed", type=int, default=6)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--train-text", help="a UTF-8 file to train on (default: a built-in paragraph)")
    p.add_argument("--probe", help="a text to run the trained model on")
    p.add_argument("--expected", help="write PyTorch's probabilities on --probe to this JSON file")
    a = p.parse_args(argv)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(a.seed)
    text = open(a.train_text, encoding="utf-8").read() if a.train_text else DEMO_TEXT
    vocab = sorted(set(text) | set(a.probe or ""))
    idx = {ch: i for i, ch in enumerate(vocab)}
    model = CharModel(a.cell, len(vocab), a.embed, a.hidden, a.layers)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    data = torch.tensor([idx[c] for c in text])
    loss = torch.tensor(float("nan"))
    for _ in range(a.steps):
        starts = torch.randint(0, len(data) - 33, (16,))
        x = torch.stack([data[s:s + 32] for s in starts], 1)
        y = torch.stack([data[s + 1:s + 33] for s in starts], 1)
        logits, _ = model(x)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(vocab)), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
    command = "tools/export_pytorch.py demo " + shlex.join(argv)
    export(model, a.out, vocabulary=vocab, tokenizer="char",
           description=f"demo {a.cell.upper()} character model ({a.layers} layers, H={a.hidden}) trained by PyTorch",
           command=command, trainLoss=loss.item(), source=f"PyTorch {torch.__version__}, seed {a.seed}")
    print(a.out, "train loss", round(loss.item(), 4), "vocabulary", len(vocab))
    if a.probe and a.expected:
        with torch.no_grad():
            ids = torch.tensor([[idx[c]] for c in a.probe])
            logits, state = model(ids)
            h_last = (state[0] if isinstance(state, tuple) else state)[:, 0, :]
            out, _ = model.rnn(model.embedding(ids))
        with open(a.expected, "w", encoding="utf-8") as f:
            json.dump({"probe": a.probe, "probabilities": torch.softmax(logits[:, 0, :], -1).tolist(),
                       "hTop": out[:, 0, :].tolist(), "hLast": h_last.tolist(), "trainLoss": loss.item(),
                       "source": f"PyTorch {torch.__version__}, seed {a.seed}", "command": command}, f)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "demo":
        demo(sys.argv[2:])
    else:
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) >= 2 and sys.argv[1] in ("-h", "--help") else 2)
