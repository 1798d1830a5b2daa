import sys
sys.exit(1)  # being written
