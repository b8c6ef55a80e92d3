"""Sign-up, log-in and password reset pages (reset by e-mail)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from publicoffice.accounts.forms import EmailAuthenticationForm, SignupForm
from publicoffice.accounts.services import user_create
from publicoffice.accounts.views_language import in_language, remember_language
from publicoffice.core.ratelimit import PostLimit, limit_posts

# Each counts per device (a browser's cookie) with a backstop for everyone
# behind one network address, so an office's Wi-Fi is not one client.
#: Log-ins on the site and in the admin, and new API keys: five minutes.
LOG_INS = PostLimit("login", limit=10, window=300, per_address="LOGIN_ATTEMPTS_PER_ADDRESS")
#: Password reset e-mails asked for: fifteen minutes.
PASSWORD_RESETS = PostLimit("password-reset", limit=5, window=900, per_address=50)
#: Accounts created: fifteen minutes.
SIGN_UPS = PostLimit("signup", limit=5, window=900, per_address="SIGNUPS_PER_ADDRESS")


@method_decorator(limit_posts(LOG_INS), name="dispatch")
class LoginView(auth_views.LoginView):
    """Log-in; the member then reads the site in the language of their profile."""

    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        response["Location"] = in_language(self.request, response["Location"], language)
        return remember_language(response, language)


@method_decorator(limit_posts(PASSWORD_RESETS), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@require_http_methods(["GET", "POST"])
@limit_posts(SIGN_UPS)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("places:home")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = user_create(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            display_name=form.cleaned_data["display_name"],
            language=get_language() or "sv",
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("places:home")
    return render(request, "accounts/signup.html", {"form": form})
