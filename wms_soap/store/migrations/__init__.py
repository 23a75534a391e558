"""Alembic migrations of the wms-soap schema (a package so that setuptools ships them)."""
