"""Pages of the hometown programme, under ``/people/hometown/`` (namespace
``mentors:hometown``)."""
