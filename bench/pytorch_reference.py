#!/usr/bin/python3
"""PyTorch reference for the workloads of /work/shared/BENCHMARKS.md.

Prints one JSON object in the format of bench/README.md, the contract the Java side
(dev.backprop.bench.Workloads) follows key for key. Run with Debian's /usr/bin/python3 and
python3-torch (1.13); Fashion-MNIST is read from the IDX files of dataset-fashion-mnist.
"""
import os

# OpenMP reads its settings when torch loads, so they must be in the environment before the import.
# PASSIVE is PyTorch's best setting on these 2 shared cores (BENCHMARKS.md); an explicit value in
# the caller's environment wins, so the default policy can be measured too.
THREADS = 2
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import signal  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

WORKLOADS = ("fmnist-train", "fmnist-infer", "tiny", "gemm")
DATA_DIR = "/usr/share/datasets/fashion-mnist"
GEMM_SIZES = (256, 512, 1024, 2048)
IDX_MAGIC = {3: 2051, 1: 2049}  # images (3 dims), labels (1 dim); type byte 0x08 = unsigned byte


class WorkloadError(Exception):
    """A workload could not run (missing or malformed data, bad parameters)."""


# ------------------------------------------------------------------------------------ data

def read_idx(path, dims):
    """The uint8 array of an IDX file (gzip), checking magic number, dimensions and length."""
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise WorkloadError(f"{path}: cannot read ({e}); install it with"
                            " `apt-get install -y dataset-fashion-mnist`") from e
    header = 4 + 4 * dims
    if len(raw) < header:
        raise WorkloadError(f"{path}: {len(raw)} bytes, shorter than the {header}-byte IDX header")
    magic = int.from_bytes(raw[0:4], "big")
    if magic != IDX_MAGIC[dims]:
        raise WorkloadError(f"{path}: magic number {magic}, expected {IDX_MAGIC[dims]}"
                            f" (unsigned-byte IDX with {dims} dimensions)")
    shape = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
    expected = header + int(np.prod(shape))
    if len(raw) != expected:
        raise WorkloadError(f"{path}: {len(raw)} bytes, expected {expected} for shape {shape}")
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def load_fmnist(split):
    """(images [N, 784] float32 in [0, 1], labels [N] int64) as torch tensors."""
    images = read_idx(f"{DATA_DIR}/{split}-images-idx3-ubyte.gz", 3)
    labels = read_idx(f"{DATA_DIR}/{split}-labels-idx1-ubyte.gz", 1)
    if images.shape[0] != labels.shape[0]:
        raise WorkloadError(f"{DATA_DIR}/{split}: {images.shape[0]} images but {labels.shape[0]} labels")
    x = torch.from_numpy(images.reshape(images.shape[0], -1).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


# ------------------------------------------------------------------------------------ models

def mlp(sizes):
    """Dense ReLU network: He (Kaiming normal, fan-in) weights, zero biases, no final activation."""
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        linear = torch.nn.Linear(fan_in, fan_out)
        torch.nn.init.kaiming_normal_(linear.weight, mode="fan_in", nonlinearity="relu")
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def peak_rss_mib():
    """The process's peak resident set size (VmHWM), in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    raise WorkloadError("/proc/self/status has no VmHWM line")


# ------------------------------------------------------------------------------------ timing

def seconds_of(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def is_steady(times, window=5):
    """Whether the median of the last five per-call times is within 10% of the median of the five before."""
    if len(times) < 2 * window:
        return False
    before = statistics.median(times[-2 * window:-window])
    return abs(statistics.median(times[-window:]) - before) <= 0.10 * before


def warm_up(call, budget):
    """(calls, seconds, steady), the protocol of bench/README.md: calls in slices of ≥ 0.2 s until
    they total the budget and the median per-call time of the last 5 slices is within 10% of the
    5 before, or 60 s. (The Java side also waits for its JIT to go idle; PyTorch has no JIT here.)"""
    per_call, calls, total = [], 0, 0.0
    while total < 60.0:
        start, slice_calls = time.perf_counter(), 0
        while True:
            call()
            slice_calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.2:
                break
        calls += slice_calls
        total += elapsed
        per_call.append(elapsed / slice_calls)
        if total >= budget and is_steady(per_call):
            return calls, total, True
    return calls, total, False


def time_calls(call, budget, min_calls):
    """(median seconds, warm-up): warm-up, then calls timed one by one until at least min_calls
    total the budget, or at least 3 total 10 s."""
    warmup = warm_up(call, budget)
    times = []
    while not ((len(times) >= min_calls and sum(times) >= budget)
               or (len(times) >= 3 and sum(times) >= 10.0)):
        times.append(seconds_of(call))
    return statistics.median(times), warmup


# ------------------------------------------------------------------------------------ workloads

def fmnist_train(args):
    """(a) training samples/s, (b) test accuracy and wall seconds after E epochs, (e) peak RSS."""
    x, y = load_fmnist("train")
    x_test, y_test = load_fmnist("t10k")
    torch.manual_seed(args.seed)
    model = mlp([784, 256, 128, 10])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    shuffle = torch.Generator().manual_seed(args.seed)
    n = x.shape[0]
    seconds, losses = [], []
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(n, generator=shuffle)
        total = torch.zeros(())
        for i in range(0, n, 128):
            idx = order[i:i + 128]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.detach() * idx.shape[0]
        seconds.append(time.perf_counter() - start)
        losses.append(total.item() / n)
    with torch.no_grad():
        correct = (model(x_test).argmax(1) == y_test).sum().item()
    timed = seconds[1:4]
    return {
        "fmnist_train_samples_per_s": statistics.median(n / s for s in timed),
        "fmnist_test_accuracy": correct / x_test.shape[0],
        "fmnist_train_wall_s": sum(seconds),
        "fmnist_train_peak_rss_mib": peak_rss_mib(),
    }, {"epoch_seconds": seconds, "epoch_mean_loss": losses}


def fmnist_infer(args):
    """(c) batch-1 latency (median µs) and batch-1024 throughput of the untrained MLP's forward."""
    x_test, _ = load_fmnist("t10k")
    torch.manual_seed(args.seed)
    model = mlp([784, 256, 128, 10]).eval()
    calls = 1000 if args.quick else 10_000
    rows = [x_test[i:i + 1] for i in range(x_test.shape[0])]
    batches = [x_test[j * 1024:(j + 1) * 1024] for j in range(x_test.shape[0] // 1024)]
    repeats, per_repeat = (3, 3) if args.quick else (7, 10)
    latencies = []
    with torch.no_grad():
        for i in range(1000):
            model(rows[i % len(rows)])
        for i in range(calls):
            row = rows[i % len(rows)]
            start = time.perf_counter_ns()
            model(row)
            latencies.append(time.perf_counter_ns() - start)
        for j in range(5):
            model(batches[j % len(batches)])
        throughputs = []
        for r in range(repeats):
            start = time.perf_counter()
            for j in range(per_repeat):
                model(batches[(r * per_repeat + j) % len(batches)])
            throughputs.append(1024 * per_repeat / (time.perf_counter() - start))
    return {
        "fmnist_batch1_latency_us": statistics.median(latencies) / 1000.0,
        "fmnist_batch1024_samples_per_s": statistics.median(throughputs),
        "fmnist_infer_peak_rss_mib": peak_rss_mib(),
    }, {"batch1_calls": calls, "batch1024_samples_per_s_repeats": throughputs}


def xor_data(seed, n=1024):
    """Points uniform in [0,1]², target 1 when exactly one coordinate exceeds 0.5."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 2), dtype=np.float32)
    t = ((x[:, 0] > 0.5) != (x[:, 1] > 0.5)).astype(np.float32).reshape(n, 1)
    return torch.from_numpy(x), torch.from_numpy(t)


def tiny(args):
    """(d) steps/s of the 2-8-8-1 sigmoid network, MSE, SGD lr 0.1, batch 4."""
    x, t = xor_data(args.seed)
    batches = [(x[i:i + 4], t[i:i + 4]) for i in range(0, x.shape[0], 4)]
    torch.manual_seed(args.seed)
    # PyTorch's default Linear init: U(−1/√fan_in, 1/√fan_in) for weights and biases.
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Sigmoid(), torch.nn.Linear(8, 8),
                                torch.nn.Sigmoid(), torch.nn.Linear(8, 1), torch.nn.Sigmoid())
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    step = 0

    def hundred_steps():
        nonlocal step
        for _ in range(100):
            xb, tb = batches[step % len(batches)]
            loss = F.mse_loss(model(xb), tb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step += 1

    def run_for(min_seconds):
        count = 0
        start = time.perf_counter()
        while True:
            hundred_steps()
            count += 100
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                return count / elapsed

    seconds = 0.2 if args.quick else 1.0
    warmup_calls, warmup_seconds, steady = warm_up(hundred_steps, seconds)
    rates = [run_for(seconds) for _ in range(3 if args.quick else 5)]
    with torch.no_grad():
        final_loss = F.mse_loss(model(x), t).item()
    return {
        "tiny_steps_per_s": statistics.median(rates),
        "tiny_peak_rss_mib": peak_rss_mib(),
    }, {"steps_per_s_repeats": rates, "warmup_steps": 100 * warmup_calls,
        "warmup_seconds": warmup_seconds, "warmup_steady": steady,
        "steps": step, "final_mse_on_data": final_loss}


def gemm(args):
    """GEMM C = A·B in float32 with numpy (OpenBLAS) and torch.mm."""
    figures, details = {}, {}
    rng = np.random.default_rng(args.seed)
    for n in args.gemm_sizes:
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        ta, tb, tc = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
        for key, call in ((f"gemm_gflops_{n}", lambda: np.matmul(a, b, out=c)),
                          (f"gemm_torch_mm_gflops_{n}", lambda: torch.mm(ta, tb, out=tc))):
            median, (calls, seconds, steady) = time_calls(call, *((0.3, 3) if args.quick else (1.0, 5)))
            figures[key] = 2.0 * n ** 3 / median / 1e9
            details[f"warmup_calls_{key}"] = calls
            details[f"warmup_seconds_{key}"] = seconds
            details[f"warmup_steady_{key}"] = steady
        details[f"max_abs_diff_numpy_torch_{n}"] = float(np.abs(a @ b - torch.mm(ta, tb).numpy()).max())
    figures["gemm_peak_rss_mib"] = peak_rss_mib()
    return figures, details


RUNNERS = {"fmnist-train": fmnist_train, "fmnist-infer": fmnist_infer, "tiny": tiny, "gemm": gemm}


# ------------------------------------------------------------------------------------ driver

def loaded_blas():
    """The BLAS shared library numpy loaded (it decides the GEMM figures), from /proc/self/maps."""
    np.ones((2, 2), np.float32) @ np.ones((2, 2), np.float32)
    with open("/proc/self/maps") as f:
        paths = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
    return sorted(os.path.realpath(p) for p in paths)


def environment():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    return {
        "implementation": f"PyTorch {torch.__version__}",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": loaded_blas(),
        "torch_threads": torch.get_num_threads(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "cpu": cpu,
        "cpus_available": len(os.sched_getaffinity(0)),
    }


def parameters(args, workload):
    return {"workload": workload, "epochs": args.epochs, "quick": args.quick, "seed": args.seed,
            "threads": THREADS, "gemm_sizes": list(args.gemm_sizes)}


def run_one(args):
    torch.set_num_threads(THREADS)
    result = {"side": "pytorch", "parameters": parameters(args, args.workload),
              "figures": {}, "errors": {}, "details": {}}
    try:
        figures, details = RUNNERS[args.workload](args)
        result["figures"], result["details"] = figures, details
    except WorkloadError as e:
        result["errors"][args.workload] = str(e)
    result["environment"] = environment()
    return result


def run_all(args):
    """Each workload in its own process, so each peak RSS belongs to that workload alone."""
    merged = {"side": "pytorch", "parameters": parameters(args, "all"),
              "figures": {}, "errors": {}, "details": {}}
    for workload in WORKLOADS:
        cmd = [sys.executable, os.path.abspath(__file__), "--workload", workload,
               "--epochs", str(args.epochs), "--seed", str(args.seed),
               "--gemm-sizes", ",".join(map(str, args.gemm_sizes))] + (["--quick"] if args.quick else [])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        try:
            part = json.loads(proc.stdout)
        except json.JSONDecodeError:
            merged["errors"][workload] = f"exit status {proc.returncode}: {proc.stderr.strip()[-2000:]}"
            continue
        merged["figures"].update(part["figures"])
        merged["errors"].update(part["errors"])
        merged["details"][workload] = part["details"]
        merged["environment"] = part["environment"]
    return merged


def sizes(text):
    try:
        values = [int(v) for v in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}': expected sizes like 256,512,1024")
    if not values or any(v <= 0 for v in values):
        raise argparse.ArgumentTypeError(f"'{text}': sizes must be positive integers")
    return values


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the output quietly
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", choices=WORKLOADS + ("all",), default="all",
                        help="which workload to run; 'all' runs each in its own process")
    parser.add_argument("--epochs", type=int, help="fmnist-train epochs (default 10, quick 2)")
    parser.add_argument("--quick", action="store_true",
                        help="shorter runs for a smoke test; figures are noisier")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gemm-sizes", type=sizes, default=list(GEMM_SIZES),
                        help="comma-separated square GEMM sizes (default 256,512,1024,2048)")
    args = parser.parse_args()
    if args.epochs is not None and args.epochs < 2:
        parser.error(f"--epochs {args.epochs}: at least 2 are needed (the first is warm-up)")
    if args.epochs is None:
        args.epochs = 2 if args.quick else 10
    result = run_all(args) if args.workload == "all" else run_one(args)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
