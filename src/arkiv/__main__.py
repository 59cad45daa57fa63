"""`python -m arkiv` är samma sak som kommandot `arkiv`."""

import sys

from arkiv.tools.cli import main

sys.exit(main())
