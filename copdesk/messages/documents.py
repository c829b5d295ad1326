"""What could not be read of a document's file (:mod:`copdesk.documents`), and where a
search hit was found in it (a page, a sheet's cell, a heading)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "extract.scanned": (
        "scanned PDF: no text layer, {pages} {pages:plural(page|pages)}",
        "PDF numérisé : pas de couche texte, {pages} {pages:plural(page|pages)}",
    ),
    "extract.encrypted": (
        "encrypted PDF: its text cannot be read without its password",
        "PDF chiffré : son texte ne peut pas être lu sans son mot de passe",
    ),
    "extract.damaged": (
        "damaged {format} file: its text could not be read",
        "fichier {format} endommagé : son texte n'a pas pu être lu",
    ),
    "extract.pages_damaged": (
        "{damaged} of {pages} pages could not be read",
        "{damaged} pages sur {pages} n'ont pas pu être lues",
    ),
    "extract.pages_capped": (
        "only the first {read} of {pages} pages were read",
        "seules les {read} premières pages sur {pages} ont été lues",
    ),
    "extract.cells_capped": (
        "only the first {cells} cells were read",
        "seules les {cells} premières cellules ont été lues",
    ),
    "extract.text_capped": (
        "text cut after {chars} characters",
        "texte coupé après {chars} caractères",
    ),
    "extract.bomb": (
        "{format} file that expands {ratio}× ({mb} MB) when unpacked: not read",
        "fichier {format} qui se décompresse {ratio} fois ({mb} Mo) : non lu",
    ),
    "extract.zip_entries": (
        "compressed file of {entries} parts: not read",
        "fichier compressé de {entries} parties : non lu",
    ),
    "extract.timeout": (
        "reading took more than {seconds} s: stopped, nothing was read",
        "la lecture a pris plus de {seconds} s : arrêtée, rien n'a été lu",
    ),
    "extract.memory": (
        "reading needed too much memory: stopped, nothing was read",
        "la lecture demandait trop de mémoire : arrêtée, rien n'a été lu",
    ),
    "extract.crashed": (
        "the reader stopped on this file: nothing was read",
        "le lecteur s'est arrêté sur ce fichier : rien n'a été lu",
    ),
    "extract.empty_file": ("empty file (0 bytes)", "fichier vide (0 octet)"),
    "extract.no_text": ("no text in this file", "aucun texte dans ce fichier"),
    "extract.not_text": (
        "no text to read in this kind of file",
        "pas de texte à lire dans ce type de fichier",
    ),
    "extract.mismatch": (
        "named {claimed} but is a {actual} file: read as {actual}",
        "nommé {claimed} mais c'est un fichier {actual} : lu comme {actual}",
    ),
    "extract.missing": (
        "the file is not on this site (yet)",
        "le fichier n'est pas (encore) sur ce site",
    ),
    "extract.pending": ("not read yet", "pas encore lu"),
    # where a search hit is in a file
    "place.page": ("page {page}", "page {page}"),
    "place.cell": ("sheet “{sheet}”, cell {cell}", "feuille « {sheet} », cellule {cell}"),
    "place.row": ("sheet “{sheet}”, row {row}", "feuille « {sheet} », ligne {row}"),
    "place.heading": ("section “{heading}”", "section « {heading} »"),
    "place.line": ("line {line}", "ligne {line}"),
    "place.start": ("beginning", "début"),
}
