"""Arkivet för Sveriges DigitaliseringsKommun: data -> sidor, utan beroende av MkDocs."""
