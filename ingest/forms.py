"""Forms: article submission and the review editor for incidents."""

from __future__ import annotations

from typing import Any

from django import forms

from incidents.models import Incident, Weapon
from ingest.models import Article
from ingest.validators import validate_article_text, validate_no_control_characters, validate_published


class ArticleForm(forms.ModelForm):
    """An editor's submission; also validates each line of a bulk import."""

    class Meta:
        model = Article
        fields = ["text", "published", "title", "url", "outlet"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 16}),
            "published": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {"published": "Publication date", "url": "URL"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The length check lives in the validator, with a message naming the limit.
        self.fields["text"].strip = False
        self.fields["text"].validators = [validate_article_text]
        self.fields["published"].validators.append(validate_published)
        for name in ("title", "outlet", "url"):
            self.fields[name].validators.append(validate_no_control_characters)

    def validate_unique(self) -> None:
        # Duplicates are not an error: the service sends the editor to the existing article.
        pass


class IncidentReviewForm(forms.ModelForm):
    """Every field an editor may correct before publishing."""

    weapons = forms.MultipleChoiceField(choices=Weapon.choices, required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Incident
        fields = [
            "date",
            "date_precision",
            "time_of_day",
            "base",
            "place",
            "latitude",
            "longitude",
            "location_precision",
            "country",
            "weapons",
            "launched",
            "launched_low",
            "launched_high",
            "intercepted",
            "intercepted_low",
            "intercepted_high",
            "killed",
            "killed_low",
            "killed_high",
            "injured",
            "injured_low",
            "injured_high",
            "perpetrator",
            "claimed",
            "claimed_by",
            "summary",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "time_of_day": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean_weapons(self) -> list[str]:
        return sorted(self.cleaned_data["weapons"])
