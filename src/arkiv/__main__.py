"""`python -m arkiv` är samma sak som kommandot `arkiv`."""

import sys

from .cli import main

sys.exit(main())
