"""Kept for older imports: the settings live in :mod:`graph.settings`, where the core may import them."""

from graph.settings import MB, PROJECT_ROOT, Settings, SettingsError, get_settings

__all__ = ["MB", "PROJECT_ROOT", "Settings", "SettingsError", "get_settings"]
