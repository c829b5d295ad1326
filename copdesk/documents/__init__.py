"""Documents: the text of the files people already have (PDF procedures, Word work
instructions, Excel check lists, OpenDocument files), read so that search finds it.

Only :mod:`copdesk.documents.api` (the ``ws.documents`` part) and
:mod:`copdesk.documents.runner` belong to the parent process. Everything that touches a
file's bytes (:mod:`~copdesk.documents.extract` and the readers it calls) runs in a
child process with a time and memory limit (:mod:`~copdesk.documents.child`), so a
hostile or huge file can stop only that child. The child imports nothing of copdesk but
this package, which must therefore stay light and import nothing else of copdesk.
"""
