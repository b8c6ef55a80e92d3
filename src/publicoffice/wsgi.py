"""WSGI entry point for production servers (``publicoffice.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "publicoffice.settings")
application = get_wsgi_application()
