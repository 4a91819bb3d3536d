@profiles
Feature: Impersonation as each generation decides it
  Exchange 2007 checks two Active Directory rights; 2010 to 2019 the ApplicationImpersonation role
  narrowed by management scopes; Exchange Online only app-only tokens with full_access_as_app,
  optionally narrowed by RBAC for Applications. Same request, different answers.

  Background:
    Given the mock serves the scenario "profiles/impersonation-models.yaml"

  Scenario Outline: Exchange 2007 rights on <profile>: <who> impersonating <target>
    Given the mock emulates <profile>
    When <who> impersonates <target> by PrimarySmtpAddress asking for Exchange2007_SP1 and gets the inbox folder
    Then <outcome>

    @Exchange2007_SP1
    Examples:
      | profile          | who                | target            | outcome                                                                  |
      | Exchange2007_SP1 | legacy@acme.test   | alice@acme.test   | the folder in the answer is named "Inbox"                                |
      | Exchange2007_SP1 | legacy@acme.test   | carol@globex.test | the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied |
      | Exchange2007_SP1 | noserver@acme.test | alice@acme.test   | the response is a SOAP fault with ResponseCode ErrorImpersonationDenied  |
      | Exchange2007_SP1 | svc-ews@acme.test  | carol@globex.test | the folder in the answer is named "Inbox"                                |

  Scenario Outline: After the move to RBAC (<profile>) the 2007 rights no longer count
    Given the mock emulates <profile>
    When legacy@acme.test impersonates alice@acme.test by PrimarySmtpAddress asking for Exchange2007_SP1 and gets the inbox folder
    Then the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied

    Examples:
      | profile      |
      | Exchange2010 |
      | Exchange2016 |

  Scenario Outline: A management scope's recipient filter on Department (<profile>): <target>
    Given the mock emulates <profile>
    When sales-app@acme.test impersonates <target> by SmtpAddress asking for Exchange2010 and gets the inbox folder
    Then <outcome>

    Examples:
      | profile          | target            | outcome                                                                   |
      | Exchange2010     | alice@acme.test   | the folder in the answer is named "Inbox"                                 |
      | Exchange2010     | bob@acme.test     | the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied |
      | Exchange2019     | carol@globex.test | the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied |
      | Exchange2019     | alice@acme.test   | the folder in the answer is named "Inbox"                                 |

  @ExchangeOnline
  Scenario Outline: Exchange Online: the application's RBAC scope decides (<target>)
    Given the mock emulates ExchangeOnline
    When an application posts a GetFolder for inbox impersonating <target> with a valid app-only token
    Then <outcome>

    Examples:
      | target            | outcome                                                                   |
      | bob@acme.test     | the folder in the answer is named "Inbox"                                 |
      | carol@globex.test | the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied |

  @ExchangeOnline
  Scenario: Exchange Online: a user's delegated token may not carry an impersonation header
    Given the mock emulates ExchangeOnline
    When svc-ews@acme.test with a delegated token impersonating alice@acme.test posts a GetFolder for inbox
    Then the response is a SOAP fault with ResponseCode ErrorInvalidExchangeImpersonationHeaderData
    And the fault message is "ExchangeImpersonation SOAP header must not exist for this type of OAuth token."

  @ExchangeOnline
  Scenario: Exchange Online refuses an X-AnchorMailbox that names another mailbox
    Given the mock emulates ExchangeOnline
    When an application impersonating alice@acme.test posts a GetFolder for inbox with X-AnchorMailbox bob@acme.test
    Then the response is a SOAP fault with ResponseCode ErrorImpersonateUserDenied
    When an application impersonating alice@acme.test posts a GetFolder for inbox with X-AnchorMailbox alice@acme.test
    Then the folder in the answer is named "Inbox"

  Scenario: On premises X-AnchorMailbox only routes: another mailbox's anchor changes nothing
    Given the mock emulates Exchange2016
    When svc-ews@acme.test impersonating alice@acme.test posts a GetFolder for inbox with X-AnchorMailbox bob@acme.test
    Then the folder in the answer is named "Inbox"
