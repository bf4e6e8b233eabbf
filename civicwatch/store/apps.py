from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "civicwatch.store"
    label = "store"
    verbose_name = "Civicwatch records"
    default_auto_field = "django.db.models.BigAutoField"
