"""``python -m wms_soap`` runs the CLI."""

import sys

from wms_soap.cli.main import main

sys.exit(main())
