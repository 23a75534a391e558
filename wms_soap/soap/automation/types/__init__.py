"""The Automation API's contract types, by area; ``contract.py`` ties them to the 45 operations."""
