"""The bundled synthetic sample: `generate.py` writes records.jsonl, screens/ and planted_pii.json."""
