"""glutetui's screens, one per module; imported lazily by the app."""
