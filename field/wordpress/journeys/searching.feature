Feature: Searching the blog
  A reader arrives from an old link that no longer works and searches instead.

  Scenario: Find a post by searching after an old link fails
    Given I am a first-time customer
    When I open "/?p=404"
    Then I should see "This page could not be found."
    When I fill in "Search" with "reading room"
    And I press "Search"
    Then I should see "Opening the reading room"
    When I follow "Opening the reading room"
    Then I should see "the reading room opens on Saturdays"

  Scenario: Search for something the blog has not written about
    Given I am a first-time customer
    When I open "/?p=404"
    And I fill in "Search" with "tomatoes"
    And I press "Search"
    Then I should see "Sorry, but nothing matched your search terms."
