"""What the page tests of events share: the roles and the expected status per kind of page."""

from django.test import Client

ROLES = ["anonymous", "visitor", "other_organizer", "organizer", "admin"]
PUBLIC = dict.fromkeys(ROLES, 200)
LOGGED_IN = {
    "anonymous": 302,
    "visitor": 200,
    "other_organizer": 200,
    "organizer": 200,
    "admin": 200,
}
TEAM = {"anonymous": 302, "visitor": 404, "other_organizer": 404, "organizer": 200, "admin": 200}
CREATORS = {
    "anonymous": 302,
    "visitor": 404,
    "other_organizer": 200,
    "organizer": 200,
    "admin": 200,
}
OWNER = {"anonymous": 302, "visitor": 200, "other_organizer": 404, "organizer": 200, "admin": 200}


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
