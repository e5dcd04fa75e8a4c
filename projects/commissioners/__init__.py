"""Technology commissioners (科技专员) serving firms, as one feature package of the boards.

An office keeps a pool of commissioners — members with the commissioner role, linked to their
expert profile — and **dispatches** them to firms (by hand, from the matching engine's
suggestions, or at a firm's request). A commissioner logs **service records** that the firm
confirms or disputes, distils a firm's needs into **demand drafts** that the firm submits to
the demand board in one step, and answers **whistle requests** (项目吹哨、专员报到) within the
deadlines the office sets; overdue requests escalate to the office's managers.

Layers, as everywhere: ``models``, ``rules``, ``queries``, ``dashboard`` (the office's
figures and their export), ``suggestions`` (rows → matching engine), ``services`` (one
function per transition, audited), ``forms``, ``views``, ``tasks``, ``urls`` and ``demo``.
"""
