"""Firms get suggested experts without posting a demand: an organisation's fields and
industry chain rank experts (with the hometown bonus in hometown programmes), and a county's
matchmaking list pairs its roster's experts with its firms through the pairing-plan solver,
each expert within their capacity. An accepted match lets the firm and the expert see each
other's contacts."""
