#!/usr/bin/env python3
"""An IMAP session through DavMail, the EWS gateway (Debian's davmail), against an EWS server.

    davmail_imap.py --port IMAP_PORT --smtp-port SMTP_PORT --user alice@acme.test --password ...
                    [--folder "INBOX/Projects"] [--to bob@acme.test]

Logs in, lists the folders, selects INBOX, searches unseen mail, marks the first message seen, copies
the second to --folder, gives the first the keyword Important, appends a message, finds it by subject, marks it deleted and expunges it;
then sends a message to --to over SMTP. Prints one JSON object of what each step answered: the EWS
side is checked by the caller.
"""
import argparse
from email.header import decode_header, make_header
import imaplib
import json
import re
import smtplib
import sys
import time


def subject(fetched) -> str:
    """The Subject header of a FETCH BODY[HEADER.FIELDS (SUBJECT)] answer, RFC 2047 decoded."""
    line = fetched[0][1].decode().strip()
    return str(make_header(decode_header(line.split(":", 1)[1].strip())))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--folder", default="INBOX/Projects")
    p.add_argument("--smtp-port", type=int)
    p.add_argument("--to", default="bob@acme.test")
    a = p.parse_args()
    out = {}
    try:
        m = imaplib.IMAP4("127.0.0.1", a.port)
        m.login(a.user, a.password)
        _, boxes = m.list()
        out["folders"] = [re.search(rb'"([^"]*)"$', b).group(1).decode() for b in boxes]
        _, count = m.select("INBOX")
        out["inbox"] = int(count[0])
        _, unseen = m.search(None, "UNSEEN")
        out["unseen"] = len(unseen[0].split())
        _, first = m.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        out["firstSubject"] = subject(first)
        m.store("1", "+FLAGS", "(\\Seen)")
        _, unseen = m.search(None, "UNSEEN")
        out["unseenAfterStore"] = len(unseen[0].split())
        m.store("1", "+FLAGS", "(Important)")
        _, flags = m.fetch("1", "(FLAGS)")
        out["keywordFlags"] = flags[0].decode()
        _, second = m.fetch("2", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        out["copied"] = subject(second)
        out["copy"] = m.copy("2", a.folder)[0]
        message = (b"From: Dave <dave@initech.test>\r\nTo: " + a.user.encode() + b"\r\nSubject: Appended through IMAP\r\n"
                   b"Message-ID: <appended@initech.test>\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\n\r\nHello from APPEND.\r\n")
        out["append"] = m.append("INBOX", "(\\Seen)", imaplib.Time2Internaldate(time.time()), message)[0]
        _, count = m.select("INBOX")
        out["inboxAfterAppend"] = int(count[0])
        _, found = m.search(None, "SUBJECT", '"Appended through IMAP"')
        number = found[0].split()[-1]
        _, whole = m.fetch(number, "(RFC822)")
        out["appendedBody"] = whole[0][1].decode().split("\r\n\r\n", 1)[1].strip()
        m.store(number, "+FLAGS", "(\\Deleted)")
        m.expunge()
        _, count = m.select("INBOX")
        out["inboxAfterExpunge"] = int(count[0])
        m.logout()
        if a.smtp_port:
            with smtplib.SMTP("127.0.0.1", a.smtp_port) as smtp:
                smtp.login(a.user, a.password)
                refused = smtp.sendmail(a.user, [a.to], (f"From: {a.user}\r\nTo: {a.to}\r\nSubject: Sent through DavMail\r\n"
                                                         "Message-ID: <smtp@davmail.test>\r\n\r\nSent over SMTP.\r\n").encode())
            out["smtpRefused"] = refused
    except Exception as e:  # the caller reports what failed, with what came before it
        out["error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
