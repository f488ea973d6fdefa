from molenlanden.roles import ROL_LABELS, rollen_van


def roles(request):
    rollen = rollen_van(request.user) if hasattr(request, "user") else frozenset()
    return {"rollen": rollen, "rol_labels": [ROL_LABELS[r] for r in ROL_LABELS if r in rollen]}
