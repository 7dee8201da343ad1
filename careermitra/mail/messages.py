"""Every email the backend sends, as plain text, in the language of the person it goes to (issue 16).

A registered user's mail is in the language they registered in (`User.language`); a mail to someone without an
account (a ticket's acknowledgement, a note that no account has an address) in the language of the form it
answers. The texts are in the gettext catalogue (careermitra/i18n); dates are written out in the language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from careermitra.domain.ticket import GRIEVANCE_RESPONSE_DAYS, TicketRecord
from careermitra.i18n import DEFAULT_LANGUAGE, Language, Msg, long_date

SIGNATURE = Msg("— Career Mitra")


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    text: str
    reply_to: str | None = None


class Mailer(Protocol):
    def send(self, message: Message) -> None: ...


def _mail(to: str, lang: Language, subject: Msg, text: Msg, reply_to: str | None = None) -> Message:
    """A message in `lang`, signed."""
    return Message(to, subject.in_language(lang),
                   f"{text.in_language(lang)}\n\n{SIGNATURE.in_language(lang)}\n", reply_to=reply_to)


def verification_message(to: str, name: str, link: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Confirm your email for Career Mitra"), Msg(
        "Hello %(name)s,\n\nFollow this link within 24 hours to confirm your email and sign in:\n\n%(link)s\n\n"
        "The link works once. If you did not register on Career Mitra, ignore this email.", name=name, link=link))


def sign_in_message(to: str, name: str, link: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your Career Mitra sign-in link"), Msg(
        "Hello %(name)s,\n\nFollow this link to sign in:\n\n%(link)s\n\n"
        "The link works once. If you did not ask to sign in, ignore this email.", name=name, link=link))


def no_account_message(to: str, register_page: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    """The sign-in form's answer to an address with no account: how to register, and nothing about anyone."""
    return _mail(to, lang, Msg("Signing in to Career Mitra"), Msg(
        "Hello,\n\nSomeone, hopefully you, asked to sign in to Career Mitra with this email address, but no "
        "account is registered with it. To write reviews, register here:\n\n%(page)s\n\n"
        "If you did not ask to sign in, ignore this email.", page=register_page))


def review_live_message(to: str, name: str, title: str, link: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    """The author's review was approved: it is live (the page is republished within a minute or two)."""
    return _mail(to, lang, Msg("Your review is live on Career Mitra"), Msg(
        "Hello %(name)s,\n\nA moderator approved your review \"%(title)s\". It is live on the institution's page "
        "(give it a minute or two to appear):\n\n%(link)s\n\n"
        "You can see all your reviews, and withdraw one at any time, under Your account.",
        name=name, title=title, link=link))


def review_rejected_message(to: str, name: str, title: str, reason: str,
                            lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your review on Career Mitra was not published"), Msg(
        "Hello %(name)s,\n\nYour review \"%(title)s\" was not published, for this reason:\n\n%(reason)s\n\n"
        "You may write a new review of the institution, and a moderator will read it. "
        "Reply to this email if you have a question about the decision.", name=name, title=title, reason=reason))


def listing_rejected_message(to: str, name: str, institution: str, reason: str,
                             lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your listing request on Career Mitra"), Msg(
        "Hello %(name)s,\n\nWe could not list %(institution)s, for this reason:\n\n%(reason)s",
        name=name, institution=institution, reason=reason))


def ticket_acknowledgement(to: str, ticket_id: str, received: dt.date,
                           lang: Language = DEFAULT_LANGUAGE) -> Message:
    """Only the ticket number, the date and the response period: anyone can type any address into the contact
    form, so a mail that repeated their name, subject or message would let them send it to a stranger."""
    return _mail(to, lang, Msg("[%(ticket)s] We received your message", ticket=ticket_id), Msg(
        "Hello,\n\nWe received a message sent through the Career Mitra contact form on %(date)s and filed it as "
        "ticket %(ticket)s. Our grievance officer will reply in full within %(days)s days, usually much sooner. "
        "Quote the ticket number if you write to us again about it. If you did not write to us, ignore this email.",
        date=long_date(received, lang), ticket=ticket_id, days=GRIEVANCE_RESPONSE_DAYS))


