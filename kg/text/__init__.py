"""Text handling: normalisation, article layout (metadata, boilerplate, sentences)."""
