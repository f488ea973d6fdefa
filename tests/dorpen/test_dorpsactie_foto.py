import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from dorpen.models import Dorpsactie, Kern
from tests.helpers import admin_formulier

URL = "/admin/dorpen/dorpsactie/add/"


def _png(size=(40, 30), *, noise=False) -> bytes:
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, "#1d6b32")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0 if noise else 6)
    return buffer.getvalue()


def _post(projectleider, foto: SimpleUploadedFile, foto_alt="Vrijwilligers planten bloembollen langs de dijk."):
    data = admin_formulier(projectleider.get(URL))
    kern = Kern.objects.get(naam="Kinderdijk")
    data.update({"kern": kern.pk, "titel": "Bollen planten", "foto": foto, "foto_alt": foto_alt})
    return projectleider.post(URL, data)


def _errors(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    assert not Dorpsactie.objects.filter(titel="Bollen planten").exists()
    return " ".join(m for messages in response.context["adminform"].form.errors.values() for m in messages)


def test_small_png_with_alt_text_is_accepted(demo, projectleider, settings):
    response = _post(projectleider, SimpleUploadedFile("bollen.png", _png(), content_type="image/png"))
    assert response.status_code == 302
    actie = Dorpsactie.objects.get(titel="Bollen planten")
    assert actie.foto.name.startswith("dorpsacties/")
    assert (settings.MEDIA_ROOT / actie.foto.name).read_bytes() == _png()
    assert actie.foto_alt == "Vrijwilligers planten bloembollen langs de dijk."


def test_text_file_renamed_to_jpg_is_refused(demo, projectleider):
    nep = SimpleUploadedFile("foto.jpg", b"Dit is geen foto maar tekst.\n" * 20, content_type="image/jpeg")
    assert "Upload een geldige afbeelding" in _errors(_post(projectleider, nep))


def test_too_big_file_is_refused(demo, projectleider):
    groot = _png((1400, 1400), noise=True)
    assert len(groot) > 5 * 1024 * 1024
    errors = _errors(_post(projectleider, SimpleUploadedFile("groot.png", groot, content_type="image/png")))
    assert "De foto is groter dan 5 MB" in errors


def test_too_many_pixels_is_refused(demo, projectleider):
    breed = SimpleUploadedFile("breed.png", _png((6001, 2)), content_type="image/png")
    assert "De foto is te groot (6001×2 pixels); het maximum is 6000 pixels." in _errors(_post(projectleider, breed))


def test_image_of_another_format_is_refused(demo, projectleider):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    gif = SimpleUploadedFile("foto.gif", buffer.getvalue(), content_type="image/gif")
    errors = _errors(_post(projectleider, gif))
    assert "gif" in errors
    assert "niet toegestaan" in errors


def test_gif_renamed_to_png_is_refused(demo, projectleider):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    gif = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
    assert "Alleen JPEG-, PNG- en WebP-foto's zijn toegestaan." in _errors(_post(projectleider, gif))


def test_photo_without_alt_text_is_refused(demo, projectleider):
    foto = SimpleUploadedFile("bollen.png", _png(), content_type="image/png")
    errors = _errors(_post(projectleider, foto, foto_alt="  "))
    assert "Een foto heeft een alternatieve tekst nodig: beschrijf wat erop te zien is." in errors
