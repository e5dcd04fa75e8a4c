"""Input validation of the boards, by feature: ``postings``, ``claims``, ``landings``,
``boards`` (the filters) and ``uploads``. Every form is a ``PortalForm``/``PortalModelForm``."""
