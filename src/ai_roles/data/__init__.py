"""The built-in catalog (``catalog.toml``), read by `ai_roles.load_catalog`."""
