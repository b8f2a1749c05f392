"""Generated evaluation corpus: records written by templates the detectors were not written against.

Families of templates (templates_dev/, templates_test/, and later others) share the plumbing here
(Faker values, template filling with gold spans, record building, browser rendering) and nothing
else: each has its own templates, screen layouts and seed. See evaluation/GENERATED.md.
"""
