# Runs with python3 (CPython 3.11, NumPy installed), by hand, when a corpus program or a Python example changes: runs
# every test/corpus/python/*.py and writes its exact stdout beside it as <name>.out, and every examples/*.nn.py into
# test/corpus/python-examples/<name>.out: the output GradLens must print (the tests compare; they never need Python).
# CPython 3.12+ sums floats with compensated summation, so regenerate with 3.11 only.
import pathlib, subprocess, sys

repo = pathlib.Path(__file__).resolve().parent.parent
root = repo / "test" / "corpus" / "python"
shipped = repo / "test" / "corpus" / "python-examples"
if sys.version_info[:2] != (3, 11):
    sys.exit(f"python-corpus.py: run with CPython 3.11 (this is {sys.version.split()[0]})")
failed = 0
shipped.mkdir(exist_ok=True)
jobs = [(p, p.with_suffix(".out")) for p in sorted(root.glob("*.py"))]
jobs += [(p, shipped / p.name.replace(".nn.py", ".out")) for p in sorted((repo / "examples").glob("*.nn.py"))]
for program, out in jobs:
    run = subprocess.run([sys.executable, program.name], cwd=program.parent, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        print(f"{program.name}: exit {run.returncode}\n{run.stderr}", file=sys.stderr)
        failed += 1
        continue
    out.write_text(run.stdout)
    print(f"{program.name}: {len(run.stdout.splitlines())} lines")
sys.exit(1 if failed else 0)
