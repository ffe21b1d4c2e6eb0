"""Graph stage: extraction, resolution and storage of the knowledge graph."""
