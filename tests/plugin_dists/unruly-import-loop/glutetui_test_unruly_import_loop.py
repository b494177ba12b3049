"""A test plugin whose import never ends: an endless loop in Python."""

while True:
    pass
