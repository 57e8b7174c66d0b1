#!/usr/bin/env python3
"""Check the key of real-news-sourcing-2 (expected.toml) against its articles.

The same checks as tests/real-news-sourcing/check_key.py, which this runs
on this folder.

Run from anywhere:  python3 tests/real-news-sourcing-2/check_key.py
Exit code 0 when everything holds, 1 otherwise.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "real-news-sourcing", "check_key.py")
sys.exit(subprocess.call([sys.executable, SCRIPT, HERE]))
