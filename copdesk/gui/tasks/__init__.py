"""Every task of the command line has its place in the window.

The window views and edits items (:mod:`copdesk.gui.editing`); the tasks here are the
rest of ``copdesk --help``: comments, links, marks, attachments and deletion on the
item shown (:mod:`.items`); memberships, roles and PINs (:mod:`.people`); the site's
standing, keys, administrators and trust (:mod:`.site`); backups, restore, check,
repair and registers (:mod:`.upkeep`); the PIN a privileged write needs
(:mod:`.proof`); what the reading pane adds around an item (:mod:`.pane`); and the
whole, as the window holds it, with questions asked from anywhere, who knows and the
glossary (:mod:`.window`).

Who may do what: an action the person writing may not take stays enabled, its tooltip
already says who may (``ws.permissions.may``), and trying it shows the core's refusal
in the window's error banner. It is not disabled because on a shared PC the person
switches in two clicks, because the PIN is part of the answer, and because a disabled
action cannot tell a keyboard user why. Writing actions are disabled only while the
workspace itself may not be written (read-only, a copy that must decide, damaged).
"""
