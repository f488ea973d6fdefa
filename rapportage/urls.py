from django.urls import path

from rapportage import review_views, views

app_name = "rapportage"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("schema/structuur-v1.json", views.schema, name="schema"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/pdf/", views.pdf, name="pdf"),
    path("<slug:slug>/pdf/status/", views.pdf_status, name="pdf_status"),
    path("<slug:slug>/xlsx/", views.export_xlsx, name="xlsx"),
    path("<slug:slug>/json/", views.export_json, name="json"),
    path("<slug:slug>/review/", review_views.overzicht, name="review"),
    path("<slug:slug>/review/ter-review/", review_views.ter_review_sturen, name="ter_review_sturen"),
    path("<slug:slug>/review/terug-naar-concept/", review_views.terug_naar_concept, name="terug_naar_concept"),
    path("<slug:slug>/opmerkingen/", review_views.opmerking_plaatsen, name="opmerking_plaatsen"),
    path("<slug:slug>/opmerkingen/nieuw/", review_views.opmerking_nieuw, name="opmerking_nieuw"),
    path("<slug:slug>/opmerkingen/<int:pk>/oplossen/", review_views.opmerking_oplossen, name="opmerking_oplossen"),
    path("<slug:slug>/oordeel/", review_views.oordeel_geven, name="oordeel_geven"),
    path("<slug:slug>/achterstand/", review_views.achterstand, name="achterstand"),
    path("<slug:slug>/achterstand/herinneren/", review_views.herinneren, name="herinneren"),
]
