import sys

from minex.cli import main

sys.exit(main())
