"""Icons and other static files, installed as the package ``copdesk.resources``."""
