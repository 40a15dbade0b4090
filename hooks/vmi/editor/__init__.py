"""The form editor (Decap CMS) and editors' tools: its configuration, the JSON Schemas,
new content files, comments kept on rewrite, the publishing forge."""
