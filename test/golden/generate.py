"""Regenerates every golden fixture: runs each test/golden/<family>.py with numpy."""
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
for name in sorted(os.listdir(here)):
    if name.endswith(".py") and name not in ("common.py", "generate.py"):
        runpy.run_path(os.path.join(here, name), run_name="__main__")
