from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = "Incidents and gazetteer"

    def ready(self) -> None:
        from incidents import lookups  # noqa: F401  (registers JSONField.has)
