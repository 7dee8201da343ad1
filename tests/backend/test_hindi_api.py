"""Issue 16: a form on a Hindi page is answered in Hindi (its errors naming the field in Hindi, its result pages
under /hi/), the language chosen at registration is stored and every mail to that person is written in it, and a
review written in Hindi is accepted and published as Hindi."""

from __future__ import annotations

import email
import email.policy
from urllib.parse import parse_qsl, urlsplit

from careermitra.domain.review_submission import ReviewRecord
from careermitra.i18n import Language
from careermitra.workflows.moderation import Moderation
from tests.support.api import (
    EMAIL,
    INSTITUTIONS,
    Api,
    contact_message,
    link_in,
    registration,
    review,
    sent_mail,
)

DEVANAGARI = range(0x0900, 0x0980)


def devanagari_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(1 for char in letters if ord(char) in DEVANAGARI) / max(1, len(letters))


def register_and_verify(api: Api, lang: str) -> tuple[str, str]:
    """Register from a page in `lang` and follow the emailed link: (the session cookie, where the link landed)."""
    before = len(sent_mail())
    assert api.submit("register", "/api/register", registration(lang=lang)).status == 202
    [mail] = sent_mail()[before:]
    verified = api.request("GET", "/api/verify", query=dict(parse_qsl(urlsplit(link_in(mail["text"])).query)))
    cookie = verified.cookie("cm_session")
    assert cookie
    api.clock.advance(minutes=2)
    return cookie.split(";", 1)[0], verified.location


def outbox_mails(moderation: Moderation) -> list[email.message.EmailMessage]:
    folder = moderation.mailer._folder  # type: ignore[attr-defined]
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for path in sorted(folder.glob("*.eml"))] if folder.exists() else []


def test_a_hindi_form_gets_its_errors_in_hindi_naming_each_field_in_hindi(api: Api) -> None:
    answer = api.submit("register", "/api/register", registration(lang="hi", phone="12345", name="42", adult=False))
    assert answer.status == 422
    error = answer.json()["error"]
    assert error["message"] == "कुछ जानकारी ठीक करनी होगी।"
    assert error["fields"]["phone"].startswith("मोबाइल नंबर: ")
    assert "10 अंकों का भारतीय मोबाइल नंबर" in error["fields"]["phone"]
    assert error["fields"]["name"].startswith("नाम: अपना नाम अक्षरों में लिखें")
    assert error["fields"]["adult"].startswith("उम्र (18 या उससे ज़्यादा): पुष्टि करें कि आपकी उम्र 18 साल")
    for why in error["fields"].values():
        assert devanagari_share(why) > 0.6, why


def test_the_same_mistakes_from_an_english_page_are_told_in_english(api: Api) -> None:
    error = api.submit("register", "/api/register", registration(lang="en", phone="12345")).json()["error"]
    assert error["message"] == "Some fields need fixing."
    assert error["fields"]["phone"].startswith("Mobile number: enter a 10-digit Indian mobile number")


def test_a_length_rule_and_a_missing_field_are_worded_in_hindi_with_their_numbers(api: Api) -> None:
    body = {**contact_message(lang="hi", subject="ab")}
    del body["message"]
    fields = api.submit("contact", "/api/contact", body).json()["error"]["fields"]
    assert fields["subject"] == "विषय: कम से कम 3 अक्षर लिखें।"
    assert fields["message"] == "संदेश: यह ज़रूरी है; इसे भरें।"


def test_an_unknown_language_is_the_default_never_an_error(api: Api) -> None:
    for value in ("fr", "", "HI-in", 7):
        answer = api.submit("contact", "/api/contact", contact_message(lang=value, message=f"Question {value!r} here."))
        assert answer.status == 202, answer.body
    error = api.submit("contact", "/api/contact", contact_message(lang="xx", subject="ab")).json()["error"]
    assert error["fields"]["subject"] == "Subject: write at least 3 characters."


def test_a_form_posted_without_script_from_a_hindi_page_lands_on_the_hindi_result_page(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(lang="hi"), as_form=True)
    assert answer.status == 303
    assert urlsplit(answer.location).path == "/hi/contact/thanks/"
    english = api.submit("contact", "/api/contact", contact_message(lang="en", subject="Another question"),
                         as_form=True)
    assert urlsplit(english.location).path == "/contact/thanks/"


