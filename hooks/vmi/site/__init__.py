"""Pages planned and rendered from content, and what one build knows (build state,
glossary, presenter notes, error overlay, QR codes)."""
