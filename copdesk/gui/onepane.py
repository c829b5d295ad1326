"""One pane at a time when the window is too narrow for the list and the reading pane.

A 1024x768 screen at 150 % gives the window 683 logical pixels: the sidebar, the list
and the reading pane side by side at their minimums (:mod:`copdesk.gui.frame`) need
more, and the reading pane was cut off on the right. So, as Thunderbird, Outlook or
Joplin do on a small screen, the window switches by itself to one pane at a time: the
list (or page); opening an item (a click or Enter on a row, a link) shows the reading
pane in its place, with a Back button and Back (Alt+Left) to the list. Moving through
the rows with the arrows only follows them (the Edit and Propose commands act on the
row), the list stays in front. Widened again, the window puts both side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QToolButton, QWidget

from copdesk.gui import frame
from copdesk.gui.navigation import Navigation


def side_by_side_width(window: Any) -> int:
    """The narrowest window that holds the sidebar, the list and the reading pane."""
    handle = window.splitter.handleWidth() + window.content.handleWidth()
    return frame.SIDEBAR_MIN + frame.CENTER_MIN + frame.DETAIL_MIN + handle


class OnePane(QObject):
    """Lays out ``window``'s centre (list or page) and reading pane by its width.

    ``window`` has ``splitter`` (sidebar | content), ``content`` (center | detail),
    ``center``, ``detail``, ``reader`` and ``router``. ``opens``: the tables whose
    rows open an item (a click, Enter). ``changed`` when the layout or the pane in
    front changes.
    """

    changed = Signal()

    def __init__(self, window: Any, opens: Iterable[QAbstractItemView] = ()) -> None:
        super().__init__(window)
        self.window = window
        self.narrow = False  # one pane at a time
        self.reading = False  # narrow: the reading pane is the one in front
        self.bar = QWidget(window)
        self.bar.setObjectName("onePaneBar")
        self.back_button = QToolButton(self.bar)
        self.back_button.setObjectName("onePaneBack")
        self.back_button.setText("← " + self.tr("Back to the list"))
        self.back_button.setToolTip(self.tr("The list or page, in place of the item (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back to the list"))
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.bar.hide()
        window.centralWidget().layout().insertWidget(1, self.bar)  # under the banner
        # the window may always be made as narrow as one pane needs: a smaller width
        # switches the layout instead of being refused
        window.setMinimumWidth(frame.SIDEBAR_MIN + frame.CENTER_MIN + 2 * 8)
        window.installEventFilter(self)
        window.reader.placed.connect(self._apply)
        window.router.shown.connect(lambda _: self._set_reading(False))
        for table in opens:
            table.clicked.connect(self.open_row)
            table.activated.connect(self.open_row)  # Enter, or a double click

    # -- what the window and its tables call -------------------------------------------

    def read(self) -> None:
        """An item was asked for (a link, a search hit, ``item:ID``): narrow, it comes
        in front."""
        self._set_reading(True)

    def open_row(self, *_: object) -> None:
        """A row was opened: narrow, the reading pane comes in front, fresh (while the
        list was in front, it was hidden and not reloaded)."""
        if not self.narrow:
            return
        reader = self.window.reader
        if reader.current_item is not None and reader.wanted == reader.current_item:
            reader.reload()
        self._set_reading(True)

    def back(self) -> bool:
        """Back to the list when the reading pane is alone in front; False otherwise
        (Back then goes to the place before: :class:`~copdesk.gui.navigation.Navigation`
        calls this first, for Alt+Left, the menu and the mouse's back button)."""
        if not (self.narrow and self.reading):
            return False
        self._set_reading(False)
        page = self.window.center.currentWidget()  # the keyboard where it was in the list
        (page.focusWidget() or page).setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def bind(self, back: QAction, navigation: Navigation) -> None:
        """Back brings the list back first (:meth:`back`); the action is enabled when
        the list can come back, or a place before."""

        def follow() -> None:
            back.setEnabled(self.alone() or navigation.can_go_back())

        navigation.first = self.back
        navigation.moved.connect(follow)
        self.changed.connect(follow)

    def alone(self) -> bool:
        """The reading pane is alone in front (narrow window)."""
        return self.narrow and self.reading

    # -- layout ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit(self.window.width())
        return super().eventFilter(watched, event)

    def fit(self, width: int) -> None:
        """Switch to one pane at a time below the side-by-side width, back above it."""
        narrow = width < side_by_side_width(self.window)
        if narrow == self.narrow:
            return
        self.narrow = narrow
        body = self.window.content
        body.setMinimumWidth(frame.CENTER_MIN if narrow else frame.CENTER_MIN + frame.DETAIL_MIN)
        self._apply()
        frame.reset(self.window.splitter, body, width)  # the default shares, as wide as fits
        self.changed.emit()

    def _set_reading(self, reading: bool) -> None:
        if reading != self.reading:
            self.reading = reading
            self._apply()
            self.changed.emit()

    def _apply(self) -> None:
        """Show the panes the width allows: both, or the one in front."""
        window = self.window
        wanted = window.reader.wished  # the view keeps the reading pane beside it
        if self.narrow:
            window.center.setVisible(not self.reading)
            window.detail.setVisible(self.reading)
        else:
            window.center.setVisible(True)
            window.detail.setVisible(wanted)
        self.bar.setVisible(self.alone())
