"""Views of events, one module per feature: thin — permission on the object, parse the
form, call one service, render."""
