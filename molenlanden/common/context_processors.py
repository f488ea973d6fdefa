from molenlanden.common.roles import ROL_LABELS, get_rollen


def roles(request):
    rollen = get_rollen(request.user) if hasattr(request, "user") else frozenset()
    return {"rollen": rollen, "rol_labels": [ROL_LABELS[r] for r in ROL_LABELS if r in rollen]}
