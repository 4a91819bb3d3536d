@protocol @FindConversation
Feature: Conversations of a folder (FindConversation)
  FindConversation (Exchange 2010 SP1 on) lists the conversations with messages in a folder, each
  with what its messages add up to in that folder and across the mailbox: counts, unread, senders,
  recipients and the ids of its messages. Messages belong to one conversation when their subjects
  are the same once reply and forward prefixes are taken off.

  @since:Exchange2010_SP1
  Scenario: A thread between two people, read from the Inbox through ews-javascript-api
    When bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test sends bob@acme.test the message "RE: Budget 2027"
    And bob@acme.test sends alice@acme.test the message "RE: Budget 2027"
    And svc-ews@acme.test impersonating alice@acme.test finds the conversations of inbox through ews-javascript-api
    Then the conversation "Budget 2027" counts:
      | messages        | 2 |
      | global messages | 3 |
      | unread          | 2 |
      | global unread   | 2 |
    And the conversation "Budget 2027" has the senders "Bob Brown" in the folder and "Alice Anderson, Bob Brown" in the mailbox
    And the conversation "Budget 2027" lists as its items the inbox messages "Budget 2027 | RE: Budget 2027" of alice@acme.test, and with the sentitems ones as its mailbox items

  @since:Exchange2010_SP1
  Scenario: A message read or deleted changes the conversation's totals
    Given bob@acme.test sends alice@acme.test the message "Kick-off"
    And bob@acme.test sends alice@acme.test the message "Re: Kick-off"
    When svc-ews@acme.test impersonating alice@acme.test finds the conversations of inbox through ews-javascript-api
    Then the conversation "Kick-off" counts:
      | messages | 2 |
      | unread   | 2 |
    When svc-ews@acme.test impersonating alice@acme.test marks the inbox message "Kick-off" as read
    And svc-ews@acme.test impersonating alice@acme.test moves the inbox message "Re: Kick-off" to deleteditems
    And svc-ews@acme.test impersonating alice@acme.test finds the conversations of inbox through ews-javascript-api
    Then the conversation "Kick-off" counts:
      | messages        | 1 |
      | global messages | 2 |
      | unread          | 0 |
      | global unread   | 1 |

  Scenario: Sorted by topic and paged, with the size of the view (Exchange 2013 on)
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:FindConversation>
        <m:IndexedPageItemView MaxEntriesReturned="1" Offset="1" BasePoint="Beginning"/>
        <m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="conversation:ConversationTopic"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderId><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderId>
      </m:FindConversation>
      """
    Then the FindConversation answer is Success with the ResponseCode NoError and no message
    And the conversations answered are, in order:
      | Draft: proposal |
    And the answer says 2 conversations are in the view and the next page starts at 2
    And every conversation answered ends with LastModifiedTime, InstanceKey, HasIrm and GlobalHasIrm

  @since:Exchange2010_SP1
  Scenario: Before Exchange 2013 a conversation carries no LastModifiedTime, InstanceKey or IRM flags
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2010_SP1 the SOAP body:
      """
      <m:FindConversation><m:ParentFolderId><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderId></m:FindConversation>
      """
    Then the FindConversation answer is Success with the ResponseCode NoError and no message
    And no conversation answered has LastModifiedTime, InstanceKey, HasIrm or GlobalHasIrm

  Scenario Outline: A query string and the mailbox scope narrow the list (Exchange 2013 on): <case>
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:FindConversation>
        <m:SortOrder><t:FieldOrder Order="Descending"><t:FieldURI FieldURI="conversation:ConversationTopic"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderId><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderId>
        <narrowing>
      </m:FindConversation>
      """
    Then the FindConversation answer is Success with the ResponseCode NoError and no message
    And the answer says <total> conversations are in the view and the next page starts at <total>

    Examples:
      | case                         | narrowing                                   | total |
      | a word of one subject        | <m:QueryString>proposal</m:QueryString>     | 1     |
      | the primary mailbox and more | <m:MailboxScope>All</m:MailboxScope>         | 2     |
      | the archive, which is empty  | <m:MailboxScope>ArchiveOnly</m:MailboxScope> | 0     |

  Scenario Outline: What cannot be answered is an error for the folder, and what is malformed a schema fault: <case>
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:FindConversation <attributes>>
        <sort>
        <m:ParentFolderId><folder></m:ParentFolderId>
      </m:FindConversation>
      """
    Then the FindConversation answer is Error with the ResponseCode <code> and the message "<text>"

    Examples:
      | case                         | attributes          | sort                                                                                                     | folder                                       | code                             | text |
      | a folder id naming nothing   |                     |                                                                                                          | <t:FolderId Id="AAMkADk5ZjQ2ZjM1AAA="/>       | ErrorInvalidIdMalformed          | Id is malformed. |
      | sorted by an item property   |                     | <m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:Subject"/></t:FieldOrder></m:SortOrder> | <t:DistinguishedFolderId Id="inbox"/> | ErrorUnsupportedPathForSortGroup | The property can not be used for sorting or grouping results. |
      | a view filter                | ViewFilter="Unread" |                                                                                                          | <t:DistinguishedFolderId Id="inbox"/>        | ErrorInvalidRequest              | mock-ews does not emulate the view filter Unread in FindConversation. |

  Scenario Outline: Malformed requests fail schema validation: <case>
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:FindConversation <attributes>><body></m:FindConversation>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                 | attributes         | body                                                                                                  | message |
      | no folder            |                    | <m:IndexedPageItemView MaxEntriesReturned="5" Offset="0" BasePoint="Beginning"/>                       | List of possible elements expected: 'ParentFolderId' |
      | an unknown traversal | Traversal="Wide"   | <m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId>                              | The value 'Wide' is invalid according to its datatype |
      | an unknown scope     |                    | <m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:MailboxScope>Both</m:MailboxScope> | The value 'Both' is invalid according to its datatype |
      | a made-up FieldURI   |                    | <m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="conversation:Nonsense1"/></t:FieldOrder></m:SortOrder><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId> | The value 'conversation:Nonsense1' is invalid |

  Scenario: Asked under Exchange 2010 (before SP1), FindConversation is ErrorIncorrectSchemaVersion
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2010 the SOAP body:
      """
      <m:FindConversation><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId></m:FindConversation>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion

  # ApplyConversationAction (Exchange 2010 SP1 on): what a client does to a whole conversation at once.
  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario: Moving a conversation out of the Inbox leaves its copy in Sent Items where it is
    Given bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test sends bob@acme.test the message "RE: Budget 2027"
    And bob@acme.test sends alice@acme.test the message "RE: Budget 2027"
    When svc-ews@acme.test impersonating alice@acme.test moves the conversation "Budget 2027" of inbox to junkemail through ews-javascript-api
    Then the client call succeeds
    And the junkemail of alice@acme.test holds "Budget 2027" as an unread message
    And the junkemail of alice@acme.test holds "RE: Budget 2027" as an unread message
    And the inbox of alice@acme.test does not hold "Budget 2027"
    And the inbox of alice@acme.test does not hold "RE: Budget 2027"
    And the sentitems of alice@acme.test holds "RE: Budget 2027" as a read message

  @since:Exchange2010_SP1
  Scenario: One thread has one ConversationId in every mailbox, and its topic stays when a subject is edited
    Given bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test replies to the inbox message "Budget 2027" with "Looks good."
    Then the inbox message "RE: Budget 2027" of bob@acme.test and the sentitems message "Budget 2027" of bob@acme.test are in one conversation, "Budget 2027"
    And the inbox message "Budget 2027" of alice@acme.test and the sentitems message "Budget 2027" of bob@acme.test are in one conversation, "Budget 2027"
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"><m:ItemChanges><t:ItemChange><t:ItemId Id="{{item:Budget 2027}}"/>
        <t:Updates><t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>Budget 2027 (approved)</t:Subject></t:Message></t:SetItemField></t:Updates>
      </t:ItemChange></m:ItemChanges></m:UpdateItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the inbox message "Budget 2027 (approved)" of alice@acme.test and the sentitems message "Budget 2027" of bob@acme.test are in one conversation, "Budget 2027"

  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario: Copying a conversation keeps the originals
    Given bob@acme.test sends alice@acme.test the message "Roadmap"
    When svc-ews@acme.test impersonating alice@acme.test copies the conversation "Roadmap" of inbox to junkemail through ews-javascript-api
    Then the client call succeeds
    And the junkemail of alice@acme.test holds "Roadmap" as an unread message
    And the inbox of alice@acme.test holds "Roadmap" as an unread message

  # ews-javascript-api sends SetReadState only speaking Exchange2013
  @ApplyConversationAction
  Scenario: Marking a conversation read marks every message of it in the folder
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Budget 2027"
    And bob@acme.test sends alice@acme.test the message "RE: Budget 2027"
    When svc-ews@acme.test impersonating alice@acme.test marks the conversation "Budget 2027" of inbox as read through ews-javascript-api
    Then the client call succeeds
    And the inbox of alice@acme.test holds "Budget 2027" as a read message
    And the inbox of alice@acme.test holds "RE: Budget 2027" as a read message

  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario: Deleting a conversation without a folder deletes it from every folder
    Given bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test sends bob@acme.test the message "RE: Budget 2027"
    When svc-ews@acme.test impersonating alice@acme.test deletes the conversation "Budget 2027" found in inbox from every folder with MoveToDeletedItems through ews-javascript-api
    Then the client call succeeds
    And the deleteditems of alice@acme.test holds "Budget 2027" as an unread message
    And the deleteditems of alice@acme.test holds "RE: Budget 2027" as a read message
    And the inbox of alice@acme.test does not hold "Budget 2027"
    And the sentitems of alice@acme.test does not hold "RE: Budget 2027"

  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario Outline: Only messages received by ConversationLastSyncTime are acted on: <case>
    Given bob@acme.test sends alice@acme.test the message "Offsite"
    And the id of the conversation "Offsite" of inbox of alice@acme.test is noted as "offsite"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:ApplyConversationAction>
        <m:ConversationActions>
          <t:ConversationAction>
            <t:Action>SetReadState</t:Action>
            <t:ConversationId Id="{{id:offsite}}"/>
            <t:ContextFolderId><t:DistinguishedFolderId Id="inbox"/></t:ContextFolderId>
            <t:ConversationLastSyncTime><synced></t:ConversationLastSyncTime>
            <t:IsRead>true</t:IsRead>
          </t:ConversationAction>
        </m:ConversationActions>
      </m:ApplyConversationAction>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And the inbox of alice@acme.test holds "Offsite" as <then> message

    Examples:
      | case                                 | synced               | then      |
      | a time before the message arrived    | 2000-01-01T00:00:00Z | an unread |
      | a time after it                      | 2099-01-01T00:00:00Z | a read    |

  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario Outline: A conversation action the mock cannot do, or one missing what it needs, fails alone: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:ApplyConversationAction>
        <m:ConversationActions>
          <t:ConversationAction>
            <t:Action><action></t:Action>
            <t:ConversationId Id="dtWeVf8W5iYFmBefU5cNbw=="/>
            <extra>
          </t:ConversationAction>
          <t:ConversationAction>
            <t:Action>SetReadState</t:Action>
            <t:ConversationId Id="dtWeVf8W5iYFmBefU5cNbw=="/>
            <t:IsRead>true</t:IsRead>
          </t:ConversationAction>
        </m:ConversationActions>
      </m:ApplyConversationAction>
      """
    Then the response messages have these ResponseCodes:
      | <code>  |
      | NoError |
    And the first response message says "<text>"

    Examples:
      | case                        | action       | extra                                      | code                | text |
      | an always-move rule         | AlwaysMove   | <t:ProcessRightAway>true</t:ProcessRightAway> | ErrorInvalidRequest | mock-ews does not emulate the conversation action AlwaysMove; it moves, copies, deletes and marks read. |
      | a move without a destination | Move        |                                            | ErrorInvalidRequest | A Move conversation action needs a DestinationFolderId. |
      | a delete without a type     | Delete       |                                            | ErrorInvalidRequest | A Delete conversation action needs a DeleteType. |

  @since:Exchange2010_SP1 @ApplyConversationAction
  Scenario Outline: A malformed conversation action fails the whole request before any runs: <case>
    Given the id of the conversation "Signed contract" of inbox of alice@acme.test is noted as "contract"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:ApplyConversationAction>
        <m:ConversationActions>
          <t:ConversationAction>
            <t:Action>SetReadState</t:Action>
            <t:ConversationId Id="{{id:contract}}"/>
            <t:ContextFolderId><t:DistinguishedFolderId Id="inbox"/></t:ContextFolderId>
            <t:IsRead>false</t:IsRead>
          </t:ConversationAction>
          <t:ConversationAction><bad></t:ConversationAction>
        </m:ConversationActions>
      </m:ApplyConversationAction>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"
    And the inbox of alice@acme.test holds "Signed contract" as a read message

    Examples:
      | case                | bad                                                                                  | message |
      | an unknown action   | <t:Action>Archive</t:Action><t:ConversationId Id="x"/>                               | The value 'Archive' is invalid according to its datatype |
      | no conversation id  | <t:Action>Move</t:Action>                                                            | List of possible elements expected: 'ConversationId' |
      | IsRead not a boolean | <t:Action>SetReadState</t:Action><t:ConversationId Id="x"/><t:IsRead>yes</t:IsRead> | The string 'yes' is not a valid Boolean value. |
      | a misspelt element   | <t:Action>Delete</t:Action><t:ConversationId Id="x"/><t:DeleteMode>HardDelete</t:DeleteMode> | has invalid child element 'DeleteMode' |
      | elements out of order | <t:ConversationId Id="x"/><t:Action>Delete</t:Action>                              | has invalid child element 'Action' |

  # GetConversationItems (Exchange 2013 on): the messages of a conversation as a tree of replies.
  @GetConversationItems
  Scenario: A thread of replies comes back as nodes, newest reply first, each naming the message it answers
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test replies to the inbox message "Budget 2027" with "Looks good."
    And bob@acme.test replies to the inbox message "RE: Budget 2027" with "Thanks."
    When svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Budget 2027" of inbox in TreeOrderDescending through ews-javascript-api
    Then the conversation nodes of alice@acme.test are, in order:
      | RE: Budget 2027 | inbox     | 2 |
      | RE: Budget 2027 | sentitems | 3 |
      | Budget 2027     | inbox     | - |
    When svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Budget 2027" of inbox in TreeOrderAscending ignoring sentitems through ews-javascript-api
    Then the conversation nodes of alice@acme.test are, in order:
      | Budget 2027     | inbox | - |
      | RE: Budget 2027 | inbox | outside |

  @GetConversationItems
  Scenario: With the sync state of the last answer, only what is new or changed since comes back
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Offsite"
    And svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Offsite" of inbox in DateOrderAscending through ews-javascript-api
    When svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Offsite" of inbox in DateOrderAscending since the noted sync state through ews-javascript-api
    Then the conversation has no new nodes
    When alice@acme.test replies to the inbox message "Offsite" with "I will be there."
    And svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Offsite" of inbox in DateOrderAscending since the noted sync state through ews-javascript-api
    Then the conversation nodes of alice@acme.test are, in order:
      | RE: Offsite | sentitems | outside |

  @GetConversationItems
  Scenario: MaxItemsToReturn cuts an answer short, and its sync state goes on with the rest
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test replies to the inbox message "Budget 2027" with "Looks good."
    And the id of the conversation "Budget 2027" of inbox of alice@acme.test is noted as "budget"
    When svc-ews@acme.test impersonating alice@acme.test speaking Exchange2013 posts, with the noted ids, the SOAP body:
      """
      <m:GetConversationItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:MaxItemsToReturn>1</m:MaxItemsToReturn>
        <m:SortOrder>DateOrderAscending</m:SortOrder>
        <m:Conversations><t:Conversation><t:ConversationId Id="{{id:budget}}"/></t:Conversation></m:Conversations>
      </m:GetConversationItems>
      """
    Then the conversation answered holds the messages "Budget 2027"
    And the conversation SyncState answered is noted as "first"
    When svc-ews@acme.test impersonating alice@acme.test speaking Exchange2013 posts, with the noted ids, the SOAP body:
      """
      <m:GetConversationItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:MaxItemsToReturn>1</m:MaxItemsToReturn>
        <m:SortOrder>DateOrderAscending</m:SortOrder>
        <m:Conversations><t:Conversation><t:ConversationId Id="{{id:budget}}"/><t:SyncState>{{data:first}}</t:SyncState></t:Conversation></m:Conversations>
      </m:GetConversationItems>
      """
    Then the conversation answered holds the messages "RE: Budget 2027"
    And the conversation SyncState answered is noted as "second"
    When svc-ews@acme.test impersonating alice@acme.test speaking Exchange2013 posts, with the noted ids, the SOAP body:
      """
      <m:GetConversationItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:MaxItemsToReturn>1</m:MaxItemsToReturn>
        <m:SortOrder>DateOrderAscending</m:SortOrder>
        <m:Conversations><t:Conversation><t:ConversationId Id="{{id:budget}}"/><t:SyncState>{{data:second}}</t:SyncState></t:Conversation></m:Conversations>
      </m:GetConversationItems>
      """
    Then the conversation answered holds the messages ""

  @GetConversationItems
  Scenario: An empty sync state is none: every message comes back
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Budget 2027"
    And alice@acme.test replies to the inbox message "Budget 2027" with "Looks good."
    And the id of the conversation "Budget 2027" of inbox of alice@acme.test is noted as "budget"
    When svc-ews@acme.test impersonating alice@acme.test speaking Exchange2013 posts, with the noted ids, the SOAP body:
      """
      <m:GetConversationItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:SortOrder>DateOrderAscending</m:SortOrder>
        <m:Conversations><t:Conversation><t:ConversationId Id="{{id:budget}}"/><t:SyncState/></t:Conversation></m:Conversations>
      </m:GetConversationItems>
      """
    Then the conversation answered holds the messages "Budget 2027, RE: Budget 2027"

  @GetConversationItems
  Scenario: A conversation whose messages are all in ignored folders is not found
    Given the mock emulates Exchange2016
    And bob@acme.test sends alice@acme.test the message "Offsite"
    When svc-ews@acme.test impersonating alice@acme.test gets the messages of the conversation "Offsite" of inbox in DateOrderAscending ignoring inbox through ews-javascript-api
    Then the client call fails with ErrorItemNotFound

  @GetConversationItems
  Scenario: A sync state that is not one the mock gave is refused for its conversation
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:GetConversationItems>
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Conversations>
          <t:Conversation><t:ConversationId Id="dtWeVf8W5iYFmBefU5cNbw=="/><t:SyncState>AQIAAABNVkUwAgIAAABhHqHU</t:SyncState></t:Conversation>
        </m:Conversations>
      </m:GetConversationItems>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidSyncStateData

  @GetConversationItems
  Scenario Outline: A malformed GetConversationItems fails schema validation: <case>
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts with RequestServerVersion Exchange2013 the SOAP body:
      """
      <m:GetConversationItems><body></m:GetConversationItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                 | body                                                                                                                                                  | message |
      | no conversations     | <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>                                                                                          | List of possible elements expected: 'Conversations' |
      | an unknown sort order | <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SortOrder>Newest</m:SortOrder><m:Conversations><t:Conversation><t:ConversationId Id="x"/></t:Conversation></m:Conversations> | The value 'Newest' is invalid according to its datatype |
      | no item shape        | <m:Conversations><t:Conversation><t:ConversationId Id="x"/></t:Conversation></m:Conversations>                                                         | List of possible elements expected: 'ItemShape' |

  Scenario: An Exchange 2010 server does not know GetConversationItems
    Given the mock emulates Exchange2010_SP2
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetConversationItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:Conversations><t:Conversation><t:ConversationId Id="x"/></t:Conversation></m:Conversations></m:GetConversationItems>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "has invalid child element 'GetConversationItems'"
