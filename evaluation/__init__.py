"""`make eval`: the pipeline on labelled corpora, scored against their gold labels."""
