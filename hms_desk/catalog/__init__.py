"""Catalogue and device-register import, and the synthetic register (no Qt).

Public API::

    import_products / import_parts / import_product_parts / import_grunndata /
    import_register(db, paths, progress=None, cancel=None) -> ImportReport
    import_bundled_catalog(db, progress=None) -> list[ImportReport]
    import_municipalities(db) -> ImportReport
    generate_register_csv(path, n_devices, seed=1, products=None) -> int
    generate_demo_register(db, n=3000, seed=7) -> ImportReport
"""

from hms_desk.catalog.importers import (
    import_bundled_catalog,
    import_grunndata,
    import_municipalities,
    import_parts,
    import_product_parts,
    import_products,
)
from hms_desk.catalog.register import import_register
from hms_desk.catalog.register_gen import generate_demo_register, generate_register_csv
from hms_desk.catalog.report import ImportFileError, ImportReport, RowError

IMPORTERS = {
    "grunndata": import_grunndata,
    "parts": import_parts,
    "products": import_products,
    "product-parts": import_product_parts,
    "register": import_register,
}

__all__ = [
    "IMPORTERS", "ImportFileError", "ImportReport", "RowError",
    "generate_demo_register", "generate_register_csv", "import_bundled_catalog",
    "import_grunndata", "import_municipalities", "import_parts", "import_product_parts",
    "import_products", "import_register",
]
