"""Spreadsheet import and export of experts, mentees and organisations (.xlsx and .csv).

``columns`` defines the bilingual template, ``reading`` turns an upload into rows,
``planning`` validates them and matches existing profiles (the dry run), ``committing``
writes a plan without errors, and ``writing`` exports the same columns.
"""
