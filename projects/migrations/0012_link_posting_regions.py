"""Point postings' and landings' written places at the region tree; report what does not
resolve (the text stays as written)."""

from django.db import migrations

from mentors.regions import link_written_places as link_model


def link_regions(apps, schema_editor):
    divisions = dict(apps.get_model("talentbridge", "Region").objects.values_list("code", "pk"))
    for name in ("Challenge", "Project"):
        link_model(apps.get_model("projects", name), divisions)
    link_model(
        apps.get_model("projects", "Landing"),
        divisions,
        parts=("province", "city", "county", "town", "village"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0011_region_tree_links"),
        ("mentors", "0007_link_profile_regions"),
    ]

    operations = [migrations.RunPython(link_regions, migrations.RunPython.noop)]
