from __future__ import annotations

from django.core.management.base import BaseCommand

from claims.demo import ensure_demo_accounts, load_demo_case


class Command(BaseCommand):
    help = "Load the DeepSeek demo case (once) and create the demo reviewer and two editors."

    def handle(self, *args, **options) -> None:
        if load_demo_case():
            self.stdout.write("Loaded the DeepSeek demo case.")
        else:
            self.stdout.write("The DeepSeek demo case is already loaded; left as it is.")
        accounts = ensure_demo_accounts()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Log in at http://127.0.0.1:8000/ with:"))
        for account in accounts:
            self.stdout.write(
                f"  {account.role:<9} username: {account.username:<9} password: {account.password}"
            )
        self.stdout.write("")
