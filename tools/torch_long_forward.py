"""PyTorch beside `bench --protocol store`: the same model file (an LSTM/GRU/RNN with a one-hot or embedded input)
loaded into torch.nn.LSTM/GRU/RNN, float64, one thread, forward over the first T characters of a text, no
gradients (fused nn.LSTM: the fastest PyTorch has on a CPU). Prints one JSON line like the engine's bench.
Run: /usr/bin/python3 tools/torch_long_forward.py resources/models/shakespeare-lstm.json ../shared/data/tinyshakespeare.txt 200000"""
import json, sys, time
import torch

model_file, text_file, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.set_num_threads(1)
m = json.load(open(model_file))
p = {k: torch.tensor(v, dtype=torch.float64) for k, v in m["parameters"].items()}
vocab = {t: i for i, t in enumerate(m["vocabulary"])}
ids = torch.tensor([vocab[ch] for ch in open(text_file, encoding="utf-8").read()[:steps]])
cls = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[m["cell"]]
rnn = cls(m["inputSize"], m["hiddenSize"], m["layers"]).double()
with torch.no_grad():
    for name, param in rnn.named_parameters():
        param.copy_(p["rnn." + name].reshape(param.shape))
    x = p["embedding.weight"][ids] if "embedding.weight" in p else torch.nn.functional.one_hot(ids, len(vocab)).double()
    x = x.unsqueeze(1)
    t0 = time.perf_counter()
    y, _ = rnn(x)
    seconds = time.perf_counter() - t0
print(json.dumps({"protocol": "store", "engine": "pytorch " + torch.__version__ + " nn." + cls.__name__ + " forward",
                  "cell": m["cell"], "layers": m["layers"], "H": m["hiddenSize"], "T": len(ids), "dtype": "float64",
                  "threads": 1, "median_ms": round(seconds * 1e3, 1), "steps_per_s": round(len(ids) / seconds)}))