def test_a_refused_form_without_script_goes_to_the_hindi_error_page(api: Api) -> None:
    # Who sends it is checked before the body is read: the page it came from (the browser's Referer) says Hindi.
    page = f"https://careermitra.in/hi/institutions/{INSTITUTIONS[0]}/write-review/"
    answer = api.submit("review", "/api/reviews", {**review(lang="hi"), "aspects.faculty": "4"}, as_form=True,
                        headers={"Referer": page})
    assert answer.status == 303
    assert answer.location.startswith("/hi/form-error/not-signed-in/?form=review")


def test_fields_to_fix_without_script_are_a_hindi_page_linking_back_to_the_hindi_form(api: Api) -> None:
    answer = api.submit("contact", "/api/contact", contact_message(lang="hi", subject="ab"), as_form=True)
    assert answer.status == 422
    assert '<html lang="hi-IN">' in answer.body
    assert "कुछ जवाब दोबारा देखने होंगे" in answer.body
    assert "<li>विषय: कम से कम 3 अक्षर लिखें।</li>" in answer.body
    assert 'href="/hi/contact/"' in answer.body


def test_a_form_without_the_field_answers_in_the_language_of_the_page_it_came_from(api: Api) -> None:
    answer = api.request("POST", "/api/logout", form={}, headers={"Referer": "https://careermitra.in/hi/account/"})
    assert (answer.status, answer.location) == (303, "/hi/account/signed-out/")


def test_the_sign_out_form_of_a_hindi_page_lands_on_the_hindi_page_without_a_referer(api: Api) -> None:
    # Its hidden `lang` decides, not the Referer a browser may leave out (or a privacy extension strip).
    cookie, _ = register_and_verify(api, "hi")
    answer = api.request("POST", "/api/logout", form={"lang": "hi"}, cookie=cookie)
    assert (answer.status, answer.location) == (303, "/hi/account/signed-out/")
    english = api.request("POST", "/api/logout", form={"lang": "en"},
                          headers={"Referer": "https://careermitra.in/hi/account/"})
    assert english.location == "/account/signed-out/"


def query_of(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query))


def mailed_link(text: str, path: str) -> str:
    [link] = [word for word in text.split() if word.startswith("https://") and urlsplit(word).path == path]
    return link


def test_a_hindi_privacy_request_s_link_leads_to_the_hindi_pages_used_or_not(api: Api) -> None:
    register_and_verify(api, "hi")
    before = len(sent_mail())
    assert api.submit("privacy", "/api/privacy-requests", {"email": EMAIL, "kind": "access", "lang": "hi"}
                      ).status == 202
    [mail] = sent_mail()[before:]
    link = query_of(mailed_link(mail["text"], "/api/privacy-requests/confirm"))
    assert link["lang"] == "hi"
    opened = api.request("GET", "/api/privacy-requests/confirm", query=link)
    assert opened.location == "/hi/privacy/confirm/"
    cookie = (opened.cookie("cm_privacy_link") or "").split(";", 1)[0]
    # The Hindi confirmation page's button sends its `lang`; no Referer is needed.
    done = api.request("POST", "/api/privacy-requests/confirm", form={"lang": "hi"}, cookie=cookie)
    assert (done.status, done.location) == (303, "/hi/privacy/access-sent/")
    used = api.request("POST", "/api/privacy-requests/confirm", form={"lang": "hi"}, cookie=cookie)
    assert used.location == "/hi/privacy/link-expired/"
    broken = api.request("GET", "/api/privacy-requests/confirm", query={"token": "short", "lang": "hi"})
    assert broken.location == "/hi/privacy/link-expired/"
    # An English request's link stays as it was: no lang, English pages.
    assert api.submit("privacy", "/api/privacy-requests", {"email": EMAIL, "kind": "access", "lang": "en"}
                      ).status == 202
    english = query_of(mailed_link(sent_mail()[-1]["text"], "/api/privacy-requests/confirm"))
    assert "lang" not in english
    assert api.request("GET", "/api/privacy-requests/confirm", query=english).location == "/privacy/confirm/"


