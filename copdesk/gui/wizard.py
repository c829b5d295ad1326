"""First run: no workspace yet. Ask what `init` needs, offer the demo, and who you are.

New reports, comments and ratings are signed by the person writing, so the wizard
asks who is at this computer: a new person (the first person of a site becomes its
administrator, who may rename the site later) or, with the demo content, one of its
people. The site name can be changed later (Edit ▸ Rename this site).
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class FirstRun:
    """What the wizard asked: the site, its language, the demo, and who is writing."""

    site: str
    language: str
    demo: bool
    person: str  # a name: new, or one of the demo's people
    job_title: str = ""


def demo_people() -> list[str]:
    """The names of the demo's people (one of them may be the person writing)."""
    from copdesk.demo import content

    return sorted((p["name"] for p in content().get("people", [])), key=str.casefold)


class _PersonPage(QWizardPage):
    """Who is writing: a name typed, or picked among the demo's people."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Who are you?"))
        self.setSubTitle(
            self.tr(
                "What you write here is signed with your name. The first person of a site "
                "administers it; on a shared computer, others switch in the status bar."
            )
        )
        self.person = QComboBox(self)
        self.person.setObjectName("wizardPerson")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.lineEdit().setPlaceholderText(self.tr("Your first and last name"))
        self.person.setAccessibleName(self.tr("Your name"))
        self.job = QLineEdit(self)
        self.job.setObjectName("wizardJob")
        self.job.setPlaceholderText(self.tr("e.g. Maintenance technician"))
        self.job.setAccessibleName(self.tr("Job title"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Your name:"), self.person)
        form.addRow(self.tr("Job title (optional):"), self.job)
        form.addRow("", self.hint)
        self.person.editTextChanged.connect(lambda _: self.completeChanged.emit())

    def initializePage(self) -> None:
        typed = self.person.currentText()
        self.person.clear()
        demo = self.wizard_.demo.isChecked()
        if demo:
            self.person.addItems(demo_people())
            self.hint.setText(
                self.tr("Pick one of the demo's people to try it as them, or type your name.")
            )
        else:
            self.hint.setText(self.tr("You can add the other people of the site later."))
        self.person.setEditText(typed)

    def isComplete(self) -> bool:
        return bool(self.person.currentText().strip())


class FirstRunWizard(QWizard):
    """Site name and language (both needed to create the site identity), demo or not,
    and who is at this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
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
        self.site.setObjectName("wizardSite")
        self.site.setPlaceholderText(self.tr("e.g. Usine de Lyon"))
        self.language = QComboBox(page)
        self.language.setObjectName("wizardLanguage")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        french = QLocale.system().language() == QLocale.Language.French
        self.language.setCurrentIndex(0 if french else 1)
        self.demo = QCheckBox(self.tr("Load the demo content (a few communities and reports)"))
        self.demo.setChecked(True)
        hint = QLabel(
            self.tr(
                "You can rename the site later (Edit ▸ Rename this site); the language is "
                "the default for new items."
            ),
            page,
        )
        hint.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Site name:"), self.site)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.demo)
        form.addRow("", hint)
        page.registerField("site*", self.site)  # Next stays disabled until a name is given
        self.addPage(page)
        self.person_page = _PersonPage(self)
        self.addPage(self.person_page)

    def values(self) -> FirstRun:
        """What was asked (the person: "" when the wizard was ended before that page)."""
        return FirstRun(
            self.site.text().strip(),
            str(self.language.currentData()),
            self.demo.isChecked(),
            " ".join(self.person_page.person.currentText().split()),
            self.person_page.job.text().strip(),
        )
