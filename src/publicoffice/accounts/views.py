"""Sign-up, log-in and password reset pages (reset by e-mail)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from publicoffice.accounts.extensions import signup_agreement
from publicoffice.accounts.forms import EmailAuthenticationForm, SignupConfirmForm, SignupForm
from publicoffice.accounts.signup import pending_signup, signup_confirm, signup_request
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
        if form.cleaned_data.get("shared_computer"):
            # A session cookie: it ends when the browser closes (and the
            # shorter SESSION_COOKIE_AGE still bounds it on the server).
            self.request.session.set_expiry(0)
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
    """The same answer for every valid form: "check your e-mail" (accounts.signup)."""
    if request.user.is_authenticated:
        return redirect("places:home")
    agreement = signup_agreement()
    form = SignupForm(request.POST if request.method == "POST" else None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        signup_request(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            display_name=form.cleaned_data["display_name"],
            language=get_language() or "sv",
            agreed_version=agreement.version_id if agreement is not None else None,
        )
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form, "agreement": agreement})


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html")


@require_http_methods(["GET", "POST"])
@limit_posts(LOG_INS)
def signup_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mail's link: the password once more, then the account exists and is in."""
    pending = pending_signup(token)
    if pending is None:
        return render(request, "accounts/signup_link_invalid.html", status=404)
    form = SignupConfirmForm(request.POST if request.method == "POST" else None, pending=pending)
    if request.method == "POST" and form.is_valid():
        user = signup_confirm(pending=pending)
        if user is None:
            messages.info(request, _("Your account is already ready. Please log in."))
            return redirect("accounts:login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        response = redirect(in_language(request, reverse("places:home"), user.preferred_language))
        messages.success(request, _("Welcome! Your account is ready."))
        return remember_language(response, user.preferred_language)
    return render(request, "accounts/signup_confirm.html", {"form": form, "pending": pending})
