"""Rule-based extraction: a pure function from one article's text to plain records (kg.extract.model)."""
