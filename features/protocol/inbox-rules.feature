@protocol @InboxRules
Feature: Inbox rules (GetInboxRules, UpdateInboxRules)
  A mailbox's Inbox rules (Exchange 2010 SP1 on) run on every message delivered to its Inbox, in
  priority order: they file it, flag it, categorise it, forward or redirect it, or delete it.
  UpdateInboxRules applies all its operations or none, and says which failed and why.

  @since:Exchange2010_SP1
  Scenario: Mail from one sender is filed, marked read and categorised; an exception keeps some in the Inbox
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules>
        <m:RemoveOutlookRuleBlob>true</m:RemoveOutlookRuleBlob>
        <m:Operations>
          <t:CreateRuleOperation>
            <t:Rule>
              <t:DisplayName>Bob's reports</t:DisplayName>
              <t:Priority>1</t:Priority>
              <t:IsEnabled>true</t:IsEnabled>
              <t:Conditions><t:FromAddresses><t:Address><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Address></t:FromAddresses></t:Conditions>
              <t:Exceptions><t:ContainsSubjectStrings><t:String>urgent</t:String></t:ContainsSubjectStrings></t:Exceptions>
              <t:Actions>
                <t:AssignCategories><t:String>From Bob</t:String></t:AssignCategories>
                <t:MarkAsRead>true</t:MarkAsRead>
                <t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder>
              </t:Actions>
            </t:Rule>
          </t:CreateRuleOperation>
        </m:Operations>
      </m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Weekly report", "from": { "address": "bob@acme.test" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "URGENT: the build is broken", "from": { "address": "bob@acme.test" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Lunch?", "from": { "address": "carol@globex.test" } }
      """
    Then the junkemail of alice@acme.test holds "Weekly report" as a read message
    And the junkemail message "Weekly report" of alice@acme.test has the categories "From Bob"
    And the inbox of alice@acme.test does not hold "Weekly report"
    And the inbox of alice@acme.test holds "URGENT: the build is broken" as an unread message
    And the inbox of alice@acme.test holds "Lunch?" as an unread message

  @since:Exchange2010_SP1
  Scenario: Any one exception keeps a message from the rule; an exception set to false asks for nothing
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>File Bob's mail</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:FromAddresses><t:Address><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Address></t:FromAddresses></t:Conditions>
          <t:Exceptions><t:ContainsSubjectStrings><t:String>urgent</t:String></t:ContainsSubjectStrings><t:Importance>High</t:Importance></t:Exceptions>
          <t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder></t:Actions></t:Rule></t:CreateRuleOperation>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>File Carol's mail</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:FromAddresses><t:Address><t:EmailAddress>carol@globex.test</t:EmailAddress></t:Address></t:FromAddresses></t:Conditions>
          <t:Exceptions><t:IsAutomaticReply>false</t:IsAutomaticReply></t:Exceptions>
          <t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      [
        { "subject": "Weekly report", "from": { "address": "bob@acme.test" } },
        { "subject": "Urgent: the build", "from": { "address": "bob@acme.test" } },
        { "subject": "Board minutes", "from": { "address": "bob@acme.test" }, "importance": "High" },
        { "subject": "Lunch?", "from": { "address": "carol@globex.test" } }
      ]
      """
    Then the junkemail of alice@acme.test holds "Weekly report" as an unread message
    And the inbox of alice@acme.test holds "Urgent: the build" as an unread message
    And the inbox of alice@acme.test holds "Board minutes" as an unread message
    And the junkemail of alice@acme.test holds "Lunch?" as an unread message

  @since:Exchange2010_SP1
  Scenario: A rule made and read back through ews-javascript-api files the mail it matches
    When svc-ews@acme.test impersonating alice@acme.test makes the rule "Bob's invoices" filing mail from bob@acme.test and with "invoice" in the subject into junkemail through ews-javascript-api
    And svc-ews@acme.test impersonating alice@acme.test reads the Inbox rules through ews-javascript-api
    Then ews-javascript-api read the rule "Bob's invoices" filing mail from "bob@acme.test" with "invoice" in the subject into the junkemail of alice@acme.test, marking it read
    When bob@acme.test sends alice@acme.test the message "Invoice for November"
    And bob@acme.test sends alice@acme.test the message "Lunch on Friday"
    Then the junkemail of alice@acme.test holds "Invoice for November" as a read message
    And the inbox of alice@acme.test holds "Lunch on Friday" as an unread message

  @since:Exchange2010_SP1
  Scenario: A rule forwards to an outside address and another deletes; StopProcessingRules ends the run
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules>
        <m:Operations>
          <t:CreateRuleOperation>
            <t:Rule>
              <t:DisplayName>Invoices to the accountant</t:DisplayName>
              <t:Priority>1</t:Priority>
              <t:IsEnabled>true</t:IsEnabled>
              <t:Conditions><t:ContainsSubjectStrings><t:String>invoice</t:String></t:ContainsSubjectStrings></t:Conditions>
              <t:Actions>
                <t:ForwardToRecipients><t:Address><t:EmailAddress>nina@partner.test</t:EmailAddress></t:Address></t:ForwardToRecipients>
                <t:StopProcessingRules>true</t:StopProcessingRules>
              </t:Actions>
            </t:Rule>
          </t:CreateRuleOperation>
          <t:CreateRuleOperation>
            <t:Rule>
              <t:DisplayName>Drop the rest from the vendor</t:DisplayName>
              <t:Priority>2</t:Priority>
              <t:IsEnabled>true</t:IsEnabled>
              <t:Conditions><t:ContainsSenderStrings><t:String>vendor.test</t:String></t:ContainsSenderStrings></t:Conditions>
              <t:Actions><t:Delete>true</t:Delete></t:Actions>
            </t:Rule>
          </t:CreateRuleOperation>
        </m:Operations>
      </m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Invoice 42", "from": { "address": "otto@vendor.test" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "New catalogue", "from": { "address": "otto@vendor.test" } }
      """
    Then the inbox of alice@acme.test holds "Invoice 42" as an unread message
    And the deleteditems of alice@acme.test holds "New catalogue" as an unread message
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                  | 1                 |
      | messages[0].subject    | FW: Invoice 42    |
      | messages[0].reason     | rule              |
      | messages[0].from       | alice@acme.test   |
      | messages[0].recipients[0] | nina@partner.test |

  @since:Exchange2010_SP1
  Scenario: A forward to a distribution list reaches its members, nested lists and outside addresses included
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Share with the team</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><t:ContainsSubjectStrings><t:String>for the team</t:String></t:ContainsSubjectStrings></t:Conditions>
        <t:Actions><t:ForwardToRecipients><t:Address><t:EmailAddress>sales-team@acme.test</t:EmailAddress></t:Address></t:ForwardToRecipients></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Price list for the team", "from": { "address": "otto@vendor.test" } }
      """
    Then the inbox of bob@acme.test holds 1 message "FW: Price list for the team"
    And the inbox of carol@globex.test holds 1 message "FW: Price list for the team"
    And the inbox of alice@acme.test holds 1 message "FW: Price list for the team"
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                     | 1                 |
      | messages[0].recipients[0] | nina@partner.test |

  @since:Exchange2010_SP1
  Scenario: Two mailboxes forwarding to each other stop after one round
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>To Bob</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Actions><t:ForwardToRecipients><t:Address><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Address></t:ForwardToRecipients></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>To Alice</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Actions><t:ForwardToRecipients><t:Address><t:EmailAddress>alice@acme.test</t:EmailAddress></t:Address></t:ForwardToRecipients></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Ping", "from": { "address": "carol@globex.test" } }
      """
    Then the inbox of bob@acme.test holds 1 message "FW: Ping"
    And the inbox of alice@acme.test holds 1 message "FW: Ping"
    And the inbox of alice@acme.test holds 1 message "Ping"

  @since:Exchange2010_SP1
  Scenario: Rules come back in priority order; a rule made or changed takes the place its priority names
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>First</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:MarkAsRead>true</t:MarkAsRead></t:Actions></t:Rule></t:CreateRuleOperation>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Second</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>false</t:IsEnabled><t:Actions><t:MarkImportance>High</t:MarkImportance></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Newest, first</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:StopProcessingRules>true</t:StopProcessingRules></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetInboxRules/>
      """
    Then the Inbox rules answered are:
      | Newest, first | 1 | true  |
      | First         | 2 | true  |
      | Second        | 3 | false |
    Given the rule "Newest, first" of alice@acme.test is noted as "newest"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:SetRuleOperation><t:Rule><t:RuleId>{{id:newest}}</t:RuleId><t:DisplayName>Newest, now last</t:DisplayName><t:Priority>3</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:StopProcessingRules>true</t:StopProcessingRules></t:Actions></t:Rule></t:SetRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetInboxRules/>
      """
    Then the Inbox rules answered are:
      | First            | 1 | true  |
      | Second           | 2 | false |
      | Newest, now last | 3 | true  |

  @since:Exchange2010_SP1
  Scenario Outline: An operation that cannot be done fails them all, saying which and why: <case>
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Kept</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:MarkAsRead>true</t:MarkAsRead></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    And the tester notes the store digest as "before"
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Fine</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation>
        <operation>
      </m:Operations></m:UpdateInboxRules>
      """
    Then the UpdateInboxRules answer is ErrorInboxRulesValidationError, operation 1 failing on <field> with <code>
    And the store digest is still "before"

    Examples:
      | case                        | operation                                                                                                                                                                                                                     | field                   | code             |
      | a new rule with a RuleId     | <t:CreateRuleOperation><t:Rule><t:RuleId>AQAAAA==</t:RuleId><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | RuleId                  | CreateWithRuleId |
      | a folder that does not exist | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:MoveToFolder><t:FolderId Id="AQMkADk5ZjQ2ZjM1"/></t:MoveToFolder></t:Actions></t:Rule></t:CreateRuleOperation> | Action:MoveToFolder     | FolderDoesNotExist |
      | a condition not emulated     | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Conditions><t:FlaggedForAction>FollowUp</t:FlaggedForAction></t:Conditions><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | Condition:FlaggedForAction | UnsupportedRule  |
      | no action                    | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled></t:Rule></t:CreateRuleOperation>                                                                      | Actions                 | MissingAction    |
      | a rule that does not exist   | <t:DeleteRuleOperation><t:RuleId>AQAAAA==</t:RuleId></t:DeleteRuleOperation>                                                                                                                                                    | RuleId                  | RuleNotFound     |
      | a template that is not there | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:ServerReplyWithMessage><t:ItemId Id="AAMkADk5ZjQ2ZjM1"/></t:ServerReplyWithMessage></t:Actions></t:Rule></t:CreateRuleOperation> | Action:ServerReplyWithMessage | InvalidValue |
      | an address that is not one   | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:RedirectToRecipients><t:Address><t:EmailAddress>nobody</t:EmailAddress></t:Address></t:RedirectToRecipients></t:Actions></t:Rule></t:CreateRuleOperation> | Action:RedirectToRecipients | InvalidAddress |
      | a priority given twice       | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | Priority | DuplicatedPriority |
      | a priority below 1           | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>0</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | Priority | InvalidValue |
      | a rule without a name        | <t:CreateRuleOperation><t:Rule><t:DisplayName> </t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | DisplayName | EmptyValueFound |
      | a string over 255 characters | <t:CreateRuleOperation><t:Rule><t:DisplayName>X</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled><t:Conditions><t:ContainsSubjectStrings><t:String>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t:String></t:ContainsSubjectStrings></t:Conditions><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation> | Condition:ContainsSubjectStrings | StringValueTooBig |

  @since:Exchange2010_SP1
  Scenario Outline: Each condition picks the mail it names: <condition>
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>By <condition></t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><predicate></t:Conditions>
        <t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Matches", <matching> }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Does not match", <other> }
      """
    Then the junkemail of alice@acme.test holds "Matches" as an unread message
    And the inbox of alice@acme.test holds "Does not match" as an unread message

    Examples:
      | condition                | predicate                                                                                       | matching                                                                    | other                                                              |
      | ContainsRecipientStrings | <t:ContainsRecipientStrings><t:String>partner.test</t:String></t:ContainsRecipientStrings>      | "to": ["alice@acme.test"], "cc": ["nina@partner.test"]                      | "to": ["alice@acme.test"]                                          |
      | ContainsHeaderStrings    | <t:ContainsHeaderStrings><t:String>X-Campaign: spring</t:String></t:ContainsHeaderStrings>      | "headers": { "X-Campaign": "spring" }                                       | "headers": { "X-Campaign": "autumn" }                              |
      | SentToOrCcMe             | <t:SentToOrCcMe>true</t:SentToOrCcMe>                                                           | "to": ["bob@acme.test"], "cc": ["alice@acme.test"]                          | "to": ["bob@acme.test"], "bcc": ["alice@acme.test"]                |
      | Categories               | <t:Categories><t:String>Red category</t:String></t:Categories>                                 | "categories": ["red category"]                                              | "categories": ["Blue category"]                                    |
      | WithinSizeRange          | <t:WithinSizeRange><t:MinimumSize>50</t:MinimumSize></t:WithinSizeRange>                        | "attachments": [{ "name": "big.bin", "size": 102400 }]                      | "attachments": [{ "name": "small.bin", "size": 1024 }]             |
      | WithinDateRange          | <t:WithinDateRange><t:StartDateTime>2026-01-01T00:00:00Z</t:StartDateTime><t:EndDateTime>2026-06-30T00:00:00Z</t:EndDateTime></t:WithinDateRange> | "received": "2026-03-01T10:00:00Z" | "received": "2026-09-01T10:00:00Z" |
      | NotSentToMe              | <t:NotSentToMe>true</t:NotSentToMe>                                                             | "to": ["bob@acme.test"], "cc": ["alice@acme.test"]                          | "to": ["alice@acme.test"]                                          |
      | ContainsRecipientStrings | <t:ContainsRecipientStrings><t:String>partner.test</t:String></t:ContainsRecipientStrings>      | "to": ["nina@partner.test"], "cc": ["alice@acme.test"]                      | "to": ["alice@acme.test"], "bcc": ["nina@partner.test"]            |
      | IsAutomaticReply         | <t:IsAutomaticReply>false</t:IsAutomaticReply><t:ContainsSubjectStrings><t:String>Matches</t:String></t:ContainsSubjectStrings> | "headers": { "Auto-Submitted": "auto-replied" }                            | "from": { "address": "bob@acme.test" }                            |

  @since:Exchange2010_SP1
  Scenario: Item classes are compared without regard to case; a rule for another class leaves mail alone
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Custom forms</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:ItemClasses><t:String>IPM.Note.Custom</t:String></t:ItemClasses></t:Conditions>
          <t:Actions><t:MarkAsRead>true</t:MarkAsRead></t:Actions></t:Rule></t:CreateRuleOperation>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Plain mail</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:ItemClasses><t:String>ipm.note</t:String></t:ItemClasses></t:Conditions>
          <t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "A plain note" }
      """
    Then the junkemail of alice@acme.test holds "A plain note" as an unread message

  @since:Exchange2010_SP1
  Scenario: Reports and automatic mail are told apart: a non-delivery report (an automatic reply too, so the rule stops there), an automatic reply, a forward by a rule
    Given svc-ews@acme.test impersonating bob@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Reports</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:IsNDR>true</t:IsNDR></t:Conditions><t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder><t:StopProcessingRules>true</t:StopProcessingRules></t:Actions></t:Rule></t:CreateRuleOperation>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Automatic replies</t:DisplayName><t:Priority>2</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:IsAutomaticReply>true</t:IsAutomaticReply></t:Conditions><t:Actions><t:Delete>true</t:Delete></t:Actions></t:Rule></t:CreateRuleOperation>
        <t:CreateRuleOperation><t:Rule><t:DisplayName>Forwards</t:DisplayName><t:Priority>3</t:Priority><t:IsEnabled>true</t:IsEnabled>
          <t:Conditions><t:IsAutomaticForward>true</t:IsAutomaticForward></t:Conditions><t:Actions><t:MarkAsRead>true</t:MarkAsRead></t:Actions></t:Rule></t:CreateRuleOperation>
      </m:Operations></m:UpdateInboxRules>
      """
    And svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Pass it to Bob</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><t:ContainsSubjectStrings><t:String>for Bob</t:String></t:ContainsSubjectStrings></t:Conditions>
        <t:Actions><t:ForwardToRecipients><t:Address><t:EmailAddress>bob@acme.test</t:EmailAddress></t:Address></t:ForwardToRecipients></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    When bob@acme.test sends the message "Lost" to "ghost@acme.test"
    And the tester sends POST "/mailboxes/bob@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Automatic reply: Away", "from": { "address": "carol@globex.test" }, "headers": { "Auto-Submitted": "auto-replied" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Notes for Bob", "from": { "address": "carol@globex.test" } }
      """
    Then the junkemail of bob@acme.test holds "Undeliverable: Lost" as an unread message
    And the deleteditems of bob@acme.test holds "Automatic reply: Away" as an unread message
    And the inbox of bob@acme.test holds "FW: Notes for Bob" as a read message

  @since:Exchange2010_SP1
  Scenario: What a rule forwards or answers is sent when the rule runs; a redirect keeps its sending time
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:ItemClass>IPM.Note.Rules.ReplyTemplate.Microsoft</t:ItemClass><t:Subject>Thanks for your question</t:Subject><t:Body BodyType="Text">We will answer within a day.</t:Body></t:Message></m:Items>
      </m:CreateItem>
      """
    And the ItemId and ChangeKey of the drafts message "Thanks for your question" of alice@acme.test are noted as "template"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Pass reports on</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><t:ContainsSubjectStrings><t:String>report</t:String></t:ContainsSubjectStrings></t:Conditions>
        <t:Actions>
          <t:ForwardToRecipients><t:Address><t:EmailAddress>carol@globex.test</t:EmailAddress></t:Address></t:ForwardToRecipients>
          <t:RedirectToRecipients><t:Address><t:EmailAddress>carol@globex.test</t:EmailAddress></t:Address></t:RedirectToRecipients>
          <t:ServerReplyWithMessage><t:ItemId Id="{{id:template}}"/></t:ServerReplyWithMessage>
        </t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Quarterly report", "from": { "address": "bob@acme.test" }, "sent": "2026-01-05T08:59:00Z", "received": "2026-01-05T09:00:00Z" }
      """
    Then the inbox of alice@acme.test holds "Quarterly report" sent at 2026-01-05T08:59:00Z, received at 2026-01-05T09:00:00Z
    And the inbox of carol@globex.test holds "FW: Quarterly report" sent within the last minute, received within the last minute
    And the inbox of carol@globex.test holds "Quarterly report" sent at 2026-01-05T08:59:00Z, received within the last minute
    And the inbox of bob@acme.test holds "Thanks for your question" sent within the last minute, received within the last minute

  @since:Exchange2010_SP1
  Scenario: The server answers with a template message, but never answers automatic mail
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:CreateItem MessageDisposition="SaveOnly">
        <m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/></m:SavedItemFolderId>
        <m:Items><t:Message><t:ItemClass>IPM.Note.Rules.ReplyTemplate.Microsoft</t:ItemClass><t:Subject>Thanks for your question</t:Subject><t:Body BodyType="Text">We will answer within a day.</t:Body></t:Message></m:Items>
      </m:CreateItem>
      """
    And the ItemId and ChangeKey of the drafts message "Thanks for your question" of alice@acme.test are noted as "template"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Answer questions</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><t:ContainsSubjectStrings><t:String>question</t:String></t:ContainsSubjectStrings></t:Conditions>
        <t:Actions><t:ServerReplyWithMessage><t:ItemId Id="{{id:template}}"/></t:ServerReplyWithMessage></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "A question about pricing", "from": { "address": "carol@globex.test" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Automatic reply: your question", "from": { "address": "carol@globex.test" }, "headers": { "Auto-Submitted": "auto-replied" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Another question", "from": { "address": "nina@partner.test" } }
      """
    Then the inbox of carol@globex.test holds 1 message "Thanks for your question"
    When the tester sends GET "/outbound" to the admin API
    Then the admin answer has:
      | total                     | 1                 |
      | messages[0].subject       | Thanks for your question |
      | messages[0].reason        | rule              |
      | messages[0].recipients[0] | nina@partner.test |

  @since:Exchange2010_SP1
  Scenario: A reply needs a reply template: an ordinary message is refused
    Given the ItemId and ChangeKey of the drafts message "Draft: proposal" of alice@acme.test are noted as "draft"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Answer questions</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Actions><t:ServerReplyWithMessage><t:ItemId Id="{{id:draft}}"/></t:ServerReplyWithMessage></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    Then the UpdateInboxRules answer is ErrorInboxRulesValidationError, operation 0 failing on Action:ServerReplyWithMessage with InvalidValue

  @since:Exchange2010_SP1
  Scenario Outline: A range that cannot be is refused: <case>
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Range</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Conditions><range></t:Conditions>
        <t:Actions><t:Delete>true</t:Delete></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    Then the UpdateInboxRules answer is ErrorInboxRulesValidationError, operation 0 failing on <field> with <code>

    Examples:
      | case                 | range                                                                                                                                          | field                     | code              |
      | sizes the wrong way  | <t:WithinSizeRange><t:MinimumSize>10</t:MinimumSize><t:MaximumSize>5</t:MaximumSize></t:WithinSizeRange>                                      | Condition:WithinSizeRange | InvalidSizeRange  |
      | a negative size      | <t:WithinSizeRange><t:MaximumSize>-1</t:MaximumSize></t:WithinSizeRange>                                                                      | Condition:WithinSizeRange | SizeLessThanZero  |
      | dates the wrong way  | <t:WithinDateRange><t:StartDateTime>2026-06-30T00:00:00Z</t:StartDateTime><t:EndDateTime>2026-01-01T00:00:00Z</t:EndDateTime></t:WithinDateRange> | Condition:WithinDateRange | InvalidDateRange  |
      | an empty range       | <t:WithinDateRange/>                                                                                                                           | Condition:WithinDateRange | MissingRangeValue |

  @since:Exchange2010_SP1
  Scenario: A rule whose folder was deleted is marked in error and leaves mail in the Inbox
    Given the FolderId of the "Inbox/Projects" of alice@acme.test is noted as "projects"
    And svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>To Projects</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Actions><t:MoveToFolder><t:FolderId Id="{{id:projects}}"/></t:MoveToFolder></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And the tester sends DELETE "/mailboxes/alice@acme.test/folders/Inbox%2FProjects?deleteType=HardDelete" to the admin API
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetInboxRules/>
      """
    Then the Inbox rule "To Projects" is marked in error
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Nowhere to go", "from": { "address": "carol@globex.test" } }
      """
    Then the inbox of alice@acme.test holds "Nowhere to go" as an unread message

  @since:Exchange2010_SP1
  Scenario: A rule deleted no longer files mail
    Given svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:CreateRuleOperation><t:Rule>
        <t:DisplayName>Everything to Junk</t:DisplayName><t:Priority>1</t:Priority><t:IsEnabled>true</t:IsEnabled>
        <t:Actions><t:MoveToFolder><t:DistinguishedFolderId Id="junkemail"/></t:MoveToFolder></t:Actions>
      </t:Rule></t:CreateRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    And the rule "Everything to Junk" of alice@acme.test is noted as "junk-rule"
    When svc-ews@acme.test impersonating alice@acme.test posts, with the noted ids, the SOAP body:
      """
      <m:UpdateInboxRules><m:Operations><t:DeleteRuleOperation><t:RuleId>{{id:junk-rule}}</t:RuleId></t:DeleteRuleOperation></m:Operations></m:UpdateInboxRules>
      """
    Then the UpdateInboxRules answer is Success
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Still here", "from": { "address": "carol@globex.test" } }
      """
    Then the inbox of alice@acme.test holds "Still here" as an unread message

  Scenario: An Exchange 2010 server before SP1 does not know Inbox rules
    Given the mock emulates Exchange2010
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetInboxRules/>
      """
    Then the response is a SOAP fault with ResponseCode ErrorSchemaValidation

  # the scenario file asks for Exchange2016; the profile matrix runs it from Exchange 2010 SP1 on
  @since:Exchange2010_SP1
  Scenario: Rules given in the scenario file run from the start, and GetInboxRules lists them
    Given the mock serves the scenario "inbox-rules.yaml"
    When the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Invoice 7", "from": { "address": "billing@vendor.test" } }
      """
    And the tester sends POST "/mailboxes/alice@acme.test/folders/inbox/messages" to the admin API with JSON:
      """
      { "subject": "Price list", "from": { "address": "billing@vendor.test" } }
      """
    Then the "Inbox/Invoices" of alice@acme.test holds "Invoice 7" as a read message
    And the junkemail of alice@acme.test holds "Price list" as an unread message
    When svc-ews@acme.test impersonating alice@acme.test posts the SOAP body:
      """
      <m:GetInboxRules/>
      """
    Then the Inbox rules answered are:
      | Invoices from the vendor                      | 1 | true |
      | Everything else from the vendor to Junk Email | 2 | true |
    When the tester sends GET "/mailboxes/alice@acme.test/rules" to the admin API
    Then the admin answer has:
      | [0].name                                   | Invoices from the vendor |
      | [0].conditions.fromAddresses[0]            | billing@vendor.test      |
      | [0].actions.moveToFolder                   | Inbox/Invoices           |
      | [0].actions.stopProcessingRules            | true                     |
      | [1].priority                               | 2                        |
      | [1].actions.moveToFolder                   | Junk Email               |
    When the tester sends GET "/mailboxes/nobody@acme.test/rules" to the admin API
    Then the admin API answers 404
