@profiles @FindItem @throttling
Feature: EWSFindCountLimit per generation
  A FindItem page larger than the account's EWSFindCountLimit is refused with ErrorServerBusy up to
  Exchange 2010 RTM; from Exchange 2010 SP1 on the server returns as many items as the limit allows
  and says the view goes on (IncludesLastItemInRange="false"), so the client pages on.

  # a partial page instead of ErrorServerBusy arrived with Exchange 2010 SP1
  @since:Exchange2010_SP1
  Scenario: Exchange 2010 SP2 cuts the page at the limit and the client pages on
    Given the mock serves the scenario "profiles/find-count-limit.yaml"
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="10" Offset="0" BasePoint="Beginning"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then response message 1 lists 5 messages
    And the RootFolder of response message 1 has the attributes:
      | IndexedPagingOffset     | 5     |
      | TotalItemsInView        | 12    |
      | IncludesLastItemInRange | false |

  Scenario: A page within the limit is not cut
    Given the mock serves the scenario "profiles/find-count-limit.yaml"
    When svc-ews@acme.test impersonating alice@acme.test posts the item request:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="5" Offset="10" BasePoint="Beginning"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then response message 1 lists 2 messages
    And the RootFolder of response message 1 has the attributes:
      | IndexedPagingOffset     | 12   |
      | TotalItemsInView        | 12   |
      | IncludesLastItemInRange | true |

  Scenario: Exchange 2010 RTM refuses a page over the limit with ErrorServerBusy
    Given the mock serves the scenario "profiles/find-count-limit.yaml"
    And the mock emulates Exchange2010
    When alice@acme.test posts the item request with RequestServerVersion Exchange2010:
      """
      <m:FindItem Traversal="Shallow">
        <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>
        <m:IndexedPageItemView MaxEntriesReturned="10" Offset="0" BasePoint="Beginning"/>
        <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
      </m:FindItem>
      """
    Then the response is a SOAP fault with ResponseCode ErrorServerBusy
