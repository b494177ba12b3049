"""Small reusable widgets for glutetui's screens."""
