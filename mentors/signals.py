"""Signals other apps may listen to, so that this app never imports them."""

from django.dispatch import Signal

# Sent once after a spreadsheet import commits, with ``kind`` ("mentors", "mentees" or
# "organizations") and ``ids`` (the primary keys created or updated). Imports write with bulk
# queries, which send no post_save per row; listeners (match suggestions…) react here.
people_imported = Signal()
