"""Matchmaking days (对接会): one-to-one meetings requested, accepted and scheduled.

Registered attendees of a matchmaking day opt in with a short profile (what they offer and
seek, their postings) and see suggested people to meet. A **request** with a message is
accepted or declined by the other side; contacts stay hidden until acceptance. The organizer
defines the day's **slots** and **tables**; participants mark slots they cannot attend; the
**scheduler** (``scheduling``, plain Python) places accepted requests globally, and the
organizer moves or locks meetings and re-runs it. Each participant reads an **agenda** (page,
print, ``.ics``); table staff mark **no-shows**; **follow-ups** after the day, 3 and 6 months
feed the event's figures.

Layers as everywhere: ``models``, ``rules``, ``queries``, ``scheduling`` (no Django),
``services`` (one function per transition, audited), ``forms``, ``views``, ``urls``, ``demo``
lives in ``events/demo/meetings.py``.
"""
