"""Pages of the boards, by feature: thin views (permission, parse the form, call one service,
render). ``boards``, ``postings``, ``claims``, ``landings``, ``attachments``, ``suggestions``,
``for_you`` and ``recompute``."""
