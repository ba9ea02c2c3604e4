# Runs with python3 (CPython 3.11, NumPy installed), by hand, when a corpus program changes: runs every
# test/corpus/python/*.py and writes its exact stdout beside it as <name>.out, the output GradLens must print
# (test/unit/notation/python/corpus.test.ts compares; the tests never need Python). CPython 3.12+ sums floats with
# compensated summation, so regenerate with 3.11 only.
import pathlib, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent / "test" / "corpus" / "python"
if sys.version_info[:2] != (3, 11):
    sys.exit(f"python-corpus.py: run with CPython 3.11 (this is {sys.version.split()[0]})")
failed = 0
for program in sorted(root.glob("*.py")):
    run = subprocess.run([sys.executable, program.name], cwd=root, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        print(f"{program.name}: exit {run.returncode}\n{run.stderr}", file=sys.stderr)
        failed += 1
        continue
    program.with_suffix(".out").write_text(run.stdout)
    print(f"{program.name}: {len(run.stdout.splitlines())} lines")
sys.exit(1 if failed else 0)
