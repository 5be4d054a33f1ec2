"""The reading and checking code is plain Python: importing it loads no Django."""

import subprocess
import sys


def test_reviu_core_imports_no_django():
    code = (
        "import sys; import kinerja.reviu.service, kinerja.reviu.export; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
