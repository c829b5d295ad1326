"""Where the window remembers its sizes and state (an INI file, one place per user).

Tests redirect it with ``QSettings.setPath(IniFormat, UserScope, tmp)`` so they
never write under the real home folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "copdesk"
APPLICATION = "copdesk"


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
