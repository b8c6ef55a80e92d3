# Date and time formats, in Django's format syntax. Somali and Tigrinya
# speakers in Sweden meet Swedish dates daily, so we use the 24-hour clock
# and day-month-year order with numeric months, which read the same in
# every script.
DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j.n.Y H:i"
YEAR_MONTH_FORMAT = "n.Y"
MONTH_DAY_FORMAT = "j.n"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = " "
NUMBER_GROUPING = 3
