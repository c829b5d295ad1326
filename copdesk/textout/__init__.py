"""Every readable form the command line prints, gathered here (``--json`` gives the
stable form): one function per form, data in, text out, never a print.

Each command names its form (:mod:`copdesk.commands`); the dispatcher in
:mod:`copdesk.cli` writes what the form returns. Forms are grouped like the
commands: :mod:`~copdesk.textout.workspace`, :mod:`~copdesk.textout.items`,
:mod:`~copdesk.textout.people`, :mod:`~copdesk.textout.search`,
:mod:`~copdesk.textout.questions`, :mod:`~copdesk.textout.analytics`,
:mod:`~copdesk.textout.exchange`; :mod:`~copdesk.textout.terminal` holds the
helpers they share and the progress drawn on stderr.

The terminal speaks English; what depends on the workspace language (an item's
field names, level names) and every explanation of an analysis comes from the
message catalogue (:mod:`copdesk.messages`), like the window.
"""
