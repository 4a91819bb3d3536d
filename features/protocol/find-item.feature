@protocol @FindItem
Feature: Finding messages with FindItem
  A client lists a folder's messages page by page, filters them with restrictions or AQS queries
  and sorts them, and gets the summary properties Exchange returns for each.

  Background:
    Given the mock serves the scenario "find-item.yaml"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: Without a SortOrder the newest message comes first
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox
    Then the subjects found are:
      | Invoice 4712           |
      | Offsite agenda         |
      | Security update        |
      | Quarterly planning     |
      | Invoice 4711           |
      | Lunch on Friday        |
      | Re: Budget review 2027 |
      | Budget review 2027     |
    And the found item "Lunch on Friday" is from "Max Meyer <max@acme.test>" and read
    And the found item "Invoice 4711" is from "Vendor Billing <billing@vendor.test>" and unread

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: SortOrder with two keys: importance first, then oldest first
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox sorted by "importance descending, received ascending"
    Then the subjects found are:
      | Re: Budget review 2027 |
      | Quarterly planning     |
      | Budget review 2027     |
      | Invoice 4711           |
      | Security update        |
      | Offsite agenda         |
      | Invoice 4712           |
      | Lunch on Friday        |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: SortOrder on the subject, ascending, ignores case
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox sorted by "subject ascending"
    Then the subjects found are:
      | Budget review 2027     |
      | Invoice 4711           |
      | Invoice 4712           |
      | Lunch on Friday        |
      | Offsite agenda         |
      | Quarterly planning     |
      | Re: Budget review 2027 |
      | Security update        |

  # The mock keeps a sorted folder between pages; every change to the folder must show in the next sort.
  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A sorted view follows the folder: a changed subject, a deleted message, a new one
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox sorted by "subject ascending"
    Then the subjects found are:
      | Budget review 2027     |
      | Invoice 4711           |
      | Invoice 4712           |
      | Lunch on Friday        |
      | Offsite agenda         |
      | Quarterly planning     |
      | Re: Budget review 2027 |
      | Security update        |
    When svc-ews@acme.test impersonating mia@acme.test changes the subject of the inbox message "Security update" to "Access review"
    And svc-ews@acme.test impersonating mia@acme.test deletes the inbox message "Invoice 4711" with HardDelete
    And svc-ews@acme.test impersonating mia@acme.test finds items in inbox sorted by "subject ascending"
    Then the subjects found are:
      | Access review          |
      | Budget review 2027     |
      | Invoice 4712           |
      | Lunch on Friday        |
      | Offsite agenda         |
      | Quarterly planning     |
      | Re: Budget review 2027 |
    When max@acme.test sends mia@acme.test the message "Zoning permit"
    And svc-ews@acme.test impersonating mia@acme.test finds items in inbox sorted by "subject descending"
    Then the subjects found are:
      | Zoning permit          |
      | Re: Budget review 2027 |
      | Quarterly planning     |
      | Offsite agenda         |
      | Lunch on Friday        |
      | Invoice 4712           |
      | Budget review 2027     |
      | Access review          |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: IndexedPageItemView pages through the folder with the offsets the server reports
    When svc-ews@acme.test impersonating mia@acme.test pages through inbox 3 items at a time
    Then the item pages hold "3, 3, 2" items, each reporting 8 in total, and list:
      | Invoice 4712           |
      | Offsite agenda         |
      | Security update        |
      | Quarterly planning     |
      | Invoice 4711           |
      | Lunch on Friday        |
      | Re: Budget review 2027 |
      | Budget review 2027     |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: BasePoint End reads the oldest messages of the view
    When svc-ews@acme.test impersonating mia@acme.test reads the last 2 items of inbox
    Then the subjects found are:
      | Re: Budget review 2027 |
      | Budget review 2027     |
    And the view holds 8 items in total and more are available

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario Outline: Restrictions through ews-javascript-api SearchFilters: <filter>
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox where <filter>
    Then the subjects found are "<subjects>"

    Examples:
      | filter | subjects |
      | received >= 2026-11-04T00:00:00Z | Invoice 4712, Offsite agenda |
      | received > 2026-11-01T00:00:00Z and received < 2026-11-02T08:15:00Z | Invoice 4711 |
      | received <= 2026-10-31T16:30:00Z | Re: Budget review 2027, Budget review 2027 |
      | sent < 2026-10-31T16:29:00Z or sent >= 2026-11-05T07:00:00Z | Invoice 4712, Budget review 2027 |
      | subject contains "INVOICE" | Invoice 4712, Invoice 4711 |
      | subject starts with "re:" | Re: Budget review 2027 |
      | subject has the word prefix "plan" | Quarterly planning |
      | subject is exactly "Invoice 4711" | Invoice 4711 |
      | subject = "lunch on friday" | Lunch on Friday |
      | from = "nina@partner.test" | Quarterly planning, Budget review 2027 |
      | from = "Vendor Billing" and isread = false | Invoice 4711 |
      | sender contains "petra" | Offsite agenda |
      | importance = High | Quarterly planning, Re: Budget review 2027 |
      | importance < Normal | Lunch on Friday |
      | hasattachments = true and not isread = true | Invoice 4711 |
      | exists categories | Security update |
      | not (isread = true or importance = High or received < 2026-11-01T12:00:00Z) | Offsite agenda, Invoice 4711 |
      | body contains "pay invoice" | Invoice 4711 |

  Scenario: An Exchange 2007 server answers a client speaking Exchange 2007 SP1
    Given the mock emulates Exchange2007_SP1
    When svc-ews@acme.test impersonating mia@acme.test speaking Exchange2007_SP1 finds items in inbox where received >= 2026-11-03T00:00:00Z and isread = false
    Then the subjects found are "Offsite agenda"

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: A restriction that matches nothing gives an empty view
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox where subject contains "no such words"
    Then no items are found

  # QueryString (AQS) arrived with Exchange 2010
  @since:Exchange2010
  Scenario Outline: AQS query strings (Exchange 2010 and later): <query>
    When svc-ews@acme.test impersonating mia@acme.test searches inbox with the query <query>
    Then the subjects found are "<subjects>"

    Examples:
      | query | subjects |
      | received:>=2026-11-04 | Invoice 4712, Offsite agenda |
      | received:<11/1/2026 | Re: Budget review 2027, Budget review 2027 |
      | received:2026-11-01 | Invoice 4711, Lunch on Friday |
      | received:>=2026-11-01 AND received:<=11/1/2026 | Invoice 4711, Lunch on Friday |
      | sent:>=2026-11-05 | Invoice 4712 |
      | received:2026-10-30..2026-10-31 | Re: Budget review 2027, Budget review 2027 |
      | subject:invoice | Invoice 4712, Invoice 4711 |
      | subject:"budget review" NOT subject:"re:" | Budget review 2027 |
      | from:billing@vendor.test received:<2026-11-05 | Invoice 4711 |
      | from:petra OR from:otto | Offsite agenda, Re: Budget review 2027 |
      | laptop | Security update |
      | "next year" | Budget review 2027 |
      | (subject:lunch OR subject:offsite) AND isread:true | Lunch on Friday |
      | hasattachment:true received:>=2026-11-02 | Invoice 4712 |
      | subject:(lunch OR offsite) | Offsite agenda, Lunch on Friday |
      | from:(petra OR otto) | Offsite agenda, Re: Budget review 2027 |
      | subject:invoice received:NOT 2026-11-01 | Invoice 4712 |
      | kind:email subject:invoice | Invoice 4712, Invoice 4711 |
      | isflagged:false subject:lunch | Lunch on Friday |
      | subject:invoice size:<100000000 | Invoice 4712, Invoice 4711 |
      | size:>100000000 OR subject:lunch | Lunch on Friday |
      | kind:meetings OR subject:lunch | Lunch on Friday |

  # the AllProperties summary includes ConversationId, which arrived with Exchange 2010
  @since:Exchange2010
  Scenario: The FindItem summary of a message has the AllProperties fields and no body
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="1" Offset="0" BasePoint="Beginning"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the first Message in the response has these child elements in order:
      | ItemId                     |
      | ParentFolderId             |
      | ItemClass                  |
      | Subject                    |
      | Sensitivity                |
      | DateTimeReceived           |
      | Size                       |
      | Importance                 |
      | IsSubmitted                |
      | IsDraft                    |
      | IsFromMe                   |
      | IsResend                   |
      | IsUnmodified               |
      | DateTimeSent               |
      | DateTimeCreated            |
      | ReminderIsSet              |
      | ReminderMinutesBeforeStart |
      | DisplayCc                  |
      | DisplayTo                  |
      | HasAttachments             |
      | Culture                    |
      | EffectiveRights            |
      | LastModifiedName           |
      | LastModifiedTime           |
      | IsAssociated               |
      | ConversationId             |
      | Sender                     |
      | IsReadReceiptRequested     |
      | IsDeliveryReceiptRequested |
      | ConversationIndex          |
      | ConversationTopic          |
      | From                       |
      | InternetMessageId          |
      | IsRead                     |
      | IsResponseRequested        |
      | ReceivedBy                 |
      | ReceivedRepresenting       |
    And the first Subject in the response has the text "Invoice 4712"
    And the first DisplayTo in the response has the text "mia@acme.test"
    And the RootFolder of response message 1 has the attributes:
      | IndexedPagingOffset     | 1     |
      | TotalItemsInView        | 8     |
      | IncludesLastItemInRange | false |

  # Mailbox/MailboxType arrived with Exchange 2007 SP1
  @since:Exchange2007_SP1
  Scenario: The Default shape of FindItem is the documented summary
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="1" Offset="2" BasePoint="Beginning"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the first Message in the response has these child elements in order:
      | ItemId                     |
      | Subject                    |
      | Sensitivity                |
      | Size                       |
      | DateTimeSent               |
      | DateTimeCreated            |
      | HasAttachments             |
      | IsAssociated               |
      | IsDeliveryReceiptRequested |
      | From                       |
      | IsRead                     |
    And the first Subject in the response has the text "Security update"
    And the first EmailAddress in the response has the text "it-desk@acme.test"
    And the first MailboxType in the response has the text "OneOff"

  Scenario: IdOnly with AdditionalProperties returns exactly the id and the named properties
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties>
            <t:FieldURI FieldURI="message:IsRead"/>
            <t:FieldURI FieldURI="item:Subject"/>
            <t:FieldURI FieldURI="item:DateTimeReceived"/>
            <t:FieldURI FieldURI="message:InternetMessageId"/>
          </t:AdditionalProperties>
        </m:ItemShape>
        <m:Restriction>
          <t:IsEqualTo>
            <t:FieldURI FieldURI="item:Subject"/>
            <t:FieldURIOrConstant><t:Constant Value="Offsite agenda"/></t:FieldURIOrConstant>
          </t:IsEqualTo>
        </m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the first Message in the response has these child elements in order:
      | ItemId            |
      | Subject           |
      | DateTimeReceived  |
      | InternetMessageId |
      | IsRead            |
    And the first DateTimeReceived in the response has the text "2026-11-04T14:45:00Z"
    And the RootFolder of response message 1 has the attributes:
      | TotalItemsInView        | 1    |
      | IncludesLastItemInRange | true |

  # the default scenario's Inbox holds one message with an empty subject, written as <t:Subject/>
  Scenario: An empty subject is a subject: it equals "" and exists
    Given the mock serves the scenario "default.yaml"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant><t:Constant Value=""/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the RootFolder of response message 1 has the attributes:
      | TotalItemsInView        | 1    |
      | IncludesLastItemInRange | true |
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Restriction><t:Not><t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists></t:Not></m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the RootFolder of response message 1 has the attributes:
      | TotalItemsInView        | 0    |
      | IncludesLastItemInRange | true |

  Scenario: Excludes keeps the items with none of the mask's bits set: unread ones by their message flags
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:Restriction>
          <t:And>
            <t:Excludes><t:ExtendedFieldURI PropertyTag="0x0E07" PropertyType="Integer"/><t:Bitmask Value="0x1"/></t:Excludes>
            <t:Or><t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant><t:Constant Value="Lunch on Friday"/></t:FieldURIOrConstant></t:IsEqualTo><t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant><t:Constant Value="Offsite agenda"/></t:FieldURIOrConstant></t:IsEqualTo></t:Or>
          </t:And>
        </m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the message subjects:
      | Offsite agenda |
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Restriction><t:Excludes><t:FieldURI FieldURI="item:Subject"/><t:Bitmask Value="1"/></t:Excludes></m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorUnsupportedPathForQuery

  Scenario: A date constant without a zone is UTC wherever the mock runs; a day that does not exist is refused
    Given the machine running the mock is in the time zone "Europe/Paris"
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:Restriction>
          <t:IsEqualTo><t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURIOrConstant><t:Constant Value="2026-11-04T14:45:00"/></t:FieldURIOrConstant></t:IsEqualTo>
        </m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the message subjects:
      | Offsite agenda |
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:Restriction>
          <t:IsEqualTo><t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURIOrConstant><t:Constant Value="2026-02-30T00:00:00Z"/></t:FieldURIOrConstant></t:IsEqualTo>
        </m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidValueForProperty

  Scenario: Comparing two properties with FieldURIOrConstant, and a message with no match of its own
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:Restriction>
          <t:And>
            <t:IsGreaterThan>
              <t:FieldURI FieldURI="item:DateTimeReceived"/>
              <t:FieldURIOrConstant><t:FieldURI FieldURI="item:DateTimeSent"/></t:FieldURIOrConstant>
            </t:IsGreaterThan>
            <t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">
              <t:FieldURI FieldURI="message:From"/>
              <t:Constant Value="VENDOR"/>
            </t:Contains>
          </t:And>
        </m:Restriction>
        <m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:DateTimeReceived"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the message subjects:
      | Re: Budget review 2027 |
      | Invoice 4711           |
      | Invoice 4712           |

  Scenario: FractionalPageItemView starts at a fraction of the view
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:FractionalPageItemView MaxEntriesReturned="2" Numerator="1" Denominator="2"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the message subjects:
      | Invoice 4711    |
      | Lunch on Friday |
    And the RootFolder of response message 1 has the attributes:
      | NumeratorOffset         | 6     |
      | AbsoluteDenominator     | 8     |
      | IncludesLastItemInRange | false |
      | TotalItemsInView        | 8     |

  Scenario: Several parent folders get one response message each, in request order
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds>
          <t:DistinguishedFolderId Id="sentitems"/>
          <t:FolderId Id="not-a-folder-id"/>
          <t:DistinguishedFolderId Id="inbox"/>
        </m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response messages have these ResponseCodes:
      | NoError                 |
      | ErrorInvalidIdMalformed |
      | NoError                 |
    And response message 1 lists 1 messages
    And response message 3 lists 8 messages

  Scenario: Soft-deleted and associated traversals find nothing in a store without a dumpster
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="SoftDeleted">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Success" and ResponseCode NoError
    And response message 1 lists 0 messages

  Scenario: Deep traversal is not a FindItem traversal
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Deep">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "ItemQueryTraversalType"

  Scenario Outline: FindItem refuses properties only GetItem returns: <property>
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape>
          <t:BaseShape>IdOnly</t:BaseShape>
          <t:AdditionalProperties><t:FieldURI FieldURI="<property>"/></t:AdditionalProperties>
        </m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidPropertyForOperation

    Examples:
      | property               |
      | item:Body              |
      | item:MimeContent       |
      | item:Attachments       |
      | message:ToRecipients   |
      | message:BccRecipients  |

  Scenario: IncludeMimeContent is refused by FindItem
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidPropertyForOperation
    And the first MessageText in the response has the text "Property is not valid for this operation."

  Scenario Outline: Restrictions the store cannot evaluate get the code Exchange sends: <code>
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Restriction><expression></m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode <code>

    Examples:
      | expression                                                                                                                   | code                          |
      | <t:IsEqualTo><t:FieldURI FieldURI="message:ToRecipients"/><t:FieldURIOrConstant><t:Constant Value="a@b.test"/></t:FieldURIOrConstant></t:IsEqualTo> | ErrorUnsupportedPathForQuery |
      | <t:Contains ContainmentMode="Substring"><t:FieldURI FieldURI="item:DateTimeReceived"/><t:Constant Value="2026"/></t:Contains> | ErrorUnsupportedPathForQuery |
      | <t:Exists><t:FieldURI FieldURI="message:IsRead"/></t:Exists>                                                                  | ErrorInvalidPropertyForExists |
      | <t:IsGreaterThan><t:FieldURI FieldURI="item:DateTimeReceived"/><t:FieldURIOrConstant><t:Constant Value="last week"/></t:FieldURIOrConstant></t:IsGreaterThan> | ErrorInvalidValueForProperty |
      | <t:IsEqualTo><t:FieldURI FieldURI="message:IsRead"/><t:FieldURIOrConstant><t:Constant Value="yes"/></t:FieldURIOrConstant></t:IsEqualTo> | ErrorInvalidValueForProperty |

  Scenario: A FieldURI outside the schema fails schema validation
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:Restriction>
          <t:Exists><t:FieldURI FieldURI="item:Colour"/></t:Exists>
        </m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "item:Colour"

  Scenario: Sorting on a property that cannot be sorted
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:SortOrder><t:FieldOrder Order="Descending"><t:FieldURI FieldURI="item:Body"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorUnsupportedPathForSortGroup

  # ErrorIncorrectSchemaVersion needs a server whose schema has QueryString (Exchange 2010)
  @since:Exchange2010
  Scenario: A QueryString under an Exchange 2007 RequestServerVersion is refused
    When mia@acme.test posts the item request with RequestServerVersion Exchange2007_SP1:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
        <m:QueryString>subject:invoice</m:QueryString>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorIncorrectSchemaVersion

  # QueryString (AQS) arrived with Exchange 2010
  @since:Exchange2010
  Scenario Outline: A query string that is not valid AQS is refused: <query>
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
        <m:QueryString><query></m:QueryString>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorInvalidRestriction

    Examples:
      | query |
      | subject:"unterminated |
      | (subject:invoice |
      | received:>=2026-13-45 |
      | subject:invoice OR |
      | isread:maybe |
      | kind:spaceships |
      | size:large |

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: GroupBy sender, the groups ordered by their earliest message, newest first
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox grouped by "from" with the groups in Descending order of their Minimum "received"
    Then the groups found are:
      | 0 | Offsite agenda                              |
      | 1 | Security update                             |
      | 2 | Invoice 4712, Invoice 4711                  |
      | 3 | Lunch on Friday                             |
      | 4 | Re: Budget review 2027                      |
      | 5 | Quarterly planning, Budget review 2027      |
    And the grouped view holds 8 items in total and no more are available

  # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
  @since:Exchange2007_SP1
  Scenario: GroupBy importance, the groups ordered by their latest message, oldest first
    When svc-ews@acme.test impersonating mia@acme.test finds items in inbox grouped by "importance" with the groups in Ascending order of their Maximum "received"
    Then the groups found are:
      | 0 | Lunch on Friday                                                              |
      | 1 | Quarterly planning, Re: Budget review 2027                                   |
      | 2 | Invoice 4712, Offsite agenda, Security update, Invoice 4711, Budget review 2027 |

  # A grouped view pages rows: each group's heading counts as one, so the offsets the server
  # reports move past the headings too (Exchange answers eight items in two groups with
  # IndexedPagingOffset 10). A group whose heading alone falls in a page is left out of it.
  @since:Exchange2007_SP1
  Scenario: Paging a grouped view: the group headings count as rows
    When svc-ews@acme.test impersonating mia@acme.test pages 5 rows at a time through inbox grouped by "from" with the groups in Descending order of their Minimum "received"
    Then the grouped pages are:
      | 0: Offsite agenda / 1: Security update                                | 5    |
      | 2: Invoice 4712, Invoice 4711 / 3: Lunch on Friday                    | 10   |
      | 4: Re: Budget review 2027 / 5: Quarterly planning, Budget review 2027 | none |

  Scenario: A grouped page reports offsets in rows and totals in items
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="4" Offset="3" BasePoint="Beginning"/>
        <m:GroupBy Order="Descending">
          <t:FieldURI FieldURI="message:From"/>
          <t:AggregateOn Aggregate="Minimum"><t:FieldURI FieldURI="item:DateTimeReceived"/></t:AggregateOn>
        </m:GroupBy>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the RootFolder of response message 1 has the attributes:
      | IndexedPagingOffset     | 7     |
      | TotalItemsInView        | 8     |
      | IncludesLastItemInRange | false |
    And the response lists the groups:
      | 1 | Security update            |
      | 2 | Invoice 4712, Invoice 4711 |

  Scenario: DistinguishedGroupBy ConversationTopic: one group per conversation, the newest conversation first
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>
        <m:DistinguishedGroupBy><t:StandardGroupBy>ConversationTopic</t:StandardGroupBy></m:DistinguishedGroupBy>
        <m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:DateTimeReceived"/></t:FieldOrder></m:SortOrder>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response lists the groups:
      | 0 | Invoice 4712                               |
      | 1 | Offsite agenda                             |
      | 2 | Security update                            |
      | 3 | Quarterly planning                         |
      | 4 | Invoice 4711                               |
      | 5 | Lunch on Friday                            |
      | 6 | Budget review 2027, Re: Budget review 2027 |

  Scenario: A grouped view of a restriction that matches nothing has no groups
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:DistinguishedGroupBy><t:StandardGroupBy>ConversationTopic</t:StandardGroupBy></m:DistinguishedGroupBy>
        <m:Restriction><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="no such subject"/></t:Contains></m:Restriction>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the RootFolder of response message 1 has the attributes:
      | TotalItemsInView        | 0    |
      | IncludesLastItemInRange | true |
    And the response lists no groups
    And the response has no Items element

  Scenario: Grouping on a property that cannot be sorted
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:GroupBy Order="Ascending">
          <t:FieldURI FieldURI="item:Body"/>
          <t:AggregateOn Aggregate="Maximum"><t:FieldURI FieldURI="item:DateTimeReceived"/></t:AggregateOn>
        </m:GroupBy>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then every response message has ResponseClass "Error" and ResponseCode ErrorUnsupportedPathForSortGroup

  Scenario Outline: A grouping the schema does not allow is a schema fault: <case>
    When svc-ews@acme.test impersonating mia@acme.test posts the SOAP body:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <grouping>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation
    And the fault string contains "<message>"

    Examples:
      | case                      | grouping                                                                                                                                                 | message                                                   |
      | no Order                  | <m:GroupBy><t:FieldURI FieldURI="message:From"/><t:AggregateOn Aggregate="Maximum"><t:FieldURI FieldURI="item:Size"/></t:AggregateOn></m:GroupBy>         | The required attribute 'Order' is missing.                |
      | no AggregateOn            | <m:GroupBy Order="Ascending"><t:FieldURI FieldURI="message:From"/></m:GroupBy>                                                                            | List of possible elements expected: 'AggregateOn'         |
      | an unknown aggregate      | <m:GroupBy Order="Ascending"><t:FieldURI FieldURI="message:From"/><t:AggregateOn Aggregate="Average"><t:FieldURI FieldURI="item:Size"/></t:AggregateOn></m:GroupBy> | The value 'Average' is invalid according to its datatype |
      | an unknown standard group | <m:DistinguishedGroupBy><t:StandardGroupBy>Sender</t:StandardGroupBy></m:DistinguishedGroupBy>                                                           | The value 'Sender' is invalid according to its datatype  |
      | both kinds of grouping    | <m:GroupBy Order="Ascending"><t:FieldURI FieldURI="message:From"/><t:AggregateOn Aggregate="Maximum"><t:FieldURI FieldURI="item:Size"/></t:AggregateOn></m:GroupBy><m:DistinguishedGroupBy><t:StandardGroupBy>ConversationTopic</t:StandardGroupBy></m:DistinguishedGroupBy> | invalid child element 'DistinguishedGroupBy'              |
