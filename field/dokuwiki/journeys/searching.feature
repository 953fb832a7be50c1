Feature: Searching the wiki
  A visitor looks something up.

  Scenario: Search the wiki for composting tips
    Given I am a first-time customer on the home page
    When I fill in "Search" with "compost"
    And I press "Search"
    Then I should see "compost"
    When I follow "compost"
    Then I should see "Turn the heap every two weeks"

  Scenario: Search for something the wiki does not have
    Given I am a first-time customer on the home page
    When I fill in "Search" with "tomatoes"
    And I press "Search"
    Then I should see "Nothing was found."
