"""Open data: the catalogue (DCAT-AP-SE 3.0.1 as JSON-LD) and the datasets it lists.

Only what describes the offices or is already published in figures that
passed the disclosure rule is open data here: never a person's data.
"""
