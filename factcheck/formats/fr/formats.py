"""French dates with the month's abbreviated name: "4 déc. 2026", "4 déc. 2026, 04:08".

The same shape as the English ones (factcheck/formats/en), so that a reviewer
switching languages reads dates the same way; typed dates are read day first,
or in ISO form (claims.dates reads month names too).
"""

from django.conf.locale.fr.formats import *  # noqa: F403

DATE_FORMAT = "j N Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%Y-%m-%d"]
