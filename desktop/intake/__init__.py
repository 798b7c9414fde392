"""The intake screen."""
