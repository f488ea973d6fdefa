from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

MAX_FOTO_BYTES = 5 * 1024 * 1024
MAX_FOTO_PIXELS = 6000


@deconstructible
class FotoValidator:
    """A photo must be a real JPEG, PNG or WebP image of bounded size (not just a file with that name)."""

    formats = ("JPEG", "PNG", "WEBP")

    def __call__(self, upload):
        from PIL import Image, UnidentifiedImageError

        if upload.size > MAX_FOTO_BYTES:
            raise ValidationError("De foto is groter dan 5 MB. Verklein de foto en probeer het opnieuw.")
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image.verify()
                fmt, (width, height) = image.format, image.size
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValidationError("Dit bestand is geen geldige afbeelding. Kies een JPEG-, PNG- of WebP-foto.")
        finally:
            upload.seek(0)
        if fmt not in self.formats:
            raise ValidationError("Alleen JPEG-, PNG- en WebP-foto's zijn toegestaan.")
        if max(width, height) > MAX_FOTO_PIXELS:
            raise ValidationError(f"De foto is te groot ({width}×{height} pixels); het maximum is 6000 pixels.")

    def __eq__(self, other):
        return isinstance(other, FotoValidator)
