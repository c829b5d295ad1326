"""The health dashboard of the site or of one community: charts with the numbers beside.

The figures come from ``ws.analytics.stats``, read on the worker (:func:`dashboard_job`,
a few milliseconds on the demo), so the view opens at once. Everything after that
works on the plain ``stats`` dict: the charts, the numbers, the stage panel, and the
exports (:func:`export_csv`, :func:`export_pdf`), which need no dialog and are tested
as functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.change import Interest
from copdesk.gui.flow import flow_bar
from copdesk.gui.forms import choice_label
from copdesk.gui.printing import _print, a4_layout
from copdesk.gui.theme import HIGHLIGHT_BG, HIGHLIGHT_FG, MUTED, is_dark
from copdesk.messages import localized
from copdesk.workspace import Workspace

Load = Callable[[str, Callable[[Workspace], Any], Callable[[Any], None]], None]
SPLIT_COLOURS = {"core": "#3b7dd8", "occasional": "#7fb0ea", "readers": "#c5ccd6"}
BAR_COLOUR = "#3b7dd8"
SITE_COLOUR = "#3c9a5f"

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def dashboard_job(community: str | None) -> Callable[[Workspace], dict[str, Any]]:
    """Worker job: the health figures of the site (None) or of a community, and the
    communities to choose from."""

    def job(ws: Workspace) -> dict[str, Any]:
        communities = sorted(
            ((c["id"], str(c.get("name") or "")) for c in ws.items.list("community")),
            key=lambda c: c[1].casefold(),
        )
        return {
            "stats": ws.analytics.stats(community),
            "communities": communities,
            "site": ws.site_name,
        }

    return job


# -- the figures as plain data -------------------------------------------------------


def figure_labels() -> dict[str, str]:
    """The figures shown beside the charts (and exported), in the interface language."""
    return {
        "members": translate("Dashboard", "Members"),
        "active_30": translate("Dashboard", "Active in the last 30 days"),
        "active_90": translate("Dashboard", "Active in the last 90 days"),
        "core": translate("Dashboard", "Core contributors (3+ in 90 days)"),
        "occasional": translate("Dashboard", "Occasional contributors"),
        "readers": translate("Dashboard", "Readers"),
        "contributions_30": translate("Dashboard", "Contributions in 30 days"),
        "open_questions": translate("Dashboard", "Open questions"),
        "median_hours_to_first_answer": translate(
            "Dashboard", "Median time to a first answer (hours)"
        ),
        "validation_backlog": translate("Dashboard", "Waiting for validation"),
        "past_review": translate("Dashboard", "Past their review date"),
        # counted apart: validated elsewhere by someone who is no validator here
        "validated_unrecognised": translate(
            "Dashboard", "Validated at another site, not recognised here"
        ),
    }


def figures(stats: Mapping[str, Any]) -> dict[str, Any]:
    """The figures of :func:`figure_labels`, from a ``stats`` dict (None: no value)."""
    split = stats.get("members_split") or {}
    out = {}
    for key in figure_labels():
        out[key] = split.get(key, 0) if key in ("core", "occasional", "readers") else stats.get(key)
    return out


def _value(value: Any) -> str:
    return "—" if value is None else str(value)


def scope_name(stats: Mapping[str, Any]) -> str:
    return stats.get("community_name") or translate("Dashboard", "Whole site")


def month_label(key: str) -> str:
    """``2026-03`` as a short month and year in the interface language: ``Mar 26``."""
    year, month = int(key[:4]), int(key[5:7])
    name = QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)
    return f"{name} {year % 100:02d}"


def export_csv(stats: Mapping[str, Any], path: str | Path) -> Path:
    """The figures, the contributions per month and the sites taking part, as CSV
    (metric, label, value), UTF-8 with a BOM so spreadsheets read the accents."""
    path = Path(path)
    labels = figure_labels()
    contributions = translate("Dashboard", "Contributions")
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow(["metric", "label", "value"])
        out.writerow(["scope", translate("Dashboard", "Scope"), scope_name(stats)])
        out.writerow(["today", translate("Dashboard", "Date"), stats.get("today", "")])
        if stats.get("stage"):
            out.writerow(["stage", translate("Dashboard", "Declared stage"), stats["stage"]])
            looks = stats["diagnosis"]["looks_like"]
            out.writerow(["diagnosis", translate("Dashboard", "Looks like"), looks])
        for key, value in figures(stats).items():
            out.writerow([key, labels[key], "" if value is None else value])
        for month, count in stats["contributions_per_month"].items():
            out.writerow([f"contributions:{month}", f"{contributions} {month}", count])
        for site, count in stats["sites_taking_part"].items():
            out.writerow([f"site:{site}", site, count])
    return path


def _bars(rows: list[tuple[str, int]], colour: str) -> str:
    """A bar chart as a table QTextDocument can lay out (cell widths in per cent)."""
    top = max((n for _, n in rows), default=0) or 1
    esc = html.escape
    out = []
    for label, n in rows:
        width = max(1, round(70 * n / top)) if n else 0
        bar = (
            f'<table cellspacing="0" cellpadding="0" width="{width}%"><tr>'
            f'<td bgcolor="{colour}">&nbsp;</td></tr></table>'
            if width
            else ""
        )
        out.append(
            f'<tr><td style="padding-right:10px">{esc(label)}</td>'
            f'<td align="right" style="padding-right:10px">{n}</td><td width="70%">{bar}</td></tr>'
        )
    return f'<table cellspacing="0" cellpadding="2" width="100%">{"".join(out)}</table>'


def report_html(stats: Mapping[str, Any], site: str = "") -> str:
    """The dashboard as an A4 report: figures, stage and guidance, months and sites."""
    esc = html.escape
    labels = figure_labels()
    title = translate("Dashboard", "Community health: %1").replace("%1", esc(scope_name(stats)))
    rows = "".join(
        f'<tr><td style="color:#555555; padding-right:14px">{esc(labels[k])}</td>'
        f"<td><b>{esc(_value(v))}</b></td></tr>"
        for k, v in figures(stats).items()
    )
    parts = [
        "<html><body style=\"font-family:'DejaVu Sans', Arial, sans-serif; font-size:11pt\">",
        f'<h1 style="font-size:20pt; margin:0 0 4px 0">{title}</h1>',
        f'<p style="color:#555555; margin:0 0 10px 0">{esc(site)} · {esc(stats["today"])}</p>',
        f'<table cellspacing="0" cellpadding="2">{rows}</table>',
    ]
    if stats.get("stage"):
        stage = esc(translate("Dashboard", "Stage"))
        parts.append(f"<h2 style='font-size:14pt'>{stage}</h2>")
        parts.append(stage_html(stats, for_print=True))
    months = [(month_label(k), n) for k, n in stats["contributions_per_month"].items()]
    heading = esc(translate("Dashboard", "Contributions per month"))
    parts.append(f"<h2 style='font-size:14pt'>{heading}</h2>{_bars(months, BAR_COLOUR)}")
    heading = esc(translate("Dashboard", "Sites taking part (contributions in 90 days)"))
    sites = list(stats["sites_taking_part"].items())
    none = esc(translate("Dashboard", "No contribution in 90 days."))
    parts.append(
        f"<h2 style='font-size:14pt'>{heading}</h2>"
        + (_bars(sites, SITE_COLOUR) if sites else f"<p>{none}</p>")
    )
    parts.append("</body></html>")
    return "".join(parts)


def stage_html(stats: Mapping[str, Any], for_print: bool = False) -> str:
    """Declared stage, the diagnosis (highlighted when the activity says otherwise) and
    the guidance for the stage."""
    esc = html.escape
    stage = stats["stage"]
    diagnosis = stats["diagnosis"]
    declared = translate("Dashboard", "Declared stage: %1").replace(
        "%1", f"<b>{esc(choice_label(stage))}</b>"
    )
    parts = [f"<p style='margin:0 0 4px 0'>{declared}</p>"]
    if diagnosis["looks_like"] != stage:
        looks = translate("Dashboard", "Diagnosis: looks like %1").replace(
            "%1", esc(choice_label(diagnosis["looks_like"]))
        )
        parts.append(
            f"<table cellspacing='0' cellpadding='6' width='100%'><tr>"
            f"<td bgcolor='{HIGHLIGHT_BG}' style='color:{HIGHLIGHT_FG}'>"
            f"<b>⚠ {looks}</b><br/>{esc(reason_text(diagnosis))}</td></tr></table>"
        )
    else:
        muted = "#555555" if for_print else MUTED
        text = translate("Dashboard", "Diagnosis: the activity matches the declared stage.")
        parts.append(f"<p style='color:{muted}; margin:0'>{esc(text)}</p>")
    guidance = "".join(f"<li>{esc(g)}</li>" for g in _guidance(stats))
    heading = esc(translate("Dashboard", "Guidance for the animator"))
    parts.append(f"<p style='margin:8px 0 0 0'><b>{heading}</b></p><ul>{guidance}</ul>")
    return "".join(parts)


def export_pdf(stats: Mapping[str, Any], path: str | Path, site: str = "") -> Path:
    """Write the dashboard report as an A4 PDF; no dialog."""
    path = Path(path)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(report_html(stats, site))
    writer = QPdfWriter(str(path))
    writer.setPageLayout(a4_layout())
    writer.setResolution(300)
    writer.setTitle(scope_name(stats))
    writer.setCreator("copdesk")
    _print(document, writer)
    del writer  # the file is complete once the writer is gone
    return path


# -- the view -------------------------------------------------------------------------


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight
    )
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().hide()
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(150)  # a 1366x768 screen at 150 % still holds the view
    return chart, view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class DashboardView(QWidget):
    """Scope on top with the exports; numbers on the left; three charts; the stage panel
    (declared stage, diagnosis, guidance) for a community."""

    # members, contributions, questions, validation and review figures
    SHOWS: ClassVar[Interest] = Interest.of(
        [
            "community",
            "person",
            "membership",
            "rex",
            "howto",
            "question",
            "answer",
            "comment",
            "mark",
            "rating",
        ]
    )

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self._load = load
        self.community: str | None = None
        self.stats: dict[str, Any] | None = None
        self.site = ""

        self.scope = QComboBox(self)
        self.scope.setObjectName("dashboardScope")
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.setMaximumWidth(360)
        self.scope.activated.connect(lambda _: self.show_scope(self.scope.currentData()))
        self.csv_button = QPushButton(self.tr("Export to CSV…"), self)
        self.csv_button.setObjectName("dashboardCsv")
        self.csv_button.clicked.connect(self.export_csv_dialog)
        self.pdf_button = QPushButton(self.tr("PDF report…"), self)
        self.pdf_button.setObjectName("dashboardPdf")
        self.pdf_button.clicked.connect(self.export_pdf_dialog)
        self.as_of = QLabel(self)
        self.as_of.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar = flow_bar(  # wraps on a narrow window
            self,
            (QLabel(self.tr("Scope"), self), self.scope),
            self.as_of,
            (self.csv_button, self.pdf_button),
        )

        # the numbers
        self.figure_labels: dict[str, QLabel] = {}
        numbers = QFrame(self)
        numbers.setObjectName("dashboardNumbers")
        numbers.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(numbers)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setVerticalSpacing(6)
        grid.setHorizontalSpacing(10)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        for row, (key, text) in enumerate(figure_labels().items()):
            name = QLabel(text, numbers)
            name.setWordWrap(True)
            value = QLabel("—", numbers)
            value.setObjectName(f"figure_{key}")
            value.setFont(big)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.figure_labels[key] = value
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.figure_labels), 1)
        numbers.setFixedWidth(290)

        # the charts
        self.months_chart, self.months_view = _chart(self.tr("Contributions per month"))
        self.members_chart, self.members_view = _chart(self.tr("Members by activity in 90 days"))
        self.members_chart.legend().show()
        self.members_chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.sites_chart, self.sites_view = _chart(self.tr("Sites taking part (90 days)"))
        self.months_set: QBarSet | None = None
        self.members_series: QPieSeries | None = None
        self.sites_set: QBarSet | None = None
        charts = QGridLayout()
        charts.setSpacing(6)
        charts.addWidget(self.months_view, 0, 0, 1, 2)
        charts.addWidget(self.members_view, 1, 0)
        charts.addWidget(self.sites_view, 1, 1)

        # the stage of a community
        self.stage = QLabel(self)
        self.stage.setObjectName("dashboardStage")
        self.stage.setWordWrap(True)
        self.stage.setTextFormat(Qt.TextFormat.RichText)
        self.stage.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stage.setFrameShape(QFrame.Shape.StyledPanel)
        self.stage.setContentsMargins(8, 6, 8, 6)
        self.stage.hide()

        body = QHBoxLayout()
        body.addWidget(numbers)
        body.addLayout(charts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.stage)

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, community: str | None = None) -> None:
        self.show_scope(community)

    def reload(self) -> None:
        self.show_scope(self.community)

    def show_scope(self, community: str | None) -> None:
        """The dashboard of the site (None) or of a community (id or name)."""
        self.community = community or None
        self._load("dashboard", dashboard_job(self.community), self._show)

    def _show(self, data: dict[str, Any]) -> None:
        stats = data["stats"]
        self.stats, self.site = stats, data.get("site") or ""
        self.community = stats["community"]
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Whole site"), None)
        for cid, name in data["communities"]:
            self.scope.addItem(name, cid)
        at = self.scope.findData(self.community)
        self.scope.setCurrentIndex(max(at, 0))
        self.scope.blockSignals(False)
        self.as_of.setText(self.tr("Figures of %1").replace("%1", stats["today"]))
        for key, value in figures(stats).items():
            self.figure_labels[key].setText(_value(value))
        self._months(stats["contributions_per_month"])
        self._members(stats["members_split"])
        self._sites(stats["sites_taking_part"])
        if stats.get("stage"):
            self.stage.setText(stage_html(stats))
            self.stage.show()
        else:
            self.stage.hide()

    def _months(self, months: Mapping[str, int]) -> None:
        chart = self.months_chart
        _clear(chart)
        bars = QBarSet(self.tr("Contributions"))
        bars.setColor(QColor(BAR_COLOUR))
        bars.append([float(n) for n in months.values()])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
        bars.setLabelColor(QColor("#ffffff"))
        chart.addSeries(series)
        x = QBarCategoryAxis()  # 12 months in a row: the month names are distinct
        x.append(
            [
                QLocale().standaloneMonthName(int(k[5:7]), QLocale.FormatType.ShortFormat)
                for k in months
            ]
        )
        keys = list(months)
        if keys:
            span = f"{month_label(keys[0])} – {month_label(keys[-1])}"
            chart.setTitle(self.tr("Contributions per month (%1)").replace("%1", span))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = QValueAxis()
        y.setLabelFormat("%d")
        y.setRange(0, max([*months.values(), 4]))
        y.applyNiceNumbers()
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        self.months_set = bars

    def _members(self, split: Mapping[str, int]) -> None:
        chart = self.members_chart
        _clear(chart)
        names = {
            "core": self.tr("Core"),
            "occasional": self.tr("Occasional"),
            "readers": self.tr("Readers"),
        }
        series = QPieSeries()
        series.setHoleSize(0.45)
        for key, label in names.items():
            pie = series.append(f"{label}: {split.get(key, 0)}", float(split.get(key, 0)))
            pie.setColor(QColor(SPLIT_COLOURS[key]))
        chart.addSeries(series)
        self.members_series = series

    def _sites(self, sites: Mapping[str, int]) -> None:
        chart = self.sites_chart
        _clear(chart)
        bars = QBarSet(self.tr("Contributions"))
        bars.setColor(QColor(SITE_COLOUR))
        names = list(reversed(sites))  # the most active on top
        bars.append([float(sites[s]) for s in names])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        bars.setLabelColor(QColor("#ffffff"))
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(names or [self.tr("none")])
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        x = QValueAxis()
        x.setLabelFormat("%d")
        x.setRange(0, max([*sites.values(), 4]))
        x.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        self.sites_set = bars

    # -- export -----------------------------------------------------------------------

    def _file_stem(self) -> str:
        name = self.stats.get("community_name") if self.stats else None
        stem = "".join(c if c.isalnum() else "-" for c in (name or "site")).strip("-")
        return f"health-{stem.lower()}-{dt.date.today().isoformat()}"

    def export_csv_dialog(self) -> None:
        if self.stats is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the dashboard figures"),
            f"{self._file_stem()}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            export_csv(self.stats, path)

    def export_pdf_dialog(self) -> None:
        if self.stats is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the health report"),
            f"{self._file_stem()}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            export_pdf(self.stats, path, self.site)


def reason_text(diagnosis: dict[str, Any]) -> str:
    """The diagnosis in the interface's language."""
    from copdesk.gui.forms import ui_language

    return localized(diagnosis, "reason", ui_language())


def _guidance(stats: dict[str, Any]) -> list[str]:
    from copdesk.gui.forms import ui_language

    return list(localized(stats, "guidance", ui_language()) if "guidance" in stats else [])
