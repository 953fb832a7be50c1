Feature: Getting back in
  A reader who has forgotten their password asks for a new one.

  Scenario: Get a new password after forgetting it
    Given I am a first-time customer
    When I open "/wp-login.php"
    And I follow "Lost your password?"
    And I fill in "Username or Email Address" with "writer@field.test"
    And I press "Get New Password"
    Then I should see "Check your email for the confirmation link"
