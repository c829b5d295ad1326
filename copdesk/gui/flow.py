"""A layout that wraps its widgets onto the next line when the row is full.

The filter bar above a list holds a text box and up to seven menus: on a 1024x768
screen at 150 % (683 logical pixels) they do not fit on one line beside the reading
pane, and squeezing them overlapped them. Like a paragraph of words, the bar wraps
instead (the height follows the width: :meth:`FlowLayout.heightForWidth`). After
Qt's "Flow Layout" example.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapping; each keeps its size hint (never squeezed)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` at ``index`` (the filter bar's menus go after its text box)."""
        self.addChildWidget(widget)
        self.addWidget(widget)  # appended by addItem, then moved into place
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(
            len(self._visible()) - 1, 0
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest widget (the rest wraps under it)."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the widgets out in ``rect`` (``move``), each line's widgets centred on it
        vertically; return the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._visible():
            hint = item.sizeHint().boundedTo(QSize(max(area.width(), 1), 10_000))
            if lines[-1] and x + hint.width() > area.right() + 1:  # the line is full
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            height = max((hint.height() for _, hint in line), default=0)
            x = area.x()
            for item, hint in line:
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return max(y - self._spacing, area.y()) - rect.y() + m.bottom()


def wrapping(widget: QWidget) -> None:
    """Horizontally, ``widget`` takes the width it is given; its height follows it."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)


def flow_bar(parent: QWidget, *parts: QWidget | tuple[QWidget, ...]) -> QWidget:
    """A bar of controls above a view that wraps when narrow; a tuple (a label and its
    menu) stays together on one line."""
    bar = QWidget(parent)
    wrapping(bar)
    flow = FlowLayout(bar, spacing=8)
    flow.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, tuple):
            group = QWidget(bar)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in part:
                row.addWidget(widget)
            part = group
        flow.addWidget(part)
    return bar
