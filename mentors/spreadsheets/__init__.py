"""Spreadsheet import of experts, mentees and organisations (.xlsx and .csv).

``columns`` defines the bilingual template, ``reading`` turns an upload into rows within
bounded work, ``planning`` validates them and matches existing profiles (the dry run),
``committing`` writes a plan without errors, and ``writing`` gives the empty template and a
profile's row in its columns (the directory exports of events/exports write those rows).
"""
