"""The frozen application's entry point (PyInstaller): the ``copdesk`` command line.

``freeze_support``: the search index's rebuild may use worker processes
(multiprocessing), which a frozen executable must recognise when it starts them.

``copdesk --document-reader MEMORY CPU`` (``copdesk.documents.runner.READER``) is the
child that reads files for ``add-document`` and ``extract``: from source it is
``python -I -c ...``; frozen there is no Python to run, so the program runs itself. It
loads only ``copdesk.documents``: the ``copdesk`` package is found but its __init__
(the whole Workspace) is not run, as in the source child.
"""

import multiprocessing
import sys

READER = "--document-reader"


def read_files(argv: list[str]) -> None:
    import importlib.util

    spec = importlib.util.find_spec("copdesk")
    sys.modules["copdesk"] = importlib.util.module_from_spec(spec)  # not executed
    from copdesk.documents.child import main

    main(argv)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == [READER]:
        read_files(sys.argv[2:])
        sys.exit(0)
    from copdesk.cli import main

    sys.exit(main())
