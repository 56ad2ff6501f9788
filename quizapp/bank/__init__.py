"""Domain services for materials and their question banks, shared by every area."""
