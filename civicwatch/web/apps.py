from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "civicwatch.web"
    label = "web"
    verbose_name = "Civicwatch web interface"

    def ready(self) -> None:
        from django.utils.translation import pgettext

        from civicwatch.core.vocab import set_label_translator

        # Vocabulary labels appear on every page: show them in the reader's language.
        set_label_translator(pgettext)
