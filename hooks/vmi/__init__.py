"""Content layer of the site: read, validate and type the files under ``content/``.

Nothing here imports MkDocs: the hooks next to this package are the only glue, so the
same checks run from ``make check`` and from a build.
"""
