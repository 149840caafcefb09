"""English dates day first, with the month's name: "4 Dec 2026", "4 Dec 2026, 04:08".

Django's "en" formats are American (03/05/2025) and its British ones all digits
(05/03/2025): in a newsroom comparing the dates articles state, either reading
is a mistake waiting to happen, so dates are shown with their month's name and
times on the 24-hour clock. Typed dates are read day first, or in ISO form
(claims.dates reads month names too). Numbers are the same as in British English.
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%Y-%m-%d"]
