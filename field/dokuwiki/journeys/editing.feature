Feature: Editing a page
  A member logs in and corrects the garden's summer opening hours.

  Scenario: Log in and correct the opening hours
    Given I am a first-time customer on the home page
    When I follow "Log In"
    And I fill in "Username" with "robin"
    And I fill in "Password" with "Robin-Pass-2024"
    And I press "Log In"
    And I follow "Opening hours"
    And I click "Edit this page"
    And I fill in "Edit the page" with "The garden gate is open every day from 8 am to 8 pm."
    And I press "Save"
    Then I should see "from 8 am to 8 pm"
