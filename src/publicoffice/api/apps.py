from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "publicoffice.api"
    label = "api"
    verbose_name = "API"
