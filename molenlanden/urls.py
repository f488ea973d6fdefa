from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from molenlanden import views

handler500 = "molenlanden.common.errors.server_error"


urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.InloggenView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("privacy/", views.privacy, name="privacy"),
    path("rapportages/", include("rapportage.urls")),
    path("inspanningen/", include("thema.urls")),
    path("inbreng/", include("inbreng.urls")),
    path("admin/programma/", include("molenlanden.programma_io.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
