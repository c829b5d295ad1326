"""The interface language: translators, the user's locale for dates, the settings dialog.

Most users work in French; the interface is written in English and translated with
Qt Linguist (``copdesk/gui/i18n/copdesk_fr.ts``, built to ``.qm`` by ``make
translations``). Qt's own dialogs (file, print, message boxes) come with PySide6's
``qtbase_fr.qm``. The choice is stored in QSettings. Widgets take their texts when
they are built, so a change of language builds the window again in the new one, in
place (:meth:`copdesk.gui.mainwindow.MainWindow.switch_language`): no restart.

The module is named ``language`` (not ``i18n``) so it does not shadow the
``i18n/`` folder that holds the translation files.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTimeZone,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.settings import settings

SETTING = "ui/language"
CHOICES = ("system", "fr", "en")  # "system": French if the system is French, else English
TRANSLATED = ("fr",)  # languages with a copdesk_LANG.qm; English is the source text

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_catalogues: list[bytes] = []  # QTranslator.load(data) reads these bytes in place, never copies


def chosen() -> str:
    """The stored choice, ``system`` unless the user picked a language."""
    value = str(settings().value(SETTING, "system"))
    return value if value in CHOICES else "system"


def choose(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language {choice!r}")
    s = settings()
    s.setValue(SETTING, choice)
    s.sync()


def resolve(choice: str, system: QLocale | None = None) -> str:
    """``fr`` or ``en`` for a choice; the system default is French only on a French system."""
    if choice in ("fr", "en"):
        return choice
    system = system or QLocale.system()
    return "fr" if system.language() == QLocale.Language.French else "en"


def current() -> str:
    """The interface's language now: ``fr`` when it is French, else ``en``."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def ui_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers are written in: the system's, unless the interface
    language differs from it (then that language, keeping the system's country)."""
    system = system or QLocale.system()
    wanted = QLocale.Language.French if language == "fr" else QLocale.Language.English
    if system.language() == wanted:
        return system
    return QLocale(wanted, system.territory())


def translation_bytes(language: str) -> bytes | None:
    """The compiled copdesk catalogue for a language, read as package data (wheel or zip)."""
    path = resources.files("copdesk.gui").joinpath("i18n", f"copdesk_{language}.qm")
    try:
        return path.read_bytes()
    except OSError:
        return None


def install(app: QCoreApplication, choice: str | None = None) -> str:
    """Install the translators and the default locale for ``choice`` (default: the stored
    one); returns the interface language. Calling it again replaces the previous ones."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _catalogues.clear()
    language = resolve(chosen() if choice is None else choice)
    QLocale.setDefault(ui_locale(language))
    if language in TRANSLATED:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", qt_dir):  # Qt's own dialogs and buttons
            _installed.append(qt)
        data = translation_bytes(language)
        ours = QTranslator(app)
        if data and ours.load(data):
            _catalogues.append(data)
            _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
    return language


# -- dates in the user's locale (for every view) ------------------------------------------


def _parse(value: str | dt.date | dt.datetime) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def format_date(
    value: str | dt.date | dt.datetime | None,
    fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """A date (``2025-03-14``) in the user's locale: 14/03/2025 in France, 3/14/25 in the US.
    Unreadable text is returned as it is, so nothing is ever hidden."""
    parsed = _parse(value) if value is not None else None
    if parsed is None:
        return "" if value is None else str(value)
    day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


def format_datetime(
    value: str | dt.datetime | None,
    fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """A UTC time stamp (``updated_at``) in local time and in the user's locale."""
    parsed = _parse(value) if value is not None else None
    if not isinstance(parsed, dt.datetime):
        return (
            format_date(value, fmt) if parsed is not None else ("" if value is None else str(value))
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    utc = QDateTime.fromSecsSinceEpoch(int(parsed.timestamp()), QTimeZone.utc())
    return QLocale().toString(utc.toLocalTime(), fmt)


def format_local(value: str | None) -> str:
    """A local time written without a zone (a draft's ``saved_at``), in the user's locale."""
    parsed = _parse(value or "")
    if not isinstance(parsed, dt.datetime):
        return format_date(value) if value else ""
    local = QDateTime(
        QDate(parsed.year, parsed.month, parsed.day),
        QTime(parsed.hour, parsed.minute, parsed.second),
    )
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def shown_date(value: str, with_time: bool) -> str:
    """Dates and time stamps of a rendered item as the reader reads them
    (:data:`copdesk.render.Dates`): the locale's date, or local time for a stamp."""
    return format_datetime(value) if with_time else format_date(value)


# -- the settings dialog ------------------------------------------------------------------


class SettingsDialog(QDialog):
    """Preferences that belong to this computer's user, not to the workspace.

    ``languageChosen(choice)`` when OK changes the language: the window is then built
    again in it, at once (no restart)."""

    languageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        labels = {
            "system": self.tr("System default"),
            "fr": "Français",  # each language in its own name
            "en": "English",
        }
        for choice in CHOICES:
            self.language.addItem(labels[choice], choice)
        self.language.setCurrentIndex(CHOICES.index(chosen()))
        hint = QLabel(self.tr("The window changes to the new language at once."), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def accept(self) -> None:
        choice = str(self.language.currentData())
        changed = resolve(choice) != current()  # the language shown now
        choose(choice)
        super().accept()
        if changed:
            self.languageChosen.emit(choice)
