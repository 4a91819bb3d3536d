@protocol @CreateFolder @UpdateFolder @MoveFolder @CopyFolder @DeleteFolder @EmptyFolder
Feature: Creating, renaming, moving, copying, deleting and emptying folders
  Integrations file processed mail into folders of their own. CreateFolder, UpdateFolder (the
  display name), MoveFolder, CopyFolder, DeleteFolder and EmptyFolder change the mailbox's folders as Exchange
  does; distinguished folders cannot be deleted, moved or renamed.

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A folder is created, a message filed in it, and the folder renamed and moved with it
    When svc-ews@acme.test impersonating alice@acme.test creates the folder "Processed" under inbox
    Then the new folder has a FolderId
    When svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Signed contract" to "Inbox/Processed"
    And svc-ews@acme.test impersonating alice@acme.test renames the folder "Inbox/Processed" to "Done"
    And svc-ews@acme.test impersonating alice@acme.test moves the folder "Inbox/Done" to "Inbox/Projects"
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |                              | 0  |
      | Inbox                        | 22 |
      | Inbox/Projects               | 6  |
      | Inbox/Projects/Archive 2025  | 3  |
      | Inbox/Projects/Done          | 1  |
      | Sent Items                   | 6  |
      | Drafts                       | 2  |
      | Deleted Items                | 3  |
      | Junk Email                   | 0  |
      | Outbox                       | 0  |
      | Calendar                     | 0  |
      | Contacts                     | 0  |
      | Tasks                        | 0  |
      | Notes                        | 0  |
      | Journal                      | 0  |

  @since:Exchange2007_SP1
  Scenario: A copied folder brings its messages and subfolders; the original stays, and a distinguished folder copies as an ordinary one
    When svc-ews@acme.test impersonating alice@acme.test copies the folder "Inbox/Projects" to drafts
    And svc-ews@acme.test impersonating alice@acme.test copies the folder sentitems to "Inbox/Projects"
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |                              | 0  |
      | Inbox                        | 23 |
      | Inbox/Projects               | 6  |
      | Inbox/Projects/Archive 2025  | 3  |
      | Inbox/Projects/Sent Items    | 6  |
      | Sent Items                   | 6  |
      | Drafts                       | 2  |
      | Drafts/Projects              | 6  |
      | Drafts/Projects/Archive 2025 | 3  |
      | Deleted Items                | 3  |
      | Junk Email                   | 0  |
      | Outbox                       | 0  |
      | Calendar                     | 0  |
      | Contacts                     | 0  |
      | Tasks                        | 0  |
      | Notes                        | 0  |
      | Journal                      | 0  |
    When svc-ews@acme.test impersonating alice@acme.test renames the folder "Inbox/Projects/Sent Items" to "Sent copy"
    Then the client call succeeds

  @since:Exchange2007_SP1
  Scenario: A syncer sees folders created, renamed and deleted over EWS
    Given svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    When svc-ews@acme.test impersonating alice@acme.test creates the folder "Invoices" under inbox
    And svc-ews@acme.test impersonating alice@acme.test renames the folder "Inbox/Projects" to "Projects 2026"
    And svc-ews@acme.test impersonating alice@acme.test deletes the folder "Inbox/Projects 2026/Archive 2025" with HardDelete
    And svc-ews@acme.test impersonating alice@acme.test syncs the folder hierarchy
    Then the hierarchy sync reports these changes:
      | Update | Projects 2026 |
      | Create | Invoices      |
      | Delete | Archive 2025  |

  @since:Exchange2007_SP1
  Scenario: MoveToDeletedItems puts a folder under Deleted Items with everything in it; HardDelete removes it
    When svc-ews@acme.test impersonating alice@acme.test deletes the folder "Inbox/Projects" with MoveToDeletedItems
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |                                     | 0  |
      | Inbox                               | 23 |
      | Sent Items                          | 6  |
      | Drafts                              | 2  |
      | Deleted Items                       | 3  |
      | Deleted Items/Projects              | 6  |
      | Deleted Items/Projects/Archive 2025 | 3  |
      | Junk Email                          | 0  |
      | Outbox                              | 0  |
      | Calendar                            | 0  |
      | Contacts                            | 0  |
      | Tasks                               | 0  |
      | Notes                               | 0  |
      | Journal                             | 0  |
    When svc-ews@acme.test impersonating alice@acme.test deletes the folder "Deleted Items/Projects" with HardDelete
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |               | 0  |
      | Inbox         | 23 |
      | Sent Items    | 6  |
      | Drafts        | 2  |
      | Deleted Items | 3  |
      | Junk Email    | 0  |
      | Outbox        | 0  |
      | Calendar      | 0  |
      | Contacts      | 0  |
      | Tasks         | 0  |
      | Notes         | 0  |
      | Journal       | 0  |

  # EmptyFolder arrived with Exchange 2010 SP1
  @since:Exchange2010_SP1
  Scenario: EmptyFolder removes the items, and the subfolders only when asked
    When svc-ews@acme.test impersonating alice@acme.test empties the folder inbox with HardDelete, subfolders excluded
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |                             | 0 |
      | Inbox                       | 0 |
      | Inbox/Projects              | 6 |
      | Inbox/Projects/Archive 2025 | 3 |
      | Sent Items                  | 6 |
      | Drafts                      | 2 |
      | Deleted Items               | 3 |
      | Junk Email                  | 0 |
      | Outbox                      | 0 |
      | Calendar                    | 0 |
      | Contacts                    | 0 |
      | Tasks                       | 0 |
      | Notes                       | 0 |
      | Journal                     | 0 |
    When svc-ews@acme.test impersonating alice@acme.test empties the folder sentitems with MoveToDeletedItems, subfolders included
    And svc-ews@acme.test impersonating alice@acme.test empties the folder inbox with MoveToDeletedItems, subfolders included
    Then the client call succeeds
    And the folders of alice@acme.test are, with their item counts:
      |                                     | 0 |
      | Inbox                               | 0 |
      | Sent Items                          | 0 |
      | Drafts                              | 2 |
      | Deleted Items                       | 9 |
      | Deleted Items/Projects              | 6 |
      | Deleted Items/Projects/Archive 2025 | 3 |
      | Junk Email                          | 0 |
      | Outbox                              | 0 |
      | Calendar                            | 0 |
      | Contacts                            | 0 |
      | Tasks                               | 0 |
      | Notes                               | 0 |
      | Journal                             | 0 |

  @since:Exchange2007_SP1
  Scenario Outline: A folder change Exchange refuses changes nothing: <code>
    Given the folders of alice@acme.test are noted
    When svc-ews@acme.test impersonating alice@acme.test <action>
    Then the client call fails with <code>
    And the folders of alice@acme.test are as noted

    Examples:
      | action                                                     | code                           |
      | creates the folder "projects" under inbox                  | ErrorFolderExists              |
      | creates the folder "junk email" under msgfolderroot        | ErrorFolderExists              |
      | deletes the folder inbox with HardDelete                   | ErrorDeleteDistinguishedFolder |
      | moves the folder inbox to "Inbox/Projects"                 | ErrorMoveDistinguishedFolder   |
      | moves the folder "Inbox/Projects" to "Inbox/Projects/Archive 2025" | ErrorMoveCopyFailed    |
      | copies the folder "Inbox/Projects" to "Inbox/Projects/Archive 2025" | ErrorMoveCopyFailed   |
      | copies the folder "Inbox/Projects" to inbox                | ErrorFolderExists              |
      | renames the folder sentitems to "Sent"                     | ErrorInvalidPropertySet        |

  Scenario Outline: Folder requests this store cannot carry out are refused for their folder: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <request>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>

    Examples:
      | case                       | request                                                                                                                                                                                                                                                              | code                     |
      | a search folder            | <m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:Folders><t:SearchFolder><t:DisplayName>Unread</t:DisplayName></t:SearchFolder></m:Folders></m:CreateFolder>                                                          | ErrorInvalidRequest      |
      | a folder without a name    | <m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:Folders><t:Folder><t:FolderClass>IPF.Note</t:FolderClass></t:Folder></m:Folders></m:CreateFolder>                                                                      | ErrorInvalidRequest      |
      | setting the folder class   | <m:UpdateFolder><m:FolderChanges><t:FolderChange><t:DistinguishedFolderId Id="inbox"/><t:Updates><t:SetFolderField><t:FieldURI FieldURI="folder:FolderClass"/><t:Folder><t:FolderClass>IPF.Task</t:FolderClass></t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder> | ErrorInvalidPropertySet  |
      | deleting the display name  | <m:UpdateFolder><m:FolderChanges><t:FolderChange><t:DistinguishedFolderId Id="drafts"/><t:Updates><t:DeleteFolderField><t:FieldURI FieldURI="folder:DisplayName"/></t:DeleteFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>               | ErrorInvalidPropertyDelete |

  Scenario Outline: A folder request the schema does not allow is a schema fault: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <request>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                     | request                                                                                                   | message                                     |
      | CreateFolder, no folders | <m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId></m:CreateFolder> | List of possible elements expected: 'Folders' |
      | DeleteFolder, no type    | <m:DeleteFolder><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:DeleteFolder>            | The required attribute 'DeleteType' is missing. |
      | MoveFolder, no target    | <m:MoveFolder><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:MoveFolder>                | List of possible elements expected: 'ToFolderId' |
      | CopyFolder, no folders   | <m:CopyFolder><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId><m:FolderIds/></m:CopyFolder> | List of possible elements expected: 'FolderId, DistinguishedFolderId' |
