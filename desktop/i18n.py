"""Languages: Simplified Chinese by default, English on request.

Source strings are English; ``resources/translations/partner_desk_zh_CN.qm`` holds
the Chinese for both the GUI and the messages raised by ``models`` (context
``models``).  Qt's own strings (standard buttons) come from Qt's translations.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from models import resources
from models.errors import UserError

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
MODELS_CONTEXT = "models"

_installed: list[QTranslator] = []

# Qt's own Chinese lacks these labels of its file dialog (their source text gained
# an accelerator); our translations fill the gap, Qt's are asked first.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def normalise_language(value: str | None) -> str:
    if not value:
        return DEFAULT_LANGUAGE
    text = value.replace("-", "_")
    if text.lower().startswith("zh"):
        return "zh_CN"
    if text.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language``; returns the language in effect."""
    language = normalise_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English,
            QLocale.Country.China if language == "zh_CN" else QLocale.Country.UnitedStates,
        )
    )
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resources.path(f"translations/partner_desk_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language


def model_text(text: str) -> str:
    """Translate a message template marked with ``N_`` in ``models``."""
    return QCoreApplication.translate(MODELS_CONTEXT, text)


def user_message(error: UserError) -> str:
    """The user-facing text of a ``models`` error, in the current language."""
    return error.render(model_text)
