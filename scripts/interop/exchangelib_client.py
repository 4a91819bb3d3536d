#!/usr/bin/env python3
"""Drives exchangelib (Debian's python3-exchangelib) against an EWS endpoint and prints JSON.

An independent EWS client in another language: it probes the version and the authentication
scheme itself, impersonates a mailbox and reads folders and messages. The Cucumber feature
features/profiles/interop.feature runs it against each profile of the mock.

Usage: exchangelib_client.py --url URL --mailbox SMTP (--user U --password P [--auth basic|ntlm|auto] | --token JWT)
                             [--impersonate] [--version Exchange2010_SP2]
"""
import argparse
import json
import os
import sys
import time


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--mailbox", required=True)
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--auth", choices=["basic", "ntlm", "auto"], default="auto")
    p.add_argument("--token", help="OAuth access token (app-only); no identity provider is contacted")
    p.add_argument("--impersonate", action="store_true")
    p.add_argument("--version", help="pin the RequestServerVersion instead of letting exchangelib probe")
    a = p.parse_args()

    try:
        from exchangelib import (BASIC, DELEGATE, IMPERSONATION, NTLM, OAUTH2, Account, Build, Configuration,
                                 Credentials, OAuth2Credentials, Version)
        from exchangelib.protocol import BaseProtocol, NoVerifyHTTPAdapter
        from oauthlib.oauth2 import OAuth2Token
    except ImportError as e:  # the feature reports this as a missing prerequisite
        print(json.dumps({"error": f"exchangelib is not installed: {e}"}))
        return 3

    BaseProtocol.HTTP_ADAPTER_CLS = NoVerifyHTTPAdapter
    version = None
    if a.version:
        version = Version(build=Build(15, 0), api_version=a.version)

    if a.token:
        if a.url.startswith("http://"):
            # oauthlib refuses Bearer tokens over plain http; the mock may serve http in tests.
            os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
        token = OAuth2Token({"access_token": a.token, "token_type": "Bearer", "expires_in": 3600,
                             "expires_at": time.time() + 3600})
        credentials = OAuth2Credentials(client_id="mock-ews-interop", client_secret="unused",
                                        tenant_id="mock", access_token=token)
        auth_type = OAUTH2
    else:
        credentials = Credentials(a.user, a.password)
        auth_type = {"basic": BASIC, "ntlm": NTLM, "auto": None}[a.auth]

    config = Configuration(service_endpoint=a.url, credentials=credentials, auth_type=auth_type, version=version,
                           max_connections=2)
    try:
        account = Account(a.mailbox, config=config, autodiscover=False,
                          access_type=IMPERSONATION if a.impersonate else DELEGATE)
        inbox = account.inbox
        inbox.refresh()
        newest = [m.subject for m in inbox.all().order_by("-datetime_received").only("subject")[:3]]
        sent = account.sent.total_count
        synced = sum(1 for change, _ in inbox.sync_items(max_changes_returned=10, only_fields=["subject"])
                     if change == "create")
        children = sorted(f.name for f in inbox.children)
        out = {
            "build": str(account.version.build),
            "apiVersion": account.version.api_version,
            "authType": account.protocol.auth_type,
            "inbox": {"name": inbox.name, "total": inbox.total_count, "newest": newest, "children": children,
                      "synced": synced},
            "sentTotal": sent,
        }
    except Exception as e:  # report what the client raised, for the feature to assert on
        out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out))
        return 2
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
