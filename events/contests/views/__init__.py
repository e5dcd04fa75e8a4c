"""Pages of contests: the team's (public page, entry, status), the judge's (queue, score
sheet), the organizer's (entries, judges, assignment, ranking, final, awards), the screen."""
