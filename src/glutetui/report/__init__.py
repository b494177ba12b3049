"""The clinician report (``glutetui report``): HTML or PDF, charts drawn by matplotlib.

An optional extra (``pip install 'glutetui[report]'``): nothing here is imported when the app or
any other command starts. :mod:`~glutetui.report.data` gathers the figures (every number comes
from :mod:`glutetui.figures` and :mod:`glutetui.stats`), :mod:`~glutetui.report.charts` draws
them, :mod:`~glutetui.report.html` and :mod:`~glutetui.report.pdf` lay them out.
"""
