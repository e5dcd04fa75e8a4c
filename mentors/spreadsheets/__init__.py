"""The spreadsheet import pipeline (.xlsx and .csv), and its use for experts, mentees and
organisations.

Generic, for every import: ``reading`` turns an upload into rows within bounded work,
``rows`` holds the dry run's plan and row-by-row report, locates the template's columns,
cleans cells and runs the row loop (empty rows, merged cells, duplicates in the file),
``writing.workbook_template`` writes a bilingual template, ``storage`` keeps an upload
between its dry run and its commit. Projects and demands plug their columns and commit in
from ``projects/spreadsheets.py`` and ``projects/services/imports.py``.

People: ``columns`` defines their templates, ``planning`` validates rows and matches existing
profiles, ``committing`` writes a plan without errors, and ``writing`` gives the empty template
and a profile's row in its columns (the directory exports of events/exports write those rows).
"""
