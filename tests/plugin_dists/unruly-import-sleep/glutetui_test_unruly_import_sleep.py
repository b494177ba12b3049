"""A test plugin whose import waits an hour (in C, inside time.sleep)."""

import time

time.sleep(3600)
