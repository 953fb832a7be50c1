Feature: Getting back in
  A member who has forgotten their password asks for a new one.

  Scenario: Get a new password after forgetting it
    Given I am a first-time customer on the home page
    When I follow "Log In"
    And I follow "Set new password"
    And I fill in "Username" with "robin"
    And I press "Set new password"
    Then I should see "A confirmation link has been sent by email."
