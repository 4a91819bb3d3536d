#!/usr/bin/env python3
"""Drives exchangelib (Debian's python3-exchangelib) against an EWS endpoint and prints JSON.

An independent EWS client in another language: it probes the version and the authentication
scheme itself, impersonates a mailbox and reads folders and messages. The Cucumber feature
features/profiles/interop.feature runs it against each profile of the mock.

Usage: exchangelib_client.py --url URL --mailbox SMTP (--user U --password P [--auth basic|ntlm|auto] | --token JWT)
                             [--impersonate] [--version Exchange2010_SP2] [--writes | --send-as SMTP | --export-upload SUBJECT | …]

--writes changes the mailbox the way an integration does, and reports what came back: a folder
created and renamed, a message with a file attachment sent to the mailbox itself (saved, attached,
sent), the pull and streaming notifications of its arrival, the message filed into the folder,
the folder deleted.
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
    p.add_argument("--writes", action="store_true", help="create, send, notify, file and delete instead of reading")
    p.add_argument("--fetch", type=int, metavar="N", help="read the N newest Inbox messages by id with every property")
    p.add_argument("--soft-delete", metavar="SUBJECT", help="soft-delete the Inbox message with this subject")
    p.add_argument("--oof", action="store_true", help="read, schedule and read again the out-of-office settings")
    p.add_argument("--expand-dl", metavar="SMTP", help="list the members of a distribution list (ExpandDL)")
    p.add_argument("--send-as", metavar="SMTP", help="send the mailbox a message whose From is SMTP, then read it back")
    p.add_argument("--user-config", metavar="NAME",
                   help="create, read, update, read and delete a user configuration object NAME on the Inbox")
    p.add_argument("--draft", metavar="SUBJECT",
                   help="save a draft with this subject to bob@acme.test, change its subject and save it, then send it")
    p.add_argument("--export-upload", metavar="SUBJECT",
                   help="export the Inbox message with this subject, upload it into Junk Email, then over that copy")
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
        if a.writes:
            print(json.dumps(writes(account, a.mailbox)))
            return 0
        if a.oof:
            from exchangelib import UTC, EWSDateTime, OofSettings

            def seen(o):
                return [o.state, o.external_audience, o.internal_reply or "", o.external_reply or "",
                        o.start.isoformat() if o.state == OofSettings.SCHEDULED else ""]

            before = seen(account.oof_settings)
            account.oof_settings = OofSettings(state=OofSettings.SCHEDULED, external_audience="Known",
                                               internal_reply="Back on Monday.", external_reply="Out until Monday.",
                                               start=EWSDateTime(2026, 12, 1, 8, tzinfo=UTC),
                                               end=EWSDateTime(2026, 12, 7, 8, tzinfo=UTC))
            print(json.dumps({"oof": [before, seen(account.oof_settings)]}))
            return 0
        if a.expand_dl:
            members = [[m.name, m.email_address, m.mailbox_type] for m in account.protocol.expand_dl(a.expand_dl)]
            print(json.dumps({"members": members}))
            return 0
        if a.send_as:
            # exchangelib writes the author as t:From; CreateItem SendAndSaveCopy to the mailbox itself.
            from exchangelib import Mailbox, Message
            subject = f"Sent as {a.send_as}"
            Message(account=account, folder=account.sent, subject=subject, body="Sent by exchangelib.",
                    author=Mailbox(email_address=a.send_as), to_recipients=[a.mailbox]).send_and_save()
            got = account.inbox.get(subject=subject)
            print(json.dumps({"sentAs": [got.author.email_address, got.sender.email_address,
                                         account.sent.filter(subject=subject).count()]}))
            return 0
        if a.user_config:
            # Folder.create/get/update/delete_user_configuration: the four UserConfiguration operations.
            inbox = account.inbox

            def read():
                c = inbox.get_user_configuration(a.user_config)
                return {"dictionary": {str(k): v for k, v in (c.dictionary or {}).items()},
                        "xml": c.xml_data.decode() if c.xml_data else None,
                        "binary": list(c.binary_data) if c.binary_data else None, "hasId": bool(c.id)}

            inbox.create_user_configuration(a.user_config, dictionary={"Theme": "dark", "Count": 3, "Enabled": True},
                                            xml_data=b"<Settings><Pane>left</Pane></Settings>", binary_data=b"\x00\x01\x02")
            created = read()
            inbox.update_user_configuration(a.user_config, dictionary={"Theme": "light"})
            updated = read()
            inbox.delete_user_configuration(a.user_config)
            try:
                inbox.get_user_configuration(a.user_config)
                gone = "still there"
            except Exception as e:  # the ResponseCode exchangelib raises as an exception class
                gone = type(e).__name__
            print(json.dumps({"userConfig": {"created": created, "updated": updated, "afterDelete": gone}}))
            return 0
        if a.draft:
            # Message.save() of an existing draft is an UpdateItem setting every field exchangelib
            # knows (sensitivity, reminders, receipts…), whatever changed; send_and_save() then sends it.
            from exchangelib import Mailbox, Message
            draft = Message(account=account, folder=account.drafts, subject=a.draft, body="A draft.",
                            to_recipients=[Mailbox(email_address="bob@acme.test")])
            draft.save()
            draft.subject = a.draft + " (changed)"
            draft.save()
            saved = account.drafts.get(id=draft.id).subject
            draft.send_and_save()
            print(json.dumps({"draft": {"saved": saved, "sent": [m.subject for m in account.sent.filter(subject=draft.subject)],
                                        "drafts": account.drafts.filter(subject=draft.subject).count()}}))
            return 0
        if a.export_upload:
            # ExportItems, then UploadItems twice: CreateNew into Junk Email, then Update over that copy.
            original = account.inbox.get(subject=a.export_upload)
            data = account.export([original])[0]
            [(copy_id, copy_ck)] = account.upload([(account.junk, data)])
            [(updated_id, updated_ck)] = account.upload([(account.junk, ((copy_id, copy_ck), False, data))])
            [copy] = account.fetch(ids=[(updated_id, updated_ck)])
            print(json.dumps({"uploaded": [copy.subject, copy.is_read, copy.sender.email_address if copy.sender else None,
                                           sorted(att.name for att in copy.attachments)],
                              "updateKeptId": updated_id == copy_id, "updateChangedKey": updated_ck != copy_ck,
                              "junkCopies": account.junk.filter(subject=a.export_upload).count()}))
            return 0
        if a.soft_delete:
            # exchangelib looks up Recoverable Items\Deletions before it sends DeleteItem SoftDelete.
            account.inbox.get(subject=a.soft_delete).soft_delete()
            kept = [m.subject for m in account.recoverable_items_deletions.all().only("subject")]
            print(json.dumps({"inboxTotal": account.inbox.all().count(), "deletions": kept}))
            return 0
        if a.fetch:
            # Account.fetch asks for every property of every item kind exchangelib knows (GetItem).
            ids = list(account.inbox.all().order_by("-datetime_received").values_list("id", "changekey")[:a.fetch])
            fetched = [[type(m).__name__, m.subject, m.sender.email_address if m.sender else None, m.is_read,
                        sorted(att.name for att in m.attachments)] for m in account.fetch(ids=ids)]
            print(json.dumps({"fetched": fetched}))
            return 0
        inbox = account.inbox
        inbox.refresh()
        newest = [m.subject for m in inbox.all().order_by("-datetime_received").only("subject")[:3]]
        sent = account.sent.total_count
        synced = sum(1 for change, _ in inbox.sync_items(max_changes_returned=10, only_fields=["subject"])
                     if change == "create")
        children = sorted(f.name for f in inbox.children)
        # The standard folders of every mailbox, as exchangelib types them by folder class.
        standard = [[f.name, type(f).__name__, f.total_count] for f in (account.calendar, account.contacts, account.tasks)]
        out = {
            "build": str(account.version.build),
            "apiVersion": account.version.api_version,
            "authType": account.protocol.auth_type,
            "inbox": {"name": inbox.name, "total": inbox.total_count, "newest": newest, "children": children,
                      "synced": synced},
            "sentTotal": sent,
            "standardFolders": standard,
        }
    except Exception as e:  # report what the client raised, for the feature to assert on
        out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out))
        return 2
    print(json.dumps(out))
    return 0


def writes(account, mailbox: str) -> dict:
    """CreateFolder, UpdateFolder, Subscribe (pull and streaming), CreateItem, CreateAttachment (a file and an
    attached message), GetAttachment, UpdateItem and FindItem of a property of its own,
    SendItem, GetEvents, GetStreamingEvents, MoveItem, DeleteFolder, Unsubscribe: as exchangelib does them."""
    import threading
    from exchangelib import ExtendedProperty, FileAttachment, Folder, ItemAttachment, Message

    class CrmRecordId(ExtendedProperty):
        distinguished_property_set_id = "PublicStrings"
        property_name = "CrmRecordId"
        property_type = "String"

    if "crm_record_id" not in [f.name for f in Message.FIELDS]:
        Message.register("crm_record_id", CrmRecordId)

    folder = Folder(parent=account.inbox, name="Interop filing")
    folder.save()
    folder.name = "Interop filed"
    folder.save(update_fields=["name"])
    pull_id, watermark = account.inbox.subscribe_to_pull(event_types=["NewMailEvent"])
    stream_id = account.inbox.subscribe_to_streaming(event_types=["NewMailEvent"])

    def send() -> None:
        time.sleep(1.0)
        message = Message(account=account, folder=account.sent, subject="Interop send", body="Sent by exchangelib.",
                          to_recipients=[mailbox])
        message.attach(FileAttachment(name="note.txt", content=b"Attached by exchangelib."))
        message.attach(ItemAttachment(name="Earlier mail", item=Message(subject="Earlier mail", body="As agreed.")))
        message.send_and_save()

    sender = threading.Thread(target=send)
    sender.start()
    streamed = []
    # Blocks until the first notification arrives (the send above) or the one-minute connection ends.
    for notification in account.inbox.get_streaming_events(stream_id, connection_timeout=1):
        streamed += [type(e).__name__ for e in notification.events]
        if streamed:
            break
    sender.join()
    pulled = [type(e).__name__ for n in account.inbox.get_events(pull_id, watermark) for e in n.events]
    account.inbox.unsubscribe(pull_id)
    account.inbox.unsubscribe(stream_id)

    received = account.inbox.get(subject="Interop send")
    # A file gives its bytes; an attached message (GetAttachment of an ItemAttachment) its subject and body.
    attachments = [
        (att.name, att.content.decode()) if isinstance(att, FileAttachment) else (att.name, f"{att.item.subject}: {att.item.body}")
        for att in received.attachments
    ]
    # A property of the integration's own marks the message; a filter on it finds it again.
    received.crm_record_id = "crm-4711"
    received.save(update_fields=["crm_record_id"])
    marked = [(m.subject, m.crm_record_id) for m in account.inbox.filter(crm_record_id="crm-4711").only("subject", "crm_record_id")]
    received.move(folder)
    filed = [m.subject for m in folder.all().only("subject")]
    folder.delete()
    return {
        "folder": folder.name,
        "pulled": pulled,
        "streamed": streamed,
        "attachments": attachments,
        "marked": marked,
        "sentCopies": account.sent.filter(subject="Interop send").count(),
        "filed": filed,
        "childrenAfterDelete": sorted(f.name for f in account.inbox.children),
    }


if __name__ == "__main__":
    sys.exit(main())
