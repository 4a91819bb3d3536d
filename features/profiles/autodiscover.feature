@profiles
Feature: Autodiscover and the schema documents per generation
  POX Autodiscover (autodiscover.xml) answers on every generation; SOAP Autodiscover
  (autodiscover.svc, GetUserSettings) from Exchange 2010 on. Clients learn which endpoints exist
  from the X-SOAP-Enabled and X-OAuth-Enabled headers, even on a 401.

  Scenario Outline: POX Autodiscover on <profile> gives the EWS URL
    Given the mock emulates <profile>
    When svc-ews@acme.test asks POX Autodiscover for alice@acme.test
    Then the POX answer gives the EWS URL of the mock and the display name "Alice Anderson"
    And the POX ServerVersion decodes to major version <major> and minor version <minor>

    Examples:
      | profile          | major | minor |
      | Exchange2007     | 8     | 0     |
      | Exchange2007_SP1 | 8     | 3     |
      | Exchange2010_SP2 | 14    | 2     |
      | Exchange2016     | 15    | 1     |

  Scenario: POX Autodiscover for an unknown address
    Given the mock emulates Exchange2013
    When svc-ews@acme.test asks POX Autodiscover for nobody@acme.test
    Then the POX answer is the error 500 "The email address can't be found."

  Scenario: POX Autodiscover for another provider's schema is an invalid request
    Given the mock emulates Exchange2010
    When svc-ews@acme.test asks POX Autodiscover for alice@acme.test with the response schema "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
    Then the POX answer is the error 600 "Invalid Request"

  Scenario Outline: The discovery headers of <profile>, read from an unauthenticated probe
    Given the mock emulates <profile>
    When a client without credentials probes /autodiscover/autodiscover.xml
    Then the answer has the status 401 and the discovery headers:
      | X-SOAP-Enabled  | <soap>  |
      | X-OAuth-Enabled | <oauth> |

    Examples:
      | profile          | soap     | oauth    |
      | Exchange2007_SP1 | (absent) | (absent) |
      | Exchange2010     | True     | (absent) |
      | Exchange2013_SP1 | True     | (absent) |
      | Exchange2019     | True     | True     |
      | ExchangeOnline   | True     | True     |

  Scenario: Exchange 2007 has no SOAP Autodiscover
    Given the mock emulates Exchange2007_SP1
    When a client without credentials probes /autodiscover/autodiscover.svc
    Then the answer has the status 404 and the discovery headers:
      | X-SOAP-Enabled | (absent) |

  Scenario Outline: ews-javascript-api's AutodiscoverService reads user settings from <profile>
    Given the mock emulates <profile>
    When svc-ews@acme.test asks SOAP Autodiscover through ews-javascript-api for the settings of "alice@acme.test, nobody@acme.test":
      | UserDisplayName       |
      | ExternalEwsUrl        |
      | InternalEwsUrl        |
      | UserDeploymentId      |
      | EwsSupportedSchemas   |
      | InternalWebClientUrls |
    Then the settings of alice@acme.test are:
      | UserDisplayName     | Alice Anderson       |
      | ExternalEwsUrl      | <the mock EWS URL>   |
      | InternalEwsUrl      | <the mock EWS URL>   |
      | UserDeploymentId    | <a GUID>             |
      | EwsSupportedSchemas | <schemas>            |
    And the Autodiscover answer for "nobody@acme.test" is the error InvalidUser "Invalid user: 'nobody@acme.test'"
    And the setting InternalWebClientUrls is reported as SettingIsNotAvailable

    Examples:
      | profile          | schemas                                                                          |
      | Exchange2010     | Exchange2007, Exchange2007_SP1, Exchange2010                                     |
      | Exchange2013_SP1 | Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1 |

  Scenario Outline: The schema documents of <profile> describe what it serves
    Given the mock emulates <profile>
    When alice@acme.test downloads /EWS/Services.wsdl
    Then the WSDL binds these operations to the mock's EWS URL:
      | GetFolder  |
      | FindFolder |
    When alice@acme.test downloads /EWS/types.xsd
    Then the types schema enumerates the versions "<versions>"

    Examples:
      | profile          | versions                                       |
      | Exchange2007_SP1 | Exchange2007, Exchange2007_SP1                 |
      | Exchange2010_SP1 | Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1 |

  Scenario: The schema documents need authentication, as IIS serves them
    Given the mock emulates Exchange2016
    When a client without credentials probes /EWS/messages.xsd
    Then the answer has the status 401 and the discovery headers:
      | X-SOAP-Enabled | (absent) |

  Scenario: Exchange 2007 RTM's WSDL offers no ConvertId, which came with SP1
    Given the mock emulates Exchange2007
    When alice@acme.test downloads /EWS/Services.wsdl
    Then the WSDL binds these operations to the mock's EWS URL:
      | GetFolder |
      | FindItem  |
    And the WSDL does not offer ConvertId
