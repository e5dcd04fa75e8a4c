"""The languages experts speak: the codes profiles store, and their names in the UI language."""

from django.utils.translation import get_language_info, pgettext
from django.utils.translation import gettext_lazy as _

NAMES = {
    "zh": _("Chinese"),
    "en": _("English"),
    "ja": _("Japanese"),
    "ko": _("Korean"),
    "de": _("German"),
    "fr": _("French"),
    "ru": _("Russian"),
    "es": _("Spanish"),
    "th": _("Thai"),
    "sv": _("Swedish"),
    "nan": _("Minnan"),
    "yue": _("Cantonese"),
}


def language_name(code: str) -> str:
    """A language's name in the active language; Django's list names the rarer ones, and a
    code nobody knows is shown as it is."""
    if code in NAMES:
        return str(NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_names(codes: str) -> str:
    """Space-separated language codes (“zh en th”) as names: “Chinese, English, Thai”."""
    return pgettext("list separator", ", ").join(language_name(code) for code in codes.split())
