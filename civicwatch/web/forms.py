"""Forms of the web interface."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from civicwatch.core.vocab import Sensitivity, choices
from civicwatch.web.queries import DocumentFilters


class DocumentFilterForm(forms.Form):
    """The search box and filters above the document list (read from GET)."""

    q = forms.CharField(
        label="Search title, publisher and text",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "spellcheck": "false",
                "placeholder": "e.g. Astana court",
            }
        ),
    )
    publisher = forms.ChoiceField(label="Publisher", required=False)
    sensitivity = forms.ChoiceField(
        label="Sensitivity",
        required=False,
        choices=[("", "Any sensitivity"), *choices(Sensitivity)],
    )

    def __init__(self, data: Any = None, *, publishers: list[str], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        publisher_field = self.fields["publisher"]
        assert isinstance(publisher_field, forms.ChoiceField)
        publisher_field.choices = [("", "Any publisher"), *((p, p) for p in publishers)]

    def filters(self) -> DocumentFilters:
        """The valid part of what was submitted; an invalid value means "no filter"."""
        self.is_valid()
        data = self.cleaned_data
        return DocumentFilters(
            q=(data.get("q") or "").strip(),
            publisher=data.get("publisher") or "",
            sensitivity=data.get("sensitivity") or "",
        )


class SignInForm(AuthenticationForm):
    """Django's login form, with labels written without a trailing colon."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