def test_a_hindi_address_confirmation_link_leads_to_the_hindi_pages_used_or_not(api: Api) -> None:
    cookie, _ = register_and_verify(api, "hi")
    before = len(sent_mail())
    answer = api.submit("confirm-address", "/api/address-confirmations",
                        {"institution": INSTITUTIONS[0], "email": f"priya@students.{INSTITUTIONS[0]}.example",
                         "relationship": "student", "lang": "hi"}, cookie=cookie)
    assert answer.status == 202, answer.body
    [mail] = sent_mail()[before:]
    link = query_of(mailed_link(mail["text"], "/api/confirm-address"))
    assert link["lang"] == "hi"
    followed = api.request("GET", "/api/confirm-address", query=link)
    assert followed.location == "/hi/account/institution-email-confirmed/?as=student"
    again = api.request("GET", "/api/confirm-address", query=link)
    assert again.location == "/hi/account/link-expired/"


def test_the_review_live_mail_of_a_hindi_author_links_the_hindi_institution_page(
        api: Api, moderation: Moderation) -> None:
    cookie, _ = register_and_verify(api, "hi")
    answer = api.submit("review", "/api/reviews", review(lang="hi", title=HINDI_TITLE, body=HINDI_BODY),
                        cookie=cookie)
    moderation.approve_review(answer.json()["id"])
    [mail] = outbox_mails(moderation)
    assert f"/hi/institutions/{INSTITUTIONS[0]}/#review-{answer.json()['id']}" in mail.get_content()


def test_registration_in_hindi_is_stored_and_the_verification_mail_is_in_hindi(api: Api) -> None:
    from careermitra.api.services import services

    before = len(sent_mail())
    _, landed = register_and_verify(api, "hi")
    [mail] = sent_mail()[before:]
    assert mail["subject"] == "करियर मित्र के लिए अपने ईमेल की पुष्टि करें"
    assert mail["text"].startswith("नमस्ते Priya Sharma,\n\nअपने ईमेल की पुष्टि करने")
    assert mail["text"].endswith("— करियर मित्र\n")
    assert landed == "/hi/account/verified/"
    # Followed again, the used link leads to the Hindi page that offers a new one.
    used = api.request("GET", "/api/verify", query=dict(parse_qsl(urlsplit(link_in(mail["text"])).query)))
    assert used.location == "/hi/account/link-expired/"
    user = services().accounts.users.by_email(EMAIL)
    assert user is not None and user.language is Language.HI
    # Signing in later from an English page: the mail still speaks the language the person registered in.
    assert api.submit("sign_in", "/api/sign-in", {"email": EMAIL, "lang": "en"}).status == 202
    assert sent_mail()[-1]["subject"] == "करियर मित्र पर साइन इन करने का आपका लिंक"


def test_registration_in_english_keeps_english_mail(api: Api) -> None:
    before = len(sent_mail())
    _, landed = register_and_verify(api, "en")
    [mail] = sent_mail()[before:]
    assert mail["subject"] == "Confirm your email for Career Mitra"
    assert landed == "/account/verified/"


def test_a_contact_ticket_is_acknowledged_in_the_language_of_its_form_with_the_date_in_words(api: Api) -> None:
    api.clock.now = api.clock.now.replace(month=7, day=14)
    answer = api.submit("contact", "/api/contact", contact_message(lang="hi"))
    ticket = answer.json()["ticket"]
    [acknowledgement] = [mail for mail in sent_mail() if mail["to"] == [EMAIL]]
    assert acknowledgement["subject"] == f"[{ticket}] आपका संदेश हमें मिल गया है"
    assert f"14 जुलाई {api.clock.now.year} को करियर मित्र के संपर्क फ़ॉर्म से" in acknowledgement["text"]


HINDI_TITLE = "अच्छे शिक्षक, भीड़ वाली लैब"
HINDI_BODY = ("कंप्यूटर इंजीनियरिंग के शिक्षक अपना विषय अच्छी तरह जानते हैं और धैर्य से समझाते हैं, "
              "लेकिन शाम को लैब में बहुत भीड़ रहती है।")


