from django.urls import path

from molenlanden.programma_io import views

app_name = "programma_io"
urlpatterns = [
    path("exporteren/", views.exporteren, name="exporteren"),
    path("importeren/", views.importeren, name="importeren"),
    path("word-importeren/", views.word_importeren, name="word_importeren"),
]
