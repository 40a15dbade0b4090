"""The built HTML files as written to disk: Content-Security-Policy, minification, trimmed theme files."""
