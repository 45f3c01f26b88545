"""The pull-request preview: the pages a change reaches, their screenshots, the job summary."""
