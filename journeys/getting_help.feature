@support
Feature: Getting help
  A customer looks for answers after buying.

  Scenario: A customer looks for how to return an item
    Given I am a first-time customer on the home page
    When I follow "Help"
    And I follow "Returns"
    And I follow "Contact support"
    Then I should see "Contact support"

  Scenario: A customer looks for gift cards
    Given I am a first-time customer on the home page
    When I follow "Gift cards"
    Then I should see "Page not found"
