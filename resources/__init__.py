"""Data files of Partner Desk (fonts, translations, icons, sounds, styles).

Installed as the package ``partner_desk_resources`` so ``importlib.resources``
finds them in a checkout (editable install), an installed wheel and a frozen build.
"""
