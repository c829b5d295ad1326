"""The reading pane: the item beside a list or a page, or a community's own page.

The page is built on the worker (:func:`copdesk.gui.community.community_page`: the
community page for a community, the item page with its links, attachments and, for
a person, the profile). It reloads when a Change touches the item shown or what its
page gathers (a person's ratings and memberships, a community's questions…).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from copdesk.gui.change import NONE, Interest
from copdesk.gui.community import community_page
from copdesk.gui.loads import Loads
from copdesk.gui.views import SafeBrowser, placeholder_html

# What each kind's page shows besides the item itself.
PAGE_SHOWS = {
    "person": ("person", "rating", "membership", "skill", "community", "rex", "howto"),
    "community": ("community", "question", "answer", "membership", "person", "rex", "howto"),
}
ITEM_SHOWS = ("comment", "link", "attachment", "mark", "person", "community")


class Reader(QObject):
    """Shows one item in ``browser``. ``itemShown(id)`` once it is on screen.

    ``beside(kind, id, show_list)`` places the list beside it: the list of its kind
    (``show_list``, for ``item:ID``), or the item's row selected in the list shown.
    """

    itemShown = Signal(str)
    placed = Signal()  # the pane was wished shown or hidden (the layout follows)

    def __init__(
        self,
        loads: Loads,
        browser: SafeBrowser,
        beside: Callable[[str, str, bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loads = loads
        self.browser = browser
        self.beside = beside
        self.current_item: str | None = None
        self.kind: str | None = None
        self._asked: tuple[str, bool] | None = None  # on its way: the item, with its list
        self.wished = True  # the view keeps the pane beside it (see set_visible)
        self.clear()

    def clear(self) -> None:
        """Nothing in the pane; an item still on its way will not come."""
        if self._asked is not None:
            self.loads.cancel("detail")
        self.current_item = self.kind = self._asked = None
        self.browser.set_page(placeholder_html("", self.tr("Select an item to read it here.")))

    def set_visible(self, visible: bool) -> None:
        """Lists keep the reading pane; pages (home, search) use the width until an item
        opens. A narrow window shows it in place of the list (:mod:`copdesk.gui.onepane`)."""
        self.wished = visible
        self.browser.setVisible(visible)
        self.placed.emit()

    @property
    def wanted(self) -> str | None:
        """The item on its way to the pane, else the item shown (None: neither)."""
        return self._asked[0] if self._asked else self.current_item

    def visible(self) -> bool:
        """An item is in the pane (or on its way) and the pane is not hidden."""
        return not self.browser.isHidden() and (self._asked or self.current_item) is not None

    def interest(self) -> Interest:
        item = self._asked[0] if self._asked else self.current_item
        if item is None:
            return NONE
        kinds = PAGE_SHOWS.get(self.kind or "", (self.kind or "", *ITEM_SHOWS))
        return Interest.of(kinds, items=[item])

    def show_item(self, item_id: str, *, show_list: bool = False) -> None:
        """Render the item in the pane; ``show_list``: also list its kind beside it."""
        self._asked = (item_id, show_list)

        def done(page: dict[str, Any]) -> None:
            self._asked = None
            self.current_item, self.kind = page["id"], page["kind"]
            self.browser.set_page(page["html"], page["images"])
            self.set_visible(True)
            self.beside(page["kind"], page["id"], show_list)
            self.itemShown.emit(page["id"])

        self.loads.load("detail", community_page(item_id), done)  # a community: its own page

    def reload(self) -> None:
        """The item again (or the one on its way), fresh."""
        if self._asked is not None:
            self.show_item(self._asked[0], show_list=self._asked[1])
        elif self.current_item is not None:
            self.show_item(self.current_item)
