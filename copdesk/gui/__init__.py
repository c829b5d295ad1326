"""Everything Qt lives here (the desktop window arrives with the GUI issue)."""