def ticket_notice(officer: str, ticket: TicketRecord) -> Message:
    """The whole ticket for the officer; the subject is one validated line (ContactMessage), Reply-To an address."""
    nominee = (f"A nominee's request for the account of {ticket.on_behalf_of}: check the nomination with "
               f"`careermitra nominees check {ticket.id}`, then `careermitra nominees act {ticket.id} ...`.\n\n"
               if ticket.on_behalf_of else "")
    return Message(officer, f"[{ticket.id}] {ticket.subject}",
                   f"New ticket {ticket.id} ({ticket.category.value}) from {ticket.name}:\n\n{ticket.message}\n\n"
                   f"{nominee}Reply to this email or use `careermitra tickets close {ticket.id} --reply TEXT`. "
                   f"The full answer is due by {ticket.due_at.date().isoformat()}.",
                   reply_to=ticket.email)


def ticket_reply(ticket: TicketRecord, reply: str) -> Message:
    """The officer's reply, greeting in the language of the form the ticket came from."""
    subject = Msg("[%(ticket)s] Re: %(subject)s", ticket=ticket.id, subject=ticket.subject)
    return _mail(ticket.email, ticket.lang, subject, Msg("Hello %(name)s,\n\n%(reply)s", name=ticket.name, reply=reply))


# What a privacy request asks for, and what becomes of the published reviews, as they sit in its mail.
PRIVACY_ACTIONS = {
    ("access", ""): Msg("Hello,\n\nSomeone, hopefully you, asked us to send you a copy of the personal data we "
                        "hold about you, by email."),
    ("erasure", "delete"): Msg("Hello,\n\nSomeone, hopefully you, asked us to erase your account and personal "
                               "data (your published reviews are deleted)."),
    ("erasure", "anonymise"): Msg("Hello,\n\nSomeone, hopefully you, asked us to erase your account and personal "
                                  "data (your published reviews are kept with the name \"Former student\" and no "
                                  "link to you)."),
}
REVIEWS_CHOICE = {"delete": Msg("deleted"),
                  "anonymise": Msg("kept with the name \"Former student\" and no link to you")}


def privacy_confirmation_message(to: str, kind: str, reviews: str | None, link: str,
                                 lang: Language = DEFAULT_LANGUAGE) -> Message:
    asked = PRIVACY_ACTIONS[(kind, "" if kind == "access" else reviews or "delete")].in_language(lang)
    confirm = Msg("To confirm, open this link within 24 hours and press the button on the page:\n\n%(link)s\n\n"
                  "If you did not ask for this, ignore this email and nothing happens.", link=link)
    return _mail(to, lang, Msg("Confirm your privacy request to Career Mitra"),
                 Msg("%(asked)s\n\n%(confirm)s", asked=asked, confirm=confirm.in_language(lang)))


def privacy_no_account_message(to: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your privacy request to Career Mitra"), Msg(
        "Hello,\n\nSomeone, hopefully you, made a privacy request for this email address. We have no account "
        "registered with it, so we hold no profile or reviews for it.\n\nIf you wrote to us through the contact "
        "form and want those messages erased, reply through the contact form and mention your ticket number."))


def privacy_export_message(to: str, name: str, export_json: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your data at Career Mitra"), Msg(
        "Hello %(name)s,\n\nAs you asked, here is everything we hold about you, as JSON: your profile, the versions "
        "of the privacy policy you accepted and when, your reviews and your listing requests.\n\n%(export)s",
        name=name, export=export_json))


def privacy_erased_message(to: str, name: str, reviews: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("Your data at Career Mitra was erased"), Msg(
        "Hello %(name)s,\n\nAs you asked, we erased your account and your personal data. Your published reviews "
        "were %(reviews)s; the pages of the site are updated within minutes. This is the last email we send you.",
        name=name, reviews=REVIEWS_CHOICE[reviews].in_language(lang)))


