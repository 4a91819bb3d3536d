@protocol @impersonation
Feature: Exchange impersonation through ExchangeImpersonation/ConnectingSID
  A caller acts on another mailbox only through impersonation, and only within its grants. Each
  refusal is the request-level fault Exchange sends, and nothing is served.

  Rule: the four ConnectingSID forms name the same mailbox

    Scenario Outline: svc-ews@acme.test impersonates alice@acme.test by <form>
      When svc-ews@acme.test impersonates alice@acme.test by <form> and gets the inbox folder
      Then the HTTP status is 200
      And the folder in the response is named "Inbox" with 23 items

      Examples:
        | form          |
        | PrincipalName |
        | SID           |

      # ConnectingSID/PrimarySmtpAddress arrived with Exchange 2007 SP1
      @since:Exchange2007_SP1
      Examples:
        | form               |
        | PrimarySmtpAddress |

      # ConnectingSID/SmtpAddress arrived with Exchange 2010
      @since:Exchange2010
      Examples:
        | form        |
        | SmtpAddress |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario Outline: ews-javascript-api impersonating by <form>
      When svc-ews@acme.test impersonates carol@globex.test by <form> through ews-javascript-api and binds to the inbox folder
      Then the folder is "Inbox" with 23 items

      Examples:
        | form          |
        | PrincipalName |
        | SID           |
        | SmtpAddress   |

  Rule: grants cover all mailboxes, the mailboxes of some domains, or a list of mailboxes

    # Accounts' ApplicationImpersonation grants: Exchange Online retired them, and its app grants
    # are in features/profiles/impersonation.feature.
    @since:Exchange2010_SP2 @until:Exchange2019
    Scenario Outline: <caller> impersonating <target>: <outcome>
      Given the mock serves the scenario "grants.yaml"
      When <caller> impersonates <target> by SmtpAddress and gets the inbox folder
      Then the outcome is <outcome>

      Examples:
        | caller             | target             | outcome                    |
        | root@acme.test     | alice@acme.test    | an Inbox with 2 items      |
        | root@acme.test     | carol@globex.test  | an Inbox with 3 items      |
        | root@acme.test     | dave@initech.test  | an Inbox with 1 items      |
        | helpdesk@acme.test | alice@acme.test    | an Inbox with 2 items      |
        | helpdesk@acme.test | carol@globex.test  | an Inbox with 3 items      |
        | helpdesk@acme.test | bob@acme.test      | ErrorImpersonateUserDenied |
        | helpdesk@acme.test | dave@initech.test  | ErrorImpersonateUserDenied |
        | svc-ews@acme.test  | bob@acme.test      | an Inbox with 1 items      |
        | svc-ews@acme.test  | carol@globex.test  | ErrorImpersonateUserDenied |
        | alice@acme.test    | bob@acme.test      | ErrorImpersonateUserDenied |
        | alice@acme.test    | alice@acme.test    | ErrorImpersonateUserDenied |

    @since:Exchange2010_SP2 @until:Exchange2019
    Scenario: An account without a mailbox impersonates through a grant
      Given the mock serves the scenario "grants.yaml"
      When root@acme.test impersonates bob@acme.test by PrincipalName and gets the inbox folder
      Then the folder in the response is named "Inbox" with 1 items

  Rule: refusals are faults with the code and text Exchange sends

    # names the mailbox by ConnectingSID/SmtpAddress, which arrived with Exchange 2010
    @since:Exchange2010
    Scenario: Impersonating outside the grant
      When svc-ews@acme.test impersonates dave@initech.test by SmtpAddress and gets the inbox folder
      Then the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied
      And the fault message is "The account does not have permission to impersonate the requested user."

    # names the mailbox by ConnectingSID/SmtpAddress, which arrived with Exchange 2010
    @since:Exchange2010
    Scenario: Impersonating an address with no mailbox
      When svc-ews@acme.test sends a GetFolder for inbox with the ConnectingSID content "<t:SmtpAddress>nobody@acme.test</t:SmtpAddress>"
      Then the response is a SOAP fault with ResponseCode ErrorNonExistentMailbox
      And the fault message is "The SMTP address has no mailbox associated with it."

    Scenario: Impersonating an unknown SID
      When svc-ews@acme.test sends a GetFolder for inbox with the ConnectingSID content "<t:SID>S-1-5-21-1-2-3-9999</t:SID>"
      Then the response is a SOAP fault with ResponseCode ErrorNonExistentMailbox

    Scenario Outline: A malformed ConnectingSID: <case>
      When svc-ews@acme.test sends a GetFolder for inbox with the ConnectingSID content "<content>"
      Then the response is a SOAP fault with ResponseCode ErrorInvalidExchangeImpersonationHeaderData

      Examples:
        | case                 | content                                                                                       |
        | no child             |                                                                                               |
        | an empty value       | <t:SmtpAddress></t:SmtpAddress>                                                               |
        | a blank value        | <t:PrincipalName>   </t:PrincipalName>                                                        |
        | two children         | <t:SmtpAddress>alice@acme.test</t:SmtpAddress><t:SmtpAddress>bob@acme.test</t:SmtpAddress>    |
        | an unknown child     | <t:LogonName>alice</t:LogonName>                                                              |

    Scenario: ExchangeImpersonation without ConnectingSID
      When svc-ews@acme.test sends a GetFolder for inbox with the impersonation header "<t:ExchangeImpersonation/>"
      Then the response is a SOAP fault with ResponseCode ErrorInvalidExchangeImpersonationHeaderData

  Rule: without impersonation a caller reaches only its own mailbox

    Scenario: Alice's own Inbox by its id
      When alice@acme.test posts a GetFolder for the inbox folder id of alice@acme.test
      Then the folder in the response is named "Inbox" with 23 items

    Scenario: Bob's Inbox id is denied to Alice
      When alice@acme.test posts a GetFolder for the inbox folder id of bob@acme.test
      Then the HTTP status is 200
      And the response messages have these ResponseCodes:
        | ErrorAccessDenied |

    Scenario: The super-user without impersonation cannot use a user's ids either
      When svc-ews@acme.test posts a GetFolder for the inbox folder id of alice@acme.test
      Then the response messages have these ResponseCodes:
        | ErrorAccessDenied |

    Scenario: Impersonating Alice does not open Bob's ids
      When svc-ews@acme.test impersonating alice@acme.test posts a GetFolder for the inbox folder id of bob@acme.test
      Then the response messages have these ResponseCodes:
        | ErrorAccessDenied |

    # checked through ews-javascript-api, whose oldest ExchangeVersion is Exchange2007_SP1
    @since:Exchange2007_SP1
    Scenario: Another user's folder by distinguished id and mailbox, through ews-javascript-api
      When alice@acme.test binds to the inbox folder of carol@globex.test without impersonation
      Then the client call fails with ErrorAccessDenied
