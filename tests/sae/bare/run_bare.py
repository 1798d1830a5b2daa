#!/usr/bin/env python3
"""Run an SAE bare-metal host test under saesim -M s390-bare: the shared bare-metal runner
(tests/lib/run_bare.py) with an 80-second budget. Usage: run_bare.py -- SAESIM ARGS..."""
import os
import runpy
import sys

sys.argv[1:1] = ['--timeout', '80']
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'lib', 'run_bare.py'),
               run_name='__main__')
