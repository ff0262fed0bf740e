"""Forms: article submission and the review editor for incidents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from incidents.editing import validate_incident_date
from incidents.models import CODED_FIELDS, Incident, Weapon
from ingest.validators import (
    validate_article_text,
    validate_no_control_characters,
    validate_published,
)


class ArticleForm(forms.Form):
    """An editor's submission; also validates each line of a bulk import.

    A plain form, not a ModelForm: a duplicate is not a validation error here, the service
    sends the editor to the existing article instead.
    """

    text = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        validators=[validate_article_text],
        error_messages={"required": "The article text is required."},
    )
    published = forms.DateField(
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_published],
        help_text="What 'on Tuesday' in the text is read against.",
    )
    title = forms.CharField(max_length=500, required=False, validators=[validate_no_control_characters])
    url = forms.URLField(
        label="URL", max_length=2000, required=False, assume_scheme="https", validators=[validate_no_control_characters]
    )
    outlet = forms.CharField(max_length=200, required=False, validators=[validate_no_control_characters])


class IncidentReviewForm(forms.ModelForm):
    """Every field an editor may correct before publishing, and the version of the incident they saw.

    The date is checked like a submission's publication date (not in the future, not before
    1990) and may not fall after the publication of an article that reports the attack.
    """

    weapons = forms.MultipleChoiceField(choices=Weapon.choices, required=False, widget=forms.CheckboxSelectMultiple)
    version = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    class Meta:
        model = Incident
        fields = list(CODED_FIELDS)
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "time_of_day": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean_weapons(self) -> list[str]:
        return sorted(self.cleaned_data["weapons"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean_date(self) -> dt.date:
        date: dt.date = self.cleaned_data["date"]
        validate_incident_date(self.instance, date)
        return date

    @property
    def coded_changes(self) -> list[str]:
        """The incident's fields the editor changed (the version field aside)."""
        return [name for name in self.changed_data if name in CODED_FIELDS]
