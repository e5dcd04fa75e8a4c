from django.db import migrations


def organizers_to_team(apps, schema_editor):
    """Each member of an event's former organizer team becomes its co-organizer."""
    Event = apps.get_model("events", "Event")
    EventMember = apps.get_model("events", "EventMember")
    Through = Event.organizers.through
    EventMember.objects.bulk_create(
        [
            EventMember(event_id=row.event_id, user_id=row.user_id, role="co_organizer")
            for row in Through.objects.all()
        ],
        ignore_conflicts=True,
    )


def team_to_organizers(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    EventMember = apps.get_model("events", "EventMember")
    Through = Event.organizers.through
    Through.objects.bulk_create(
        [
            Through(event_id=row.event_id, user_id=row.user_id)
            for row in EventMember.objects.filter(role="co_organizer")
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0009_event_office_and_team")]

    operations = [migrations.RunPython(organizers_to_team, team_to_organizers)]
