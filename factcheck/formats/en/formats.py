"""English dates as written in the UK, day first: 05/03/2025 is 5 March 2025.

Django's "en" formats are American (03/05/2025); in a newsroom comparing the
dates articles state, that reading is a mistake waiting to happen. Numbers are
the same either way.
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403
