"""The coach: pain zones, next-morning check-ins, progression ladders and dose suggestions.

Plain typed Python over the log and :mod:`glutetui.figures`; nothing here imports textual.
"""
