"""HTTP API stage (FastAPI): JSON under /v1 over the same functions as the CLI."""
