"""State transitions of matchmaking days, one module per part: profiles (opt in,
availability), requests (send, accept, decline, cancel), day (slots, tables), schedule (run,
move, lock, late placement, no-shows) and follow-ups. Each function is transactional, writes
the audit trail and raises :class:`~events.services.EventError` with a message for the user."""
