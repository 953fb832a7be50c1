Feature: Open an account
  A first-time visitor wants an account on the site.

  Scenario: Sign up for an account
    Given I am a first-time customer on the home page
    When I follow "Sign Up"
    And I fill in "Email" with "robin@example.com"
    And I fill in "Password" with "Tulip-garden-7"
    And I fill in "Password (again)" with "Tulip-garden-7"
    And I press "Sign Up"
    Then I should see "Enter Email Verification Code"

  Scenario: Sign up with a password that is too short
    Given I am a first-time customer on the home page
    When I follow "Sign Up"
    And I fill in "Email" with "casey@example.com"
    And I fill in "Password" with "tulip"
    And I fill in "Password (again)" with "tulip"
    And I press "Sign Up"
    Then I should see "This password is too short"
    When I fill in "Password" with "Tulip-garden-7"
    And I fill in "Password (again)" with "Tulip-garden-7"
    And I press "Sign Up"
    Then I should see "Enter Email Verification Code"
