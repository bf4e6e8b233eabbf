from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "civicwatch.web"
    label = "web"
    verbose_name = "Civicwatch web interface"
