"""makemessages that files each app's templates into that app's own catalog."""

from pathlib import Path

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """Route strings of ``templates/<app>/`` to ``<app>/locale/`` when that folder exists.

    Django already files ``<app>/*.py`` there; with templates beside them, each app owns one
    complete catalog and the root ``locale/`` keeps the base layout and accounts.
    """

    def find_files(self, root):
        files = super().find_files(root)
        base = Path(root).resolve()
        for translatable in files:
            parts = Path(translatable.dirpath).resolve().relative_to(base).parts
            if len(parts) >= 2 and parts[0] == "templates":
                app_locale = base / parts[1] / "locale"
                if app_locale.is_dir():
                    translatable.locale_dir = str(app_locale)
        return files
