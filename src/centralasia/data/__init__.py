"""The bundled article data, one JSON file per collection."""
