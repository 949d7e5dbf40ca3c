# Type stub for mypy on the latest Home Assistant only (scripts/lint puts typings/ on
# MYPYPATH there). From 2026.9 Home Assistant validates with probatio and, as it
# starts, installs probatio as "voluptuous" (probatio.compat.install_as_voluptuous),
# so `import voluptuous` gives probatio at run time; this says the same to mypy.
# On older Home Assistant, voluptuous is the real package and mypy reads its own types.
from probatio import *  # noqa: F403  # the whole surface, as at run time
