"""Forms of the web interface."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from civicwatch.core.vocab import Sensitivity, choices
from civicwatch.web.queries import DocumentFilters, ReviewProgress

#: What the review-progress filter offers, worded for monitors.
REVIEW_PROGRESS_CHOICES = [
    ("", _("Any review progress")),
    (ReviewProgress.WAITING, _("Findings waiting for review")),
    (ReviewProgress.REVIEWED, _("All findings reviewed")),
    (ReviewProgress.NONE, _("No findings")),
]


class DocumentFilterForm(forms.Form):
    """The search box and filters above the document list (read from GET)."""

    q = forms.CharField(
        label=_("Search title, publisher and text"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "spellcheck": "false",
                "placeholder": _("e.g. Astana court"),
            }
        ),
    )
    publisher = forms.ChoiceField(label=_("Publisher"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    published_from = forms.DateField(
        label=_("Published from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    published_to = forms.DateField(
        label=_("Published until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    progress = forms.ChoiceField(
        label=_("Review progress"), required=False, choices=REVIEW_PROGRESS_CHOICES
    )
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"),
        required=False,
        # callables, so that the labels are read in the reader's language for each form
        choices=lambda: [("", _("Any sensitivity")), *choices(Sensitivity)],
    )

    def __init__(
        self,
        data: Any = None,
        *,
        publishers: list[str],
        countries: list[tuple[str, str]] | None = None,
        languages: list[tuple[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self._set_choices("publisher", _("Any publisher"), [(p, p) for p in publishers])
        self._set_choices("country", _("Any country"), countries or [])
        self._set_choices("language", _("Any language"), languages or [])

    def _set_choices(self, name: str, anything: Any, options: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", anything), *options]

    def filters(self) -> DocumentFilters:
        """The valid part of what was submitted; an invalid value means "no filter"."""
        self.is_valid()
        data = self.cleaned_data
        return DocumentFilters(
            q=(data.get("q") or "").strip(),
            publisher=data.get("publisher") or "",
            sensitivity=data.get("sensitivity") or "",
            country=data.get("country") or "",
            language=data.get("language") or "",
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
            progress=data.get("progress") or "",
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type="file" multiple>``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(each, initial) for each in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    """Reports to upload, with who may see them and, optionally, who published them."""

    reports = MultipleFileField(
        label=_("Files"),
        help_text=_("One or more reports: PDF, Word (.docx), web pages (.html), text (.txt, .md)."),
        widget=MultipleFileInput(
            attrs={"accept": ".pdf,.docx,.html,.htm,.txt,.md,.markdown", "multiple": True}
        ),
    )
    sensitivity = forms.ChoiceField(
        label=_("Who may see them"),
        choices=lambda: choices(Sensitivity),
        initial=Sensitivity.INTERNAL.value,
        help_text=_("Viewers never see confidential documents."),
    )
    publisher = forms.CharField(
        label=_("Publisher"),
        required=False,
        max_length=300,
        help_text=_(
            "Leave empty to take it from each document (an \u201cIssued by\u201d line or the "
            "file\u2019s details)."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SignInForm(AuthenticationForm):
    """Django's login form, with labels written without a trailing colon."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
