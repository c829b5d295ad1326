"""First run: no workspace yet. Ask only what `init` needs, and offer the demo."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
    QWizardPage,
)


class FirstRunWizard(QWizard):
    """Site name and language (both needed to create the site identity), demo or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to copdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)

        page = QWizardPage(self)
        page.setTitle(self.tr("Create the workspace of this site"))
        page.setSubTitle(
            self.tr(
                "copdesk keeps your experience reports, know-how sheets and skills on this "
                "computer. Other sites will know this one by its name."
            )
        )
        self.site = QLineEdit(page)
        self.site.setPlaceholderText(self.tr("e.g. Usine de Lyon"))
        self.language = QComboBox(page)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        french = QLocale.system().language() == QLocale.Language.French
        self.language.setCurrentIndex(0 if french else 1)
        self.demo = QCheckBox(self.tr("Load the demo content (a few communities and reports)"))
        self.demo.setChecked(True)
        hint = QLabel(
            self.tr(
                "You can change the site name later; the language is the default for new items."
            ),
            page,
        )
        hint.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Site name:"), self.site)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.demo)
        form.addRow("", hint)
        page.registerField("site*", self.site)  # Finish stays disabled until a name is given
        self.addPage(page)

    def values(self) -> tuple[str, str, bool]:
        """(site, language, load the demo)."""
        return self.site.text().strip(), str(self.language.currentData()), self.demo.isChecked()
