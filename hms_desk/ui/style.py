"""The app's few colours and a focus ring everyone can see.

Qt's default focus indication on combo boxes and buttons is a faint dotted
line; keyboard users lose track of where they are.  ``FOCUS_STYLESHEET`` draws
a 2 px blue ring around the focused control.  ``COLOUR_PAIRS`` are the text /
background pairs the UI uses for states (errors, warnings, the privacy pause,
the offline badge); a test checks each against WCAG's 4.5:1 contrast.
"""

from __future__ import annotations

FOCUS = "#0b57d0"

FOCUS_STYLESHEET = f"""
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QSpinBox:focus,
QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, QTreeView:focus, QTableView:focus {{
    border: 2px solid {FOCUS};
    border-radius: 3px;
}}
QCheckBox:focus, QRadioButton:focus {{ color: {FOCUS}; text-decoration: underline; }}
QTabBar::tab:focus {{ text-decoration: underline; color: {FOCUS}; }}
"""

#: (what, text colour, background) as the widgets paint them.
COLOUR_PAIRS = (
    ("feiltekst", "#b00020", "#ffffff"),
    ("feiltekst på grått", "#b00020", "#efefef"),
    ("personvernpause / samtykke mangler", "#ffffff", "#b00020"),
    ("frakoblet-merke", "#ffffff", "#8a5a00"),
    ("samtykke registrert", "#1b5e20", "#ffffff"),
    ("navnevarsel", "#7a0010", "#fde7e9"),
    ("gjenoppta-linje", "#000000", "#fff4ce"),
    ("fokusring", FOCUS, "#efefef"),
)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)
