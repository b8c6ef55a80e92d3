# Offices in Sweden post their hours on the 24-hour clock; showing the same
# figures in every language avoids "6 p.m." versus "18:00" confusion at the
# door. Everything else comes from Django's own formats for the language.
TIME_FORMAT = "H:i"
