"""Admin autodiscovery minus django-leaflet's admin module.

django-leaflet's admin imports GeoDjango, which needs the GDAL C library; Basewatch
stores plain latitude/longitude and uses Leaflet only in its own templates, so the
project runs with no GIS libraries installed.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule

SKIPPED = {"leaflet"}


class BasewatchAdminConfig(SimpleAdminConfig):
    def ready(self) -> None:
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.name in SKIPPED:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")