def test_a_review_written_in_hindi_is_accepted_stored_and_published_as_hindi(api: Api,
                                                                            moderation: Moderation) -> None:
    cookie, _ = register_and_verify(api, "hi")
    answer = api.submit("review", "/api/reviews", review(lang="hi", title=HINDI_TITLE, body=HINDI_BODY,
                                                         course="बी.टेक कंप्यूटर इंजीनियरिंग"), cookie=cookie)
    assert answer.status == 202, answer.body
    record = moderation.approve_review(answer.json()["id"])
    assert isinstance(record, ReviewRecord)
    assert (record.title, record.body, record.flags) == (HINDI_TITLE, HINDI_BODY, [])
    published = record.published()
    assert published.language is Language.HI
    [mail] = outbox_mails(moderation)
    assert mail["Subject"] == "आपकी समीक्षा करियर मित्र पर प्रकाशित हो गई है"
    assert f"आपकी समीक्षा \"{HINDI_TITLE}\" स्वीकार कर ली है" in mail.get_content()


def test_a_hindi_review_s_length_is_counted_in_characters_not_bytes(api: Api) -> None:
    cookie, _ = register_and_verify(api, "hi")
    thirty = "क" * 30  # 90 bytes in UTF-8, 30 characters: the shortest body allowed
    short = api.submit("review", "/api/reviews", review(lang="hi", body=thirty[:-1]), cookie=cookie)
    assert short.status == 422
    assert short.json()["error"]["fields"]["body"] == "आपकी समीक्षा: कम से कम 30 अक्षर लिखें।"
    title = "अ" * 120  # the longest title, 360 bytes
    assert api.submit("review", "/api/reviews", review(lang="hi", body=thirty, title=title,
                                                       institution=INSTITUTIONS[1]), cookie=cookie).status == 202


def test_a_hindi_review_with_a_link_or_phone_number_is_still_flagged(api: Api, moderation: Moderation) -> None:
    cookie, _ = register_and_verify(api, "hi")
    body = HINDI_BODY + " ज़्यादा जानकारी के लिए 98765 43210 पर फ़ोन करें या https://example.com देखें।"
    answer = api.submit("review", "/api/reviews", review(lang="hi", title=HINDI_TITLE, body=body), cookie=cookie)
    assert answer.status == 202
    assert {flag.value for flag in moderation.review(answer.json()["id"]).flags} >= {"link", "phone"}


def test_every_mail_to_a_hindi_reader_is_written_in_hindi() -> None:
    import datetime as dt

    from careermitra.domain.ticket import TicketRecord, TicketStatus
    from careermitra.mail import messages

    hi = Language.HI
    name, link, title = "प्रिया शर्मा", "https://careermitra.in/x", "अच्छा कॉलेज"
    ticket = TicketRecord(id="CM-1", name=name, email=EMAIL, subject="फ़ीस", message="फ़ीस ग़लत है",
                          status=TicketStatus.OPEN, created_at=dt.datetime(2026, 7, 14, tzinfo=dt.UTC), lang=hi)
    mails = [
        messages.verification_message(EMAIL, name, link, hi), messages.sign_in_message(EMAIL, name, link, hi),
        messages.no_account_message(EMAIL, "/hi/account/register/", hi),
        messages.review_live_message(EMAIL, name, title, link, hi),
        messages.review_rejected_message(EMAIL, name, title, "विज्ञापन", hi),
        messages.listing_rejected_message(EMAIL, name, title, "जानकारी अधूरी", hi),
        messages.ticket_acknowledgement(EMAIL, "CM-1", dt.date(2026, 7, 14), hi),
        messages.ticket_reply(ticket, "फ़ीस ठीक कर दी गई है।"),
        *(messages.privacy_confirmation_message(EMAIL, kind, reviews, link, hi)
          for kind, reviews in (("access", None), ("erasure", "delete"), ("erasure", "anonymise"))),
        messages.privacy_no_account_message(EMAIL, hi), messages.privacy_export_message(EMAIL, name, "{}", hi),
        messages.privacy_erased_message(EMAIL, name, "anonymise", hi),
        messages.nominee_export_message(EMAIL, name, "अनिल", "{}", hi),
        messages.nominee_erased_message(EMAIL, name, "अनिल", "delete", hi),
        messages.details_corrected_message(EMAIL, name, ["phone", "city"], hi),
        messages.nominee_named_message(EMAIL, name, "अनिल", hi),
        messages.address_confirmation_message(EMAIL, "दक्कन संस्थान", "student", link, hi),
    ]
    for mail in mails:
        assert devanagari_share(mail.subject) > 0.5, mail.subject
        assert devanagari_share(mail.text.replace(link, "").replace("JSON", "")) > 0.8, mail.text
        assert mail.text.endswith("— करियर मित्र\n"), mail.text
