"""Point every profile's written place at the region tree; report what does not resolve.

The text stays as written; a row whose text names no division (or several) keeps an empty
``region`` and is still found by its text.
"""

from django.db import migrations

from mentors.regions import link_written_places


def link_regions(apps, schema_editor, models=("Mentor", "Mentee", "Organization")):
    divisions = dict(apps.get_model("talentbridge", "Region").objects.values_list("code", "pk"))
    for model_name in models:
        model = apps.get_model("mentors", model_name)
        link_written_places(
            model, divisions, extra=("current_city",) if model_name == "Mentor" else ()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0006_region_tree_links"),
        ("talentbridge", "0005_load_regions"),
    ]

    operations = [migrations.RunPython(link_regions, migrations.RunPython.noop)]
