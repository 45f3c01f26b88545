"""The project's code: data, pages, config, renderers, link checker and `make check`."""
