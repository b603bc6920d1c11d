"""Importers that turn other quiz formats into our Pack model."""
