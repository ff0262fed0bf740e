"""Forms: article submission and the review editor for incidents."""

from __future__ import annotations

from django import forms

from incidents.models import CODED_FIELDS, Incident, Weapon
from ingest.validators import validate_article_text, validate_no_control_characters, validate_published


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
    """Every field an editor may correct before publishing."""

    weapons = forms.MultipleChoiceField(choices=Weapon.choices, required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Incident
        fields = list(CODED_FIELDS)
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "time_of_day": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean_weapons(self) -> list[str]:
        return sorted(self.cleaned_data["weapons"])
