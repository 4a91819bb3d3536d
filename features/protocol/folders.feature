@protocol @GetFolder @FindFolder
Feature: Folders through GetFolder and FindFolder
  A super-user who may impersonate a mailbox reads its folder tree the way a syncer does.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Binding to a user's Inbox through impersonation
    When svc-ews@acme.test impersonating alice@acme.test binds to the inbox folder
    Then the folder is "Inbox" with 23 items

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1. The mock
  # answers depth-first; the client groups what it reads by element, so the t:Folder entries come
  # first and t:CalendarFolder, t:ContactsFolder, t:TasksFolder after them.
  @since:Exchange2007_SP1
  Scenario: A deep FindFolder under the top of the mailbox lists every folder depth-first
    When svc-ews@acme.test impersonating alice@acme.test finds folders under msgfolderroot with traversal Deep
    Then the folders found are:
      | Inbox         |
      | Projects      |
      | Archive 2025  |
      | Sent Items    |
      | Drafts        |
      | Deleted Items |
      | Junk Email    |
      | Outbox        |
      | Notes         |
      | Journal       |
      | Calendar      |
      | Contacts      |
      | Tasks         |

  Scenario: Every mailbox has the standard folders, calendar, contacts and tasks folders among them as their own elements
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindFolder Traversal="Shallow">
        <m:FolderShape><t:BaseShape>Default</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="folder:FolderClass"/></t:AdditionalProperties></m:FolderShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds>
      </m:FindFolder>
      """
    Then the response lists, in this order, the folders:
      | Folder         | Inbox         | IPF.Note        |
      | Folder         | Sent Items    | IPF.Note        |
      | Folder         | Drafts        | IPF.Note        |
      | Folder         | Deleted Items | IPF.Note        |
      | Folder         | Junk Email    | IPF.Note        |
      | Folder         | Outbox        | IPF.Note        |
      | CalendarFolder | Calendar      | IPF.Appointment |
      | ContactsFolder | Contacts      | IPF.Contact     |
      | TasksFolder    | Tasks         | IPF.Task        |
      | Folder         | Notes         | IPF.StickyNote  |
      | Folder         | Journal       | IPF.Journal     |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A shallow FindFolder lists only direct children
    When svc-ews@acme.test impersonating alice@acme.test finds folders under inbox with traversal Shallow
    Then the folders found are:
      | Projects |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: FindFolder pages with IndexedPageFolderView
    When svc-ews@acme.test impersonating bob@acme.test pages folders under msgfolderroot 3 at a time
    Then the pages hold "3, 3, 3, 3" folders and together list:
      | Inbox         |
      | Builds        |
      | Sent Items    |
      | Drafts        |
      | Deleted Items |
      | Junk Email    |
      | Outbox        |
      | Calendar      |
      | Contacts      |
      | Tasks         |
      | Notes         |
      | Journal       |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Impersonating a mailbox outside the granted domains is refused
    When svc-ews@acme.test impersonating dave@initech.test binds to the inbox folder
    Then the client call fails with ErrorImpersonateUserDenied

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Without impersonation another user's folder is out of reach
    When alice@acme.test binds to the inbox folder of bob@acme.test without impersonation
    Then the client call fails with ErrorAccessDenied

  Scenario: A GetFolder with one good and one bad id answers each in order
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetFolder>
        <m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>
        <m:FolderIds>
          <t:DistinguishedFolderId Id="sentitems"/>
          <t:FolderId Id="not-an-id"/>
        </m:FolderIds>
      </m:GetFolder>
      """
    Then the HTTP status is 200
    And the response messages have these ResponseCodes:
      | NoError                 |
      | ErrorInvalidIdMalformed |
