from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "publicoffice.demo"
    label = "demo"
    verbose_name = "Demo network"
