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
on_files  # scripts/preflight.py
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
# MkDocs calls hooks by name, passing each argument by keyword.
on_pre_page_macros  # scripts/macros.py (mkdocs-macros-plugin hook)
on_pre_build  # scripts/output_hook.py
on_page_content  # scripts/output_hook.py
on_post_page  # scripts/output_hook.py
on_post_template  # scripts/output_hook.py
on_post_build  # scripts/output_hook.py
dirty  # scripts/output_hook.py: on_startup's argument, passed by name
# http.server and socketserver read these by name.
_.do_HEAD  # scripts/preview.py
_.address_family  # scripts/preview.py
_.daemon_threads  # scripts/preview.py
_.RequestHandlerClass  # scripts/preview_server.py
exc  # scripts/preview.py: __exit__'s arguments, which the with statement passes
# pydantic fields: the data files carry them and the schema checks them.
_.downsides  # scripts/data/models.py
_.examples  # scripts/data/models.py
_.advice  # scripts/data/models.py
# Pages call these macros by name; define_env registers each name in PUBLIC_MACROS.
_.licence_status  # scripts/render/api.py
# Tests that count how often a cached step runs call this to start from nothing.
forget  # scripts/data/once.py
