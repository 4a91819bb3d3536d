@needs-admin @inspector
Feature: The web inspector
  A person opens /__admin/ui in a browser to see the mailboxes, folders and messages, the live
  request journal, the active faults and the profile, and to deliver a test message. The pages are
  plain server-rendered HTML with nothing from other origins; message HTML is sandboxed.

  Scenario: The start page lists mailboxes, faults and the profile
    When the tester opens the inspector
    Then the page heading is "Mailboxes"
    And the table "mailboxes" starts with the rows:
      | alice@acme.test | Alice Anderson | 43 |
      | bob@acme.test   | Bob Brown      | 35 |
    And the element "#no-faults" reads "No faults are active."
    And the profile shows:
      | Name              | Exchange2010_SP2             |
      | ServerVersionInfo | 14.2.390.3 (Exchange2010_SP2) |
    And the page loads nothing from another origin

  Scenario: From a mailbox to a folder to a message with its headers and text body
    When the tester opens the inspector
    And the tester follows the link "alice@acme.test"
    Then the table "folders" has a row with:
      | Folder | Inbox |
      | Items  | 23    |
    When the tester follows the link "Inbox"
    Then the page heading is "alice@acme.test · Inbox"
    When the tester follows the link "Signed contract"
    Then the page heading is "Signed contract"
    And the message headers show:
      | From    | Quinn Supplier <quinn@supplier.test> |
      | To      | alice@acme.test                      |
      | Subject | Signed contract                      |
    And the block "mime-headers" shows the line "Subject: Signed contract"

  Scenario: An HTML body is shown in a sandbox; markup in headers is shown as text
    Given a message with the subject "Weekly <b>digest</b>" and the HTML body "<p>Hello team</p><script>document.body.insertAdjacentHTML('beforeend','<p id=pwned>owned</p>');parent.document.title='pwned'</script>" was delivered to the inbox of alice@acme.test
    When the tester opens the inspector page "/mailboxes/alice@acme.test/folders/inbox"
    Then the page shows the text "Weekly <b>digest</b>" literally and has no b element from it
    When the tester follows the link "Weekly <b>digest</b>"
    Then the HTML body is shown in a sandboxed frame that reads "Hello team"
    And no script from the message ran
    And the message headers show:
      | From | Mallory <mallory@evil.test> |

  Scenario: The request journal with pretty-printed SOAP, codes and redaction
    Given svc-ews@acme.test impersonating alice@acme.test posts with the HTTP header "X-Trace: 1" and the SOAP header "<t:Logon><t:Password>hunter2</t:Password></t:Logon>" the body:
      """
      <m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>
      """
    And svc-ews@acme.test impersonating dave@initech.test binds to the inbox folder
    When the tester opens the inspector page "/requests"
    Then the table "journal" has a row with:
      | #            | 1                 |
      | Account      | svc-ews@acme.test |
      | Mailbox      | alice@acme.test   |
      | Operation    | GetFolder         |
      | Status       | 200               |
      | ResponseCode | NoError           |
    And the table "journal" has a row with:
      | #            | 2                          |
      | Status       | 500                        |
      | ResponseCode | ErrorImpersonateUserDenied |
    When the tester follows the link "1"
    Then the page heading is "Request 1: GetFolder"
    And the block "request-xml" shows the line "        <t:DistinguishedFolderId Id=\"inbox\"/>"
    And the block "request-xml" shows the line "      <t:Password>***</t:Password>"
    And the block "request-xml" does not contain "hunter2"
    And the block "response-xml" shows the line "              <t:DisplayName>Inbox</t:DisplayName>"
    And the block "request-headers" shows the line "x-trace: 1"
    When the tester follows the link "← Requests"
    And the tester follows the link "auto-refresh"
    Then the page refreshes itself every 3 seconds

  Scenario: Active faults are listed and cleared from the page
    Given the tester injects the fault:
      """
      { "kind": "server-busy", "operation": "FindItem", "mailbox": "bob@acme.test", "count": 3 }
      """
    When the tester opens the inspector
    Then the table "fault-list" has a row with:
      | Kind      | server-busy                                 |
      | Scope     | operation FindItem, mailbox bob@acme.test   |
      | Remaining | 3                                           |
    When the tester presses "Clear all faults"
    Then the element "#no-faults" reads "No faults are active."
    When the tester sends GET "/faults" to the admin API
    Then the admin answer is a list of 0

  Scenario: Delivering a test message from the form: EWS clients see it as new mail
    When the tester opens the inspector
    And the tester fills in the delivery form:
      | mailbox | bob@acme.test            |
      | folder  | inbox                    |
      | from    | tester@example.test      |
      | subject | Hello from the inspector |
      | text    | Sent from a browser.     |
    And the tester presses "Deliver"
    Then the page heading is "Hello from the inspector"
    And the message headers show:
      | From | tester@example.test |
    When svc-ews@acme.test impersonating bob@acme.test finds items in inbox sorted by "received desc"
    Then the newest item found is "Hello from the inspector" from "tester@example.test"

  Scenario: A mailbox's out-of-office settings, and the automatic reply that left the organisation
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:SetUserOofSettingsRequest>
        <t:Mailbox><t:Address>alice@acme.test</t:Address></t:Mailbox>
        <t:UserOofSettings>
          <t:OofState>Enabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>
          <t:InternalReply><t:Message>In the Berlin office this week.</t:Message></t:InternalReply>
          <t:ExternalReply><t:Message>Away until Monday.</t:Message></t:ExternalReply>
        </t:UserOofSettings>
      </m:SetUserOofSettingsRequest>
      """
    When the tester opens the inspector page "/mailboxes/alice@acme.test"
    Then the out-of-office settings show:
      | State             | Enabled (answering mail now)    |
      | External audience | All                             |
      | Internal reply    | In the Berlin office this week. |
      | External reply    | Away until Monday.              |
    When the tester fills in the delivery form:
      | mailbox | alice@acme.test     |
      | folder  | inbox               |
      | from    | tester@example.test |
      | subject | Where are you?      |
      | text    | Ping.               |
    And the tester presses "Deliver"
    And the tester follows the link "Outbound mail"
    Then the table "outbound" has a row with:
      | From       | alice@acme.test                |
      | Recipients | tester@example.test            |
      | Why        | automatic reply                |
      | Subject    | Automatic reply: Where are you? |
    When the tester follows the link "Automatic reply: Where are you?"
    Then the message headers show:
      | From | Alice Anderson <alice@acme.test> |
      | To   | tester@example.test              |
    And the block "text-body" shows the line "Away until Monday."
    And the block "mime-headers" shows the line "Auto-Submitted: auto-replied"

  Scenario: A shared mailbox's page lists who may open it and who may send from it
    Given the mock serves the scenario "shared-mailbox.yaml"
    When the tester opens the inspector page "/mailboxes/support@acme.test"
    Then the table "mailbox-rights" starts with the rows:
      | alice@acme.test | FullAccess         |
      | bob@acme.test   | SendOnBehalf       |
      | carol@acme.test | FullAccess, SendAs |

  Scenario: A mailbox's page lists its Inbox rules in priority order
    Given the mock serves the scenario "inbox-rules.yaml"
    When the tester opens the inspector page "/mailboxes/alice@acme.test"
    Then the table "inbox-rules" starts with the rows:
      | 1 | Invoices from the vendor                      | yes | containsSubjectStrings: invoice; fromAddresses: billing@vendor.test |  | markAsRead; moveToFolder: Invoices; stopProcessingRules |
      | 2 | Everything else from the vendor to Junk Email | yes | containsSenderStrings: vendor.test                                 |  | moveToFolder: Junk Email                                |

  Scenario: A page for something that does not exist says so
    When the tester opens the inspector page "/mailboxes/nobody@acme.test"
    Then the inspector page answered 404
    And the element "#error" reads "no mailbox nobody@acme.test"
    When the tester opens the inspector page "/outbound/7"
    Then the inspector page answered 404
    And the element "#error" reads "no outbound message 7"

  Scenario: With an admin token, the inspector opens once with ?token= and then keeps it in a cookie
    Given the mock requires the admin token "s3cret-admin"
    When the tester opens the inspector page "/"
    Then the inspector page answered 401
    When the tester opens the inspector page "/?token=s3cret-admin"
    Then the inspector page answered 200
    And the page heading is "Mailboxes"
    When the tester follows the link "Requests"
    Then the page heading is "Requests"
