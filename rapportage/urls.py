from django.urls import path

from rapportage import views

app_name = "rapportage"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/pdf/", views.pdf, name="pdf"),
]
