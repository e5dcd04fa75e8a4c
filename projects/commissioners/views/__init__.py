"""Pages of commissioners' work, by feature: thin views (permission on the object, parse the
form, call one service, render). ``directory``, ``desk``, ``offices``, ``dashboard``,
``records``, ``demands`` and ``whistles``."""
