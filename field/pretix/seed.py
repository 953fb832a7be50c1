"""Seed data for the trial: one organizer, one event on sale with three products, one sold out.

Run with `python -m pretix shell < seed.py` (setup.sh does). Uses pretix's own models, the way the
organizer's control panel would create them.
"""
import datetime as dt
from decimal import Decimal

from django.utils.timezone import now
from django_scopes import scopes_disabled

from pretix.base.models import Event, Item, Organizer, Quota, User

with scopes_disabled():
    admin = User.objects.create_superuser("admin@example.org", "Field-trial-admin-42")
    org = Organizer.objects.create(name="Riverside Arts", slug="riverside")
    org.plugins = ",".join(sorted(set(org.get_plugins()) | {"pretix.plugins.banktransfer"}))  # hybrid plugin: both levels
    org.save()
    start = (now() + dt.timedelta(days=60)).replace(hour=19, minute=0, second=0, microsecond=0)
    event = Event.objects.create(
        organizer=org, name="Summer Jazz Night", slug="jazz", currency="EUR", live=True,
        date_from=start, date_to=start + dt.timedelta(hours=3), presale_start=now() - dt.timedelta(days=1),
        location="Riverside Hall, Harbour Street 5, Hamburg",
        plugins="pretix.plugins.banktransfer,pretix.plugins.ticketoutputpdf,pretix.plugins.sendmail,pretix.plugins.statistics",
    )
    event.settings.set("timezone", "Europe/Berlin")
    event.settings.set("locales", ["en"])
    event.settings.set("locale", "en")
    event.settings.set("payment_banktransfer__enabled", True)
    event.settings.set("payment_banktransfer_bank_details_type", "sepa")
    event.settings.set("payment_banktransfer_bank_details_sepa_name", "Riverside Arts e.V.")
    event.settings.set("payment_banktransfer_bank_details_sepa_iban", "DE02120300000000202051")
    event.settings.set("payment_banktransfer_bank_details_sepa_bic", "BYLADEM1001")
    event.settings.set("payment_banktransfer_bank_details_sepa_bank", "Deutsche Kreditbank Berlin")
    tickets = event.categories.create(name="Tickets", position=0)
    regular = Item.objects.create(event=event, category=tickets, name="Regular ticket", default_price=Decimal("25.00"),
                                  admission=True, position=0)
    student = Item.objects.create(event=event, category=tickets, name="Student ticket", default_price=Decimal("12.00"),
                                  admission=True, position=1,
                                  description="Please bring your student ID to the entrance.")
    front = Item.objects.create(event=event, category=tickets, name="Front row seat", default_price=Decimal("60.00"),
                                admission=True, position=2)
    hall = Quota.objects.create(event=event, name="Hall", size=200)
    hall.items.add(regular, student)
    front_row = Quota.objects.create(event=event, name="Front row", size=0)  # sold out
    front_row.items.add(front)
    print("seeded", org.slug, event.slug)
