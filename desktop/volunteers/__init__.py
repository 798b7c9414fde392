"""The volunteers screen."""
