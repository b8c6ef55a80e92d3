"""What each error code means to HTTP and to people (see ``core.error_codes``).

Kept apart from the list of codes so that both stay short enough to read;
a test checks that every code has its entry here and in ``docs/api.md``.
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publicoffice.core.error_codes import ErrorCode

PERIOD_FORMS = _(
    "Give a period as a day (2026-03-05), a week (2026-W10), a month (2026-03), "
    "a quarter (2026-Q1), a year (2026) or two days (2026-03-01..2026-03-31)."
)


class ErrorSpec(NamedTuple):
    """What a code means to HTTP and to people, unless a raise site says more."""

    status: int
    message: Promise


E = ErrorCode

#: Every code's HTTP status and default message. A test checks that each
#: member of :class:`ErrorCode` is here and is documented in ``docs/api.md``.
ERRORS: dict[ErrorCode, ErrorSpec] = {
    E.NOT_AUTHENTICATED: ErrorSpec(
        401, _("Log in, or send a personal API token as “Authorization: Bearer <key>”.")
    ),
    E.INVALID_INPUT: ErrorSpec(422, _("Some values are not valid.")),
    E.NOT_A_MEMBER: ErrorSpec(403, _("Log in with an active account to do this.")),
    E.NOT_ALLOWED: ErrorSpec(403, _("You are not allowed to do this.")),
    E.NOT_FOUND: ErrorSpec(404, _("Nothing was found at this address.")),
    E.CSRF_FAILED: ErrorSpec(
        403, _("The form's security token is missing or old. Reload the page and try again.")
    ),
    E.TOO_MANY_REQUESTS: ErrorSpec(
        429, _("Too many changes in a short time. Wait a few minutes and try again.")
    ),
    E.TOO_MANY_ATTEMPTS: ErrorSpec(429, _("Too many attempts. Wait a while and try again.")),
    E.NOTHING_TO_CHANGE: ErrorSpec(
        400, _("Say what to change: starts_at, ends_at, attendees or purpose.")
    ),
    E.FIELD_UNKNOWN: ErrorSpec(400, _("This field cannot be changed.")),
    E.INVALID_PAGE: ErrorSpec(422, _("Ask for a page from 1 on, and a page size the API allows.")),
    E.NAIVE_DATETIME: ErrorSpec(
        400, _("Give times with their offset from UTC, e.g. 2026-11-26T10:00:00+01:00.")
    ),
    E.INVALID_DATETIME: ErrorSpec(400, _("Give a time between the years 2000 and 2999.")),
    E.TIME_INVALID: ErrorSpec(400, _("Give the start and end as a date and a time.")),
    E.INVALID_START: ErrorSpec(422, _("Ask for days from a month back to a year ahead.")),
    E.INVALID_RANGE: ErrorSpec(400, _("The end must come after the start.")),
    E.TIME_DOES_NOT_EXIST: ErrorSpec(
        400, _("The clocks go forward that night, so this time does not exist. Choose another.")
    ),
    E.IN_PAST: ErrorSpec(400, _("This time has already passed.")),
    E.TEXT_MISSING: ErrorSpec(400, _("Write a few words first.")),
    E.TEXT_INVALID: ErrorSpec(400, _("Write the text as plain text.")),
    E.TEXT_TOO_LONG: ErrorSpec(400, _("This text is too long.")),
    E.BAD_VALUE: ErrorSpec(400, _("This value cannot be used.")),
    E.BAD_EMAIL: ErrorSpec(400, _("Write the e-mail address like name@example.se.")),
    E.BAD_PHONE: ErrorSpec(
        400, _("Write the phone number with digits only, like +46 70 123 45 67.")
    ),
    E.BAD_LINK: ErrorSpec(
        400,
        _("Links must be web addresses starting with https:// or http://, at most 300 characters."),
    ),
    E.LANGUAGE_UNKNOWN: ErrorSpec(400, _("Choose languages from the list.")),
    E.OFFICE_UNKNOWN: ErrorSpec(400, _("Choose offices from the list.")),
    E.AUDIENCE_INVALID: ErrorSpec(400, _("Choose who the event is for.")),
    E.STATUS_INVALID: ErrorSpec(400, _("Choose a status from the list.")),
    E.OFFICE_NOT_FOUND: ErrorSpec(404, _("There is no such office.")),
    E.OFFICE_NOT_OPEN: ErrorSpec(400, _("This office is not open to visitors.")),
    E.OFFICE_CLOSED_NOW: ErrorSpec(400, _("The office is closed now. Check in when it is open.")),
    E.SPACE_NOT_FOUND: ErrorSpec(404, _("There is no such space.")),
    E.SPACE_NOT_BOOKABLE: ErrorSpec(400, _("This space cannot be booked.")),
    E.SPACE_NOT_IN_OFFICE: ErrorSpec(400, _("Choose a room in this office.")),
    E.TOO_MANY_CHECK_INS: ErrorSpec(
        429, _("Many people checked in just now. Wait a moment and tap again.")
    ),
    E.SURVEY_CLOSED: ErrorSpec(400, _("The questions can only be answered at check-in.")),
    E.INVALID_ANSWER: ErrorSpec(400, _("That answer is not one of the choices.")),
    E.INVALID_HEADCOUNT: ErrorSpec(400, _("This number of people cannot be counted.")),
    E.NOT_A_HEADCOUNT: ErrorSpec(400, _("Only staff headcounts can be corrected.")),
    E.INVALID_KIOSK_NAME: ErrorSpec(400, _("Give the kiosk a name of 1–80 characters.")),
    E.BOOKING_NOT_FOUND: ErrorSpec(404, _("There is no such booking.")),
    E.BOOKING_NOT_ACTIVE: ErrorSpec(400, _("This booking can no longer be changed.")),
    E.BOOKING_OVER: ErrorSpec(400, _("This booking is over and cannot be cancelled.")),
    E.BOOKING_TOO_SHORT: ErrorSpec(400, _("This booking is shorter than the rules allow.")),
    E.BOOKING_TOO_LONG: ErrorSpec(400, _("This booking is longer than the rules allow.")),
    E.NOT_ON_SLOT: ErrorSpec(400, _("Bookings start and end on whole slots.")),
    E.TOO_SOON: ErrorSpec(400, _("This time is too soon to book.")),
    E.TOO_FAR_AHEAD: ErrorSpec(400, _("This time is too far ahead to book.")),
    E.OUTSIDE_OPENING_HOURS: ErrorSpec(400, _("The office is closed for part of this time.")),
    E.ATTENDEES_INVALID: ErrorSpec(400, _("Give the number of people as a whole number.")),
    E.TOO_MANY_ATTENDEES: ErrorSpec(400, _("This space does not take that many people.")),
    E.QUOTA_ACTIVE_BOOKINGS: ErrorSpec(400, _("You have as many coming bookings as allowed.")),
    E.QUOTA_HOURS_PER_DAY: ErrorSpec(400, _("You have booked as many hours this day as allowed.")),
    E.QUOTA_HOURS_PER_WEEK: ErrorSpec(
        400, _("You have booked as many hours this week as allowed.")
    ),
    E.SLOT_TAKEN: ErrorSpec(409, _("Someone has already booked this time.")),
    E.SLOT_ON_HOLD: ErrorSpec(409, _("This time is offered to the next person on the waitlist.")),
    E.SLOT_FREE: ErrorSpec(400, _("This time is free: book it directly.")),
    E.ALREADY_BOOKED: ErrorSpec(400, _("You have already booked this space at this time.")),
    E.NOT_PENDING: ErrorSpec(400, _("This booking is not waiting for approval.")),
    E.CHECKIN_NOT_OPEN: ErrorSpec(400, _("You can check in from 15 minutes before the start.")),
    E.CHECKIN_MISSED: ErrorSpec(
        400, _("The check-in time has passed and the booking was released.")
    ),
    E.NOT_ALLOWED_ON_BEHALF: ErrorSpec(
        403, _("Only staff with permission may book for someone else.")
    ),
    E.NOT_ALLOWED_OFFICE_ACTIVITY: ErrorSpec(
        403, _("Only the office's staff may reserve a room for the office's own activities.")
    ),
    E.WAITLIST_NOT_FOUND: ErrorSpec(404, _("There is no such waitlist place.")),
    E.WAITLIST_FULL: ErrorSpec(
        400, _("You are on the waitlist for too many times. Leave one of them first.")
    ),
    E.OFFER_EXPIRED: ErrorSpec(400, _("This offer has run out. The slot went to others.")),
    E.EVENT_NOT_FOUND: ErrorSpec(404, _("There is no such event.")),
    E.EVENT_TOO_LONG: ErrorSpec(400, _("This event is longer than allowed.")),
    E.EVENT_CANCELLED: ErrorSpec(409, _("This event is cancelled.")),
    E.EVENT_POSTPONED: ErrorSpec(
        409, _("This event is postponed. Registration opens again with the new date.")
    ),
    E.EVENT_OVER: ErrorSpec(409, _("This event is over.")),
    E.EVENT_NOT_STARTED: ErrorSpec(409, _("This event has not started yet.")),
    E.CAPACITY_INVALID: ErrorSpec(400, _("Give the number of seats as a whole number.")),
    E.CAPACITY_OVER_ROOM: ErrorSpec(400, _("The room does not take that many people.")),
    E.CAPACITY_BELOW_REGISTERED: ErrorSpec(
        400, _("More people have a seat already; give at least that many seats.")
    ),
    E.TOO_MANY_PROPOSALS: ErrorSpec(
        429, _("You have many proposals waiting for a host. Wait for an answer first.")
    ),
    E.REGISTRATION_NOT_FOUND: ErrorSpec(404, _("There is no such registration.")),
    E.REGISTRATION_CLOSED: ErrorSpec(409, _("Registration has closed: the event has started.")),
    E.ALREADY_REGISTERED: ErrorSpec(409, _("You are already registered for this event.")),
    E.PROFILE_NOT_FOUND: ErrorSpec(404, _("There is no such profile.")),
    E.INVALID_PROFILE: ErrorSpec(400, _("This profile cannot be saved as it is.")),
    E.NOT_YOUR_PROFILE: ErrorSpec(403, _("You can only act as a profile you run.")),
    E.OWN_PROFILE: ErrorSpec(400, _("This is your own profile.")),
    E.PROFILE_HIDDEN: ErrorSpec(
        400, _("This profile is hidden. Make it public or members-only to show it here today.")
    ),
    E.TOO_MANY_PROFILES: ErrorSpec(400, _("You have as many profiles as allowed.")),
    E.TOO_MANY_TAGS: ErrorSpec(400, _("You chose more things than allowed.")),
    E.TOO_MANY_WORDS: ErrorSpec(400, _("You gave more words of your own than allowed.")),
    E.TOO_MANY_LINKS: ErrorSpec(400, _("You gave more links than allowed.")),
    E.TOO_MANY_ADMINS: ErrorSpec(400, _("This profile has as many admins as allowed.")),
    E.ADMIN_NOT_ADDABLE: ErrorSpec(400, _("No member with that e-mail can be added.")),
    E.ALREADY_ADMIN: ErrorSpec(400, _("That member is already an admin of this profile.")),
    E.NOT_AN_ADMIN: ErrorSpec(400, _("That member is not an admin of this profile.")),
    E.LAST_ADMIN: ErrorSpec(
        400, _("A profile needs at least one admin. Delete the profile instead.")
    ),
    E.PERSON_HAS_ONE_ADMIN: ErrorSpec(400, _("A person's profile has one admin.")),
    E.VISIT_NOT_A_MEMBER: ErrorSpec(
        400, _("Log in and check in as a member to be shown here today.")
    ),
    E.VISIT_ENDED: ErrorSpec(
        409, _("Your visit has ended. Check in again to be shown here today.")
    ),
    E.AUDIENCE_TOO_WIDE: ErrorSpec(
        400, _("This profile is for members only, so only members can see that you are here.")
    ),
    E.CANNOT_SEND: ErrorSpec(403, _("This request can't be sent.")),
    E.ALREADY_PENDING: ErrorSpec(
        409, _("You have already sent a request to this profile. Wait for the answer.")
    ),
    E.REQUEST_NOT_FOUND: ErrorSpec(404, _("There is no such contact request.")),
    E.REQUEST_NOT_PENDING: ErrorSpec(
        409, _("This request has already been answered or withdrawn.")
    ),
    E.CANNOT_BLOCK_SELF: ErrorSpec(400, _("You cannot block yourself.")),
    E.PROPOSAL_NOT_FOUND: ErrorSpec(404, _("There is no such proposal.")),
    E.PROPOSAL_CLOSED: ErrorSpec(
        409, _("This proposal is closed: it can no longer be supported or changed.")
    ),
    E.OWN_PROPOSAL: ErrorSpec(400, _("This is your own proposal; others can support it.")),
    E.PROPOSAL_KIND_INVALID: ErrorSpec(400, _("Choose what the proposal is about.")),
    E.PROPOSAL_STATE_INVALID: ErrorSpec(
        400, _("A proposal cannot be given this state from the state it is in.")
    ),
    E.ANSWER_NOT_FOUND: ErrorSpec(404, _("There is no such answer, or it is published already.")),
    E.ARGUMENT_SIDE_INVALID: ErrorSpec(400, _("Say whether the argument is for or against.")),
    E.PROBLEM_NOT_FOUND: ErrorSpec(404, _("There is no such problem report.")),
    E.PROBLEM_CATEGORY_INVALID: ErrorSpec(400, _("Choose what kind of problem it is.")),
    E.PROBLEM_STATE_INVALID: ErrorSpec(400, _("A problem report cannot be given this state.")),
    E.PROBLEM_NOT_FIXED: ErrorSpec(409, _("Only a problem marked as fixed can be reopened.")),
    E.REOPEN_TOO_LATE: ErrorSpec(
        409, _("It was fixed too long ago to reopen. Report the problem again instead.")
    ),
    E.PHOTO_INVALID: ErrorSpec(400, _("Send the photo as a JPEG, PNG or WebP picture.")),
    E.PHOTO_TOO_LARGE: ErrorSpec(413, _("The photo is larger than 5 MB. Send a smaller one.")),
    E.RESTRICTED: ErrorSpec(
        403,
        _("A decision under the house rules stops you from doing this now. Your page says why."),
    ),
    E.RULES_NOT_ACCEPTED: ErrorSpec(
        403, _("The house rules have changed. Read and accept them to go on.")
    ),
    E.RULES_NOT_FOUND: ErrorSpec(404, _("There are no such house rules.")),
    E.INCIDENT_NOT_FOUND: ErrorSpec(404, _("There is no such incident.")),
    E.INCIDENT_CATEGORY_INVALID: ErrorSpec(400, _("Choose which rule was broken.")),
    E.SEVERITY_INVALID: ErrorSpec(400, _("Choose how serious it was.")),
    E.SANCTION_NOT_FOUND: ErrorSpec(404, _("There is no such decision.")),
    E.SANCTION_KIND_INVALID: ErrorSpec(400, _("Choose a kind of decision from the list.")),
    E.SANCTION_SCOPE_INVALID: ErrorSpec(400, _("Choose where the decision holds from the list.")),
    E.SANCTION_ACTIONS_MISSING: ErrorSpec(400, _("Choose what the restriction stops.")),
    E.SANCTION_END_INVALID: ErrorSpec(
        400, _("Give an end after the start, or a review date for a ban without an end.")
    ),
    E.SANCTION_NOT_AWAITING: ErrorSpec(409, _("This decision is not waiting for approval.")),
    E.SECOND_STAFF_NEEDED: ErrorSpec(
        403, _("Another staff member than the one who decided must do this.")
    ),
    E.APPEAL_NOT_FOUND: ErrorSpec(404, _("There is no such appeal.")),
    E.APPEAL_TOO_LATE: ErrorSpec(409, _("The time to appeal this decision has passed.")),
    E.ALREADY_APPEALED: ErrorSpec(409, _("This decision has already been appealed.")),
    E.APPEAL_DECIDED: ErrorSpec(409, _("This appeal has already been decided.")),
    E.APPEAL_OUTCOME_INVALID: ErrorSpec(
        400, _("Choose whether the decision is kept, shortened or lifted.")
    ),
    E.REPORT_PERIOD_INVALID: ErrorSpec(400, PERIOD_FORMS),
    E.REPORT_SCOPE_NOT_FOUND: ErrorSpec(404, _("There is no such office or area to report on.")),
    E.REPORT_NOT_ALLOWED: ErrorSpec(403, _("Exact figures for this scope are not yours to see.")),
    E.EMISSION_FACTOR_INVALID: ErrorSpec(400, _("Give factors from low to high, none negative.")),
    E.CALL_NOT_FOUND: ErrorSpec(404, _("There is no such call.")),
    E.CALL_NOT_OPEN: ErrorSpec(409, _("This call is not open for applications.")),
    E.CALL_NOT_EDITABLE: ErrorSpec(409, _("This call can no longer be changed.")),
    E.DEADLINE_PASSED: ErrorSpec(
        409, _("The deadline for this call has passed. Applications can no longer be sent.")
    ),
    E.DEADLINE_INVALID: ErrorSpec(
        400, _("Give a deadline in the future and before the commission starts.")
    ),
    E.APPLICATION_NOT_FOUND: ErrorSpec(404, _("There is no such application.")),
    E.APPLICATION_NOT_EDITABLE: ErrorSpec(409, _("This application can no longer be changed.")),
    E.APPLICATION_INCOMPLETE: ErrorSpec(
        400, _("The application is not complete yet. The missing parts are listed.")
    ),
    E.ALREADY_APPLIED: ErrorSpec(409, _("This operator has already applied to this call.")),
    E.CO_APPLICANT_INVALID: ErrorSpec(400, _("Choose another operator as co-applicant.")),
    E.REVIEWER_INVALID: ErrorSpec(
        400, _("Reviewers must be staff of the municipality that opened the call.")
    ),
    E.CONFLICT_OF_INTEREST: ErrorSpec(
        403, _("You declared a conflict of interest, so you cannot score this application.")
    ),
    E.CONFLICT_NOT_DECLARED: ErrorSpec(
        409, _("Say first whether you have a conflict of interest with this application.")
    ),
    E.SCORE_INVALID: ErrorSpec(400, _("Give a score from 0 to 5, or not applicable.")),
    E.NOT_DECIDABLE: ErrorSpec(409, _("This application cannot be decided in its present state.")),
    E.COMMISSION_NOT_FOUND: ErrorSpec(404, _("There is no such commission.")),
    E.TARGET_INVALID: ErrorSpec(400, _("Give each target a measure, a direction and a value.")),
    E.COMMISSION_REPORT_NOT_FOUND: ErrorSpec(404, _("There is no such report.")),
    E.COMMISSION_REPORT_NOT_EDITABLE: ErrorSpec(
        409, _("This report has been submitted and can no longer be changed.")
    ),
    E.DOCUMENT_INVALID: ErrorSpec(
        400, _("Send the document as a PDF or an OpenDocument or Word file of at most 10 MB.")
    ),
    # -- planning ---------------------------------------------------------------
    E.PLANNING_NOT_FOUND: ErrorSpec(404, _("There is no such planning item.")),
    E.PLANNING_FILE_UNREADABLE: ErrorSpec(
        400, _("The file could not be read. Send a CSV file or a GeoPackage.")
    ),
    E.PLANNING_FILE_TOO_LARGE: ErrorSpec(413, _("The file is too large to import.")),
    E.PLANNING_WRONG_CRS: ErrorSpec(
        400,
        _(
            "The file's coordinate reference system is not one we can read. Use SWEREF 99 TM "
            "(EPSG:3006) or WGS 84 (EPSG:4326), or say which one the file uses."
        ),
    ),
    E.PLANNING_MISSING_COLUMNS: ErrorSpec(
        400, _("The file lacks columns it needs. The missing ones are listed.")
    ),
    E.PLANNING_BAD_VALUE: ErrorSpec(
        400, _("A row has a value that is not a number. The row and column are given.")
    ),
    E.PLANNING_NEGATIVE_POPULATION: ErrorSpec(
        400, _("A row has a negative population. Populations are 0 or more.")
    ),
    E.PLANNING_DUPLICATE_CELL: ErrorSpec(
        400, _("A cell appears twice in the file. The row is given.")
    ),
    E.PLANNING_EMPTY_FILE: ErrorSpec(400, _("The file has no rows to import.")),
    E.PLANNING_OUTSIDE_SWEDEN: ErrorSpec(
        400, _("These coordinates are not in Sweden. Check the latitude and longitude.")
    ),
    E.PLANNING_UNKNOWN_IDS: ErrorSpec(
        400, _("The file names cells or sites we do not know. Some are listed.")
    ),
    E.PLANNING_SOURCE_NOT_READY: ErrorSpec(
        409, _("This population source is not ready yet: its import has not finished.")
    ),
    E.PLANNING_SCENARIO_INVALID: ErrorSpec(400, _("This scenario cannot be run as it is.")),
    E.PLANNING_TOO_MANY_SITES: ErrorSpec(
        400, _("There are fewer candidate sites than the number of new sites asked for.")
    ),
    E.PLANNING_TOO_LARGE: ErrorSpec(
        413, _("This instance is too large for this server. Choose a smaller area or grid.")
    ),
    E.PLANNING_RUN_FINISHED: ErrorSpec(409, _("This run has already finished.")),
}