def nominee_export_message(to: str, nominee: str, holder: str, export_json: str,
                           lang: Language = DEFAULT_LANGUAGE) -> Message:
    return _mail(to, lang, Msg("The personal data Career Mitra holds about the person who nominated you"), Msg(
        "Hello %(nominee)s,\n\nAs the nominee of %(holder)s, you asked for a copy of the personal data we hold "
        "about them. Here it is, in JSON:\n\n%(export)s", nominee=nominee, holder=holder, export=export_json))


NOMINEE_ERASED = {
    "anonymise": Msg("Hello %(nominee)s,\n\nAs the nominee of %(holder)s, you asked us to erase their account. We "
                     "have deleted it and the personal data it held; their published reviews are kept anonymised as "
                     "\"Former student\", with no link to them."),
    "delete": Msg("Hello %(nominee)s,\n\nAs the nominee of %(holder)s, you asked us to erase their account. We "
                  "have deleted it and the personal data it held; their published reviews are deleted too."),
}


def nominee_erased_message(to: str, nominee: str, holder: str, reviews: str,
                           lang: Language = DEFAULT_LANGUAGE) -> Message:
    text = NOMINEE_ERASED["anonymise" if reviews == "anonymise" else "delete"]
    return _mail(to, lang, Msg("The Career Mitra account you asked about has been erased"),
                 Msg(text.text, nominee=nominee, holder=holder))


def details_corrected_message(to: str, name: str, fields: list[str], lang: Language = DEFAULT_LANGUAGE) -> Message:
    """Sent to the account's address after a correction, so a change made from a stolen session is noticed."""
    from careermitra.domain.form_messages import field_label

    changed = ", ".join(field_label([field], lang) for field in fields)
    text = (Msg("Hello %(name)s,\n\nThe %(fields)s of your Career Mitra account was changed from \"Your account\". "
                "If you did not do this, sign in again and correct it, or write to us through the contact form.",
                name=name, fields=changed.lower() if lang is DEFAULT_LANGUAGE else changed)
            if len(fields) == 1 else
            Msg("Hello %(name)s,\n\nThe %(fields)s of your Career Mitra account were changed from \"Your "
                "account\". If you did not do this, sign in again and correct them, or write to us through the "
                "contact form.", name=name, fields=changed.lower() if lang is DEFAULT_LANGUAGE else changed))
    return _mail(to, lang, Msg("Your Career Mitra details were changed"), text)


def nominee_named_message(to: str, nominee: str, holder: str, lang: Language = DEFAULT_LANGUAGE) -> Message:
    """Tells the nominee they were named, and what it means; the holder's email is not in it."""
    return _mail(to, lang, Msg("You have been named a nominee on Career Mitra"), Msg(
        "Hello %(nominee)s,\n\n%(holder)s has named you as their nominee on Career Mitra. If they die or can no "
        "longer act for themselves, you may ask us for a copy of their data or for its erasure, through the contact "
        "form (category \"Nominee request\"). You need do nothing now.", nominee=nominee, holder=holder))


# careermitra.domain.trust.Relationship, as the mail says it
ROLES = {"representative": Msg("a representative of %(institution)s"), "student": Msg("a student of %(institution)s"),
         "alumnus": Msg("an alumnus of %(institution)s")}


def address_confirmation_message(to: str, institution: str, relationship: str, link: str,
                                 lang: Language = DEFAULT_LANGUAGE) -> Message:
    """Issue 14: the single-use link that confirms an address at an institution's own mail domain."""
    role = ROLES[relationship]
    return _mail(to, lang, Msg("Confirm your address at %(institution)s", institution=institution), Msg(
        "Hello,\n\nSomeone signed in to Career Mitra asked to be shown as %(role)s, and gave this address. Follow "
        "this link within 24 hours to confirm it:\n\n%(link)s\n\nThe link works once. We keep only the address's "
        "domain and today's date, not the address. If you did not ask for this, ignore this email.",
        role=Msg(role.text, institution=institution).in_language(lang), link=link))
