"""The dialogs of the window's tasks: what the command line asks as arguments, the
window asks here (a comment, a link's target, a mark's note, a PIN, a role…).

Each dialog only gathers what a task needs and hands it back (a signal, a callback);
the task's write is a job of :mod:`copdesk.gui.write_jobs` run by the caller on the
worker, whose Change reloads the views. Dialogs open with ``open()`` (window-modal,
never blocking the event loop), so tests fill them in and press their buttons like a
user, and the worker keeps delivering meanwhile.
"""
