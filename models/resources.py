"""One way to reach the files in ``resources/``, in a checkout, a wheel or a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

PACKAGE = "partner_desk_resources"

CJK_FONT_FILE = "fonts/wqy-microhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"


@cache
def root() -> Path:
    """The folder holding fonts/, translations/, icons/, sounds/ and styles/."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        candidate = Path(frozen_base) / PACKAGE
        if candidate.is_dir():
            return candidate
    try:
        found = resources.files(PACKAGE)
    except ModuleNotFoundError:
        found = None
    if found is not None:
        path = Path(str(found))
        if path.is_dir():
            return path
    # Plain checkout on sys.path without installation (e.g. ``python -m desktop``).
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("Partner Desk resources folder not found")


def path(relative: str) -> Path:
    """Absolute path of a resource file, e.g. ``path("fonts/wqy-microhei.ttc")``."""
    return root() / relative


def cjk_font_path() -> Path:
    return path(CJK_FONT_FILE)
