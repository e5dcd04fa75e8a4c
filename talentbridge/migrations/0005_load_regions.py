"""Load China's administrative divisions (provinces to towns) from the shipped code list."""

from django.db import migrations

from talentbridge.regions.load import load_regions


def load(apps, schema_editor):
    load_regions(apps.get_model("talentbridge", "Region"))


def unload(apps, schema_editor):
    Region = apps.get_model("talentbridge", "Region")
    for level in (4, 3, 2, 1):
        Region.objects.filter(level=level).delete()


class Migration(migrations.Migration):
    dependencies = [("talentbridge", "0004_regions_and_certificates")]

    operations = [migrations.RunPython(load, unload)]
