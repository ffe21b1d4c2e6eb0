FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY innspill innspill
COPY loaders loaders
COPY graph graph
COPY api api
COPY data data
RUN pip install --no-cache-dir -e .
ENV INNSPILL_GRAPH=neo4j://neo4j:7687
EXPOSE 8000
CMD ["sh", "-c", "innspill ingest data/corpus && innspill serve --host 0.0.0.0 --port 8000"]
