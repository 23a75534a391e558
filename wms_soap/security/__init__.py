"""Passwords, WS-Security UsernameToken, and the access policy (who may call what)."""
