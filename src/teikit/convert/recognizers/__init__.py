"""Recognizers: each finds one kind of structure by general pattern, never by name.

Every recognizer is a small pure function over block text or a run of text, so
it can be tested on a fragment and reused on any corpus (the FRUS-derived
evaluation runs them on documents none of the seeds resemble).
"""
