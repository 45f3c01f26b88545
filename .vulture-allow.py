# Names vulture (make lint's python step) cannot see being used, each with the reason it is.
# vulture reads this file as code that "uses" each name; nothing imports or runs it.
# ruff: noqa
# Regenerate the candidates with `.venv/bin/vulture scripts --make-whitelist`.

# pydantic reads `model_config` from the class body to configure validation.
model_config  # scripts/data/models.py, scripts/pages/frontmatter.py
# pydantic calls validators registered with @field_validator.
_._visible  # scripts/data/models.py
# Table cells read these fields by name (getattr) through scripts/render/specs.py.
success_rate  # scripts/data/models.py (conditions table)
frequency  # scripts/data/models.py (comparison table)
lasts  # scripts/data/models.py (risks table)
criterion  # scripts/data/models.py (candidacy table)
# A field of facts.yml for editors only: declared so the strict schema accepts it.
about  # scripts/data/models.py (FactRow)
# mkdocs-macros calls `define_env` of the module that mkdocs.yml's module_name names.
define_env  # scripts/macros.py
# MkDocs calls `on_config` of the hook files that mkdocs.yml's hooks list.
on_config  # scripts/preflight.py
# watchdog calls `on_any_event` of an event handler for every file change.
_.on_any_event  # scripts/preview.py
# http.server calls `log_message` for every request; the override keeps the log quiet.
_.log_message  # scripts/prpreview/shots.py
# Pages call these macros by name; define_env registers each name in PUBLIC_MACROS.
_.chart  # scripts/render/api.py
_.xref  # scripts/render/api.py
_.cite  # scripts/render/api.py
_.crisis_help  # scripts/render/api.py
_.page_sources  # scripts/render/api.py
