"""The frozen application's entry point (PyInstaller): the ``copdesk`` command line.

``freeze_support``: the search index's rebuild may use worker processes
(multiprocessing), which a frozen executable must recognise when it starts them.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from copdesk.cli import main

    sys.exit(main())
