"""The kiosk screen."""
