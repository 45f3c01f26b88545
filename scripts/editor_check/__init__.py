"""The editor's fast loop behind `make check`: every problem as `file:line: message`."""
