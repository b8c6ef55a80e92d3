"""Forms of the meeting place. They check the shape of the input; the rules
are the services', which say why in words."""
