# Date and time formats, in Django's format syntax. Django ships none for
# Somali or Tigrinya. Dates in words follow the Unicode CLDR long form
# ("5 March 2026", day month year) with the month name from
# locale_django/, so a date never hangs on the order of two numbers;
# short dates stay numeric, day first, as on Swedish paper. The clock is the
# 24-hour clock offices in Sweden post their hours in.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# ISO first: date fields render their value with the first input format, and
# <input type="date"> and our forms send ISO dates.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = " "
NUMBER_GROUPING = 3
