"""A test plugin that fails to import: glutetui must report it and carry on."""

raise RuntimeError("this test plugin fails at import on purpose")
