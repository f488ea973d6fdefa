"""On PostgreSQL the database itself refuses to change or delete an adopted edition (beside the model's guard).

The columns that may still change after adoption are the ones in rapportage.models.WIJZIGBAAR_NA_VASTSTELLEN at the
time of this migration; a later change to that list needs a new migration that replaces the function.
"""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION rapportage_vastgesteld_blijft_vast() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'vastgesteld' THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'Een vastgestelde editie kan niet worden verwijderd (id %).', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (to_jsonb(NEW) - 'openbaar' - 'gewijzigd_op') IS DISTINCT FROM (to_jsonb(OLD) - 'openbaar' - 'gewijzigd_op') THEN
            RAISE EXCEPTION 'Een vastgestelde editie kan niet worden gewijzigd (id %).', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER rapportage_vastgesteld_blijft_vast
    BEFORE UPDATE OR DELETE ON rapportage_rapportage
    FOR EACH ROW EXECUTE FUNCTION rapportage_vastgesteld_blijft_vast();
"""
WEG = """
DROP TRIGGER IF EXISTS rapportage_vastgesteld_blijft_vast ON rapportage_rapportage;
DROP FUNCTION IF EXISTS rapportage_vastgesteld_blijft_vast();
"""


def _op_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("rapportage", "0005_plausibele_invoer")]
    operations = [migrations.RunPython(_op_postgresql(FUNCTIE), _op_postgresql(WEG))]
