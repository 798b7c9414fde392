"""The hours screen."""
