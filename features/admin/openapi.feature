@needs-admin @admin @openapi
Feature: The admin API describes itself in OpenAPI
  Other projects generate clients and read the contract from the document the mock serves.

  Scenario: The served document is valid OpenAPI 3 and documents every route
    When the tester sends GET "/openapi.json" to the admin API
    Then the admin API answers 200
    When the OpenAPI document is validated
    Then it is a valid OpenAPI 3.0 document
    And every route the admin router answers is documented, and nothing else
    And the document names every fault kind and every ResponseCode of the catalogue
    And the document's server is the admin URL of this mock
