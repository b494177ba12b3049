"""A test plugin that ends the whole process when imported, skipping every cleanup."""

import os

os._exit(7)
