@profiles @interop
Feature: Independent clients work against every generation
  The mock must not be tuned to one client. ews-javascript-api is driven at each of its
  ExchangeVersion values; exchangelib (Python, from Debian's python3-exchangelib) probes version
  and authentication scheme on its own, the way it does against a real server.

  Scenario Outline: ews-javascript-api at <version> against <profile>
    Given the mock emulates <profile>
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder with ews-javascript-api at <version>
    Then the folder is "Inbox" with 23 items
    And the request carried RequestServerVersion <version>

    Examples:
      | profile          | version          |
      | Exchange2007_SP1 | Exchange2007_SP1 |
      | Exchange2010     | Exchange2010     |
      | Exchange2010_SP1 | Exchange2010_SP1 |
      | Exchange2010_SP2 | Exchange2010_SP2 |
      | Exchange2013     | Exchange2013     |
      | Exchange2013_SP1 | Exchange2013_SP1 |
      | Exchange2016     | Exchange2015     |
      | Exchange2016     | Exchange2016     |
      | Exchange2016     | V2015_10_05      |
      | Exchange2019     | V2016_01_06      |
      | Exchange2019     | V2016_04_13      |
      | Exchange2019     | V2016_07_13      |
      | Exchange2019     | V2016_10_10      |
      | Exchange2019     | V2017_01_07      |
      | Exchange2019     | V2017_04_14      |
      | Exchange2019     | V2017_07_11      |
      | ExchangeOnline   | V2017_10_09      |
      | ExchangeOnline   | V2018_01_08      |
      | ExchangeOnline   | Exchange2013_SP1 |

  Scenario Outline: ews-javascript-api at <version> is refused by the older <profile>
    Given the mock emulates <profile>
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder with ews-javascript-api at <version>
    Then the client call fails with ErrorInvalidServerVersion

    Examples:
      | profile          | version          |
      | Exchange2007_SP1 | Exchange2010     |
      | Exchange2010_SP2 | Exchange2013     |
      | Exchange2013_SP1 | Exchange2016     |
      | Exchange2016     | V2016_01_06      |
      | Exchange2019     | V2018_01_08      |

  Scenario Outline: exchangelib finds version and scheme by itself on <profile>
    Given the mock emulates <profile>
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test reads the mailbox, choosing version and authentication itself
    Then exchangelib saw build "<build>", used API version "<api>" and authentication "NTLM"
    And exchangelib found 23 messages in Inbox, newest first "Signed contract", the subfolder "Projects", 23 created by a full sync and 6 in Sent Items
    And exchangelib opened the standard folders, empty:
      | Calendar | Calendar | 0 |
      | Contacts | Contacts | 0 |
      | Tasks    | Tasks    | 0 |

    Examples:
      | profile          | build       | api              |
      | Exchange2007_SP1 | 8.3.83.6    | Exchange2007_SP1 |
      | Exchange2010     | 14.0.639.21 | Exchange2010     |
      | Exchange2010_SP2 | 14.2.390.3  | Exchange2010_SP2 |
      | Exchange2013_SP1 | 15.0.847.32 | Exchange2013_SP1 |
      | Exchange2016     | 15.1.302.0  | Exchange2016     |
      | Exchange2019     | 15.2.1544.4 | Exchange2016     |

  Scenario: exchangelib with Basic authentication on Exchange 2010 SP2
    Given the mock emulates Exchange2010_SP2
    When exchangelib as svc-ews@acme.test impersonating carol@globex.test reads the mailbox with Basic authentication
    Then exchangelib saw build "14.2.390.3", used API version "Exchange2010_SP2" and authentication "basic"

  @ExchangeOnline
  Scenario: exchangelib with an app-only OAuth token on Exchange Online
    Given the mock emulates ExchangeOnline
    When exchangelib with an app-only OAuth token impersonating alice@acme.test reads the mailbox
    Then exchangelib saw build "15.20.8769.21", used API version "Exchange2016" and authentication "OAuth 2.0"
    And exchangelib found 23 messages in Inbox, newest first "Signed contract", the subfolder "Projects", 23 created by a full sync and 6 in Sent Items

  Scenario: exchangelib reads and schedules the out-of-office settings
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test reads, schedules and reads again the out-of-office settings
    Then exchangelib read the out-of-office settings, before and after:
      | Disabled  | All   |                 |                   |                           |
      | Scheduled | Known | Back on Monday. | Out until Monday. | 2026-12-01T08:00:00+00:00 |

  Scenario: exchangelib expands a distribution list
    Given the mock emulates Exchange2010_SP2
    When exchangelib as alice@acme.test expands the distribution list "sales-team@acme.test"
    Then exchangelib read the members:
      | Alice Anderson | alice@acme.test    | Mailbox  |
      | Bob Brown      | bob@acme.test      | Mailbox  |
      | Acme Partners  | partners@acme.test | PublicDL |

  Scenario: exchangelib soft-deletes a message into Recoverable Items
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test soft-deletes the Inbox message "Signed contract"
    Then exchangelib counted 22 messages left in Inbox and found only "Signed contract" in the Deletions folder of Recoverable Items

  # Folder.create/get/update/delete_user_configuration: settings an application keeps on a folder.
  # The update sends a dictionary of one entry, which replaces the three before (as exchangelib's own tests expect).
  Scenario: exchangelib keeps, reads, updates and deletes a user configuration object on the Inbox
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test creates, reads, updates, reads and deletes the user configuration "CRM.Settings" on the Inbox
    Then exchangelib read the user configuration as created with the dictionary "{\"Theme\": \"dark\", \"Count\": 3, \"Enabled\": true}", the XML "<Settings><Pane>left</Pane></Settings>" and the bytes "0 1 2"
    And after the update the dictionary was "{\"Theme\": \"light\"}", and after the delete reading it raised ErrorItemNotFound

  # Message.save() of a draft that exists sets every field exchangelib knows, reminders and receipt
  # requests among them (UpdateItem); the mock accepts those it does not keep.
  Scenario: exchangelib saves a draft twice and sends it
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test saves a draft "Proposal", changes its subject, saves it again and sends it
    Then exchangelib saved the draft as "Proposal (changed)", and Sent Items then held it and Drafts did not

  # Account.export and Account.upload: ExportItems, then UploadItems CreateNew and Update.
  Scenario: exchangelib exports a message and uploads it again, as a new copy and over that copy
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test exports the inbox message "Signed contract" and uploads it to Junk Email, then over that copy
    Then exchangelib read back the upload as "Signed contract", read true, from "quinn@supplier.test" with the attachments "contract.pdf, notes.txt"
    And the update kept the copy's id with a new ChangeKey, and Junk Email holds 1 copy
    And the inbox of alice@acme.test holds "Signed contract" as a read message

  # Account.fetch names every property of every item kind, contact address parts among them.
  Scenario: exchangelib fetches messages by id with every property it knows
    Given the mock emulates Exchange2010_SP2
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test fetches the 3 newest Inbox messages by id
    Then exchangelib fetched, with every property:
      | Message | Signed contract            | quinn@supplier.test | read   | contract.pdf, notes.txt |
      | Message | Réunion d'équipe — 会議 📅 | petra@customer.test | unread |                         |
      | Message |                            | otto@vendor.test    | unread |                         |

  Scenario: exchangelib is refused a mailbox outside the super-user's grants
    Given the mock emulates Exchange2016
    When exchangelib as svc-ews@acme.test impersonating dave@initech.test reads the mailbox, choosing version and authentication itself
    Then exchangelib failed with "ErrorImpersonateUserDenied"

  # exchangelib before Exchange 2013 sends a new message with attachments by saving it in Sent Items,
  # attaching, then SendItem with SaveItemToFolder="false", which deletes the item once sent: no copy
  # is left (exchangelib issue #1103 reports the same on a real server).
  Scenario: exchangelib files mail, sends with a file and an attached message, marks it with a property of its own and hears of it by pull and streaming notifications
    Given the mock emulates Exchange2010_SP2
    When exchangelib as svc-ews@acme.test impersonating alice@acme.test writes to the mailbox with Basic authentication
    Then exchangelib created and renamed the folder "Interop filed", filed "Interop send" in it, and deleted it
    And exchangelib heard of the new mail by pull (GetEvents) and by streaming (GetStreamingEvents): NewMailEvent
    # exchangelib adds the attached message before the file (two CreateAttachment requests).
    And the message arrived with these attachments, and Sent Items kept 0 copies:
      | Earlier mail | Earlier mail: As agreed. |
      | note.txt     | Attached by exchangelib. |
    And exchangelib marked "Interop send" with its own property "crm-4711" and found it by it
    And exchangelib used, in this order, the operations:
      | CreateFolder       |
      | UpdateFolder       |
      | Subscribe          |
      | GetStreamingEvents |
      | CreateItem         |
      | CreateAttachment   |
      | SendItem           |
      | GetEvents          |
      | Unsubscribe        |
      | FindItem           |
      | GetItem            |
      | GetAttachment      |
      | UpdateItem         |
      | FindItem           |
      | GetItem            |
      | MoveItem           |
      | FindItem           |
      | DeleteFolder       |
      | FindItem           |
