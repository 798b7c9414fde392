"""The activities screen."""
