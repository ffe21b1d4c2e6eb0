"""Writer stage: extraction results into the store, one atomic query per document."""
