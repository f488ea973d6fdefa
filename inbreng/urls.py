from django.urls import path

from inbreng import views

app_name = "inbreng"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<slug:slug>/", views.ronde, name="ronde"),
    path("<slug:slug>/nieuw/<str:soort>/", views.nieuw_open, name="nieuw_open"),
    path("<slug:slug>/<str:token>/", views.link, name="link"),
    path("<slug:slug>/<str:token>/nieuw/<str:soort>/", views.nieuw, name="nieuw"),
    path("<slug:slug>/<str:token>/<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<slug:slug>/<str:token>/<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("<slug:slug>/<str:token>/wissen/", views.wissen, name="wissen"),
]
