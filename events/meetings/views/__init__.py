"""Pages of matchmaking days: the participant's (profile, people, requests, agenda,
follow-up), the organizer's (slots and tables, requests, schedule) and the table staff's."""
