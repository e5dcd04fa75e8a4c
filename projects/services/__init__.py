"""State transitions of the boards, one function per transition, by feature: ``postings``,
``claims``, ``attachments``, ``landings``, ``deadlines``, ``suggestions`` (what users do with
suggestions) and ``recompute`` (the stored lists). Each is transactional and writes the audit
trail (``talentbridge.services.log_action``) in the same transaction."""
