"""Every assumption about mkdocs-material's markup, files and data formats, in one place."""
