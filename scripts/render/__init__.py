"""Pure renderers: validated records in, escaped HTML or Markdown out. No I/O."""
