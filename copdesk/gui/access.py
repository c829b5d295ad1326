"""Keyboard and screen readers: every control named, the focus visible.

A screen reader says a control by its accessible name: a button's text, a label's
buddy, or the name set with ``setAccessibleName``. Many controls have none of these
(a search field with a placeholder, a combo box after a plain label, a table), so
:func:`name_controls` gives each interactive control without a name one from what a
sighted user sees of it (its buddy label, placeholder, tooltip), and its tooltip as
its description. The window runs it on itself and on every window it opens (editors,
dialogs, as they become active), so views added later are named too; views still set
the names that say more. :class:`FocusRing` draws where the keyboard is around the
large panes (lists, pages, the reading pane), which styles mark faintly or not at all.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAccessible, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QAbstractSlider,
    QTabBar,
)
# Controls that are parts of another (a combo box's line edit, a field's clear button)
INSIDE = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QTextEdit, QTabBar)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget`` (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return (interface.text(QAccessible.Text.Name) or "").strip()


def controls(root: QWidget) -> Iterator[QWidget]:
    """The interactive controls under ``root`` a user can reach (parts of a control,
    and scroll bars, left out)."""
    for widget in (root, *root.findChildren(QWidget)):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not root.parentWidget():
            if isinstance(parent, INSIDE):
                inside = True
                break
            parent = parent.parentWidget()
        if not inside:
            yield widget


def _label_for(widget: QWidget) -> str:
    """The text of a label that names ``widget``: its buddy, or its row in a form."""
    for label in widget.window().findChildren(QLabel):
        buddy = label.buddy()  # the widget, or a field whose focus goes to it (a date)
        if buddy is not None and widget in (buddy, buddy.focusProxy()) and label.text():
            return _plain(label.text())
    parent = widget.parentWidget()
    form = parent.layout() if parent is not None else None
    if isinstance(form, QFormLayout):
        label = form.labelForField(widget)
        if isinstance(label, QLabel) and label.text():
            return label.text()
    return ""


def _plain(text: str) -> str:
    """A label's text without its rich-text markup (``<b>Title</b> *``)."""
    return re.sub(r"<[^>]*>", "", text).replace("&nbsp;", " ").strip(" *")


def _hint(widget: QWidget) -> str:
    text = _label_for(widget)
    stack = widget.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    if not text and isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
        text = tabs.tabText(tabs.indexOf(widget))  # a page of tabs: its tab
    if not text and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        text = widget.placeholderText()
    if not text and isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        text = widget.lineEdit().placeholderText()
    if not text:
        text = widget.toolTip() or widget.statusTip() or widget.whatsThis()
    if not text:
        box = widget.parentWidget()
        while box is not None and not isinstance(box, QGroupBox):
            box = box.parentWidget()
        text = box.title() if isinstance(box, QGroupBox) else ""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def name_controls(root: QWidget) -> None:
    """Give every control under ``root`` without an accessible name one, and its tooltip
    as its description."""
    for widget in controls(root):
        if not accessible_name(widget):
            hint = _hint(widget)
            if hint:
                widget.setAccessibleName(hint.splitlines()[0])
        tip = widget.toolTip()
        if tip and not widget.accessibleDescription():
            widget.setAccessibleDescription(tip)


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` a screen reader could not name (tests use it)."""
    return [
        f"{type(w).__name__} {w.objectName() or '?'} in {type(w.window()).__name__}"
        for w in controls(root)
        if w.isVisibleTo(root) and not accessible_name(w)
    ]


def _name_active_window() -> None:
    widget = QApplication.activeModalWidget() or QApplication.activeWindow()
    if widget is not None:
        name_controls(widget)


_watching = False


def watch_windows() -> None:
    """Name the controls of each window as it becomes active (editors, dialogs); once
    per process. (A signal, not an event filter: nothing runs for every event.)"""
    global _watching
    app = QApplication.instance()
    if not _watching and isinstance(app, QApplication):
        app.focusWindowChanged.connect(lambda _window: _name_active_window())
        _watching = True


def focusable(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` that Tab stops at, in the order they were made."""
    return [w for w in controls(root) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def tab_order(widgets: list[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (each one's own controls in turn):
    the search, the views, the list or page, the reading pane, who is writing."""
    chain: list[QWidget] = []
    for widget in widgets:
        for control in focusable(widget) or ([widget] if widget.focusPolicy() else []):
            if control not in chain:
                chain.append(control)
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


class FocusRing(QWidget):
    """A frame in the palette's highlight colour around the large pane that has the
    keyboard focus (small controls show their own). A style sheet would do it, but
    would freeze those panes' palette (dark mode); this follows the palette."""

    WIDTH = 2

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self):  # its window is going away
            return
        if self.target is not None and isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = None
        pane = new
        while pane is not None and not isinstance(pane, QAbstractScrollArea):
            pane = pane.parentWidget() if not pane.isWindow() else None
        if pane is None or not self.parentWidget().isAncestorOf(pane):
            self.target = None
            self.hide()
            return
        self.target = pane
        pane.installEventFilter(self)  # follows its moves and resizes
        self._place()

    def _place(self) -> None:
        target = self.target
        if target is None or not isValid(target) or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(self.parentWidget(), target.rect().topLeft())
        self.setGeometry(top_left.x(), top_left.y(), target.width(), target.height())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Hide,
            QEvent.Type.Show,
        ):
            self._place()
        return super().eventFilter(watched, event)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), self.WIDTH)
        painter.setPen(pen)
        half = self.WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()
